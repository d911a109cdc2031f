// Every language implements every message: the type checker sees missing keys, this test sees empty
// strings, keys beyond English's, and placeholders a translation dropped or renamed.
import { describe, expect, it } from "vitest";
import { uiLocales } from "./locales";
import { messagesByLocale } from "./messages";
import { en } from "./messages/en";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const english = leaves(en as unknown as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(uiLocales)("messages in %s", (locale) => {
  const messages = leaves(messagesByLocale[locale] as unknown as Tree);

  it("has exactly English's keys", () => {
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("has no empty message", () => {
    const empty = [...messages].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("keeps every placeholder", () => {
    for (const [key, text] of english) expect(placeholders(messages.get(key) ?? ""), key).toEqual(placeholders(text));
  });
});

it("names every language differently in the switcher", () => {
  expect(new Set(uiLocales.map((l) => messagesByLocale[l].languageName)).size).toBe(uiLocales.length);
});
