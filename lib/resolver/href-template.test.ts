import { describe, expect, it } from "vitest";

import { appendQuery, keyValuePairs } from "./forward-query";
import { fillHrefTemplate, scanHrefTemplates, templateValues } from "./href-template";

const values = templateValues(
  { ai: "01", value: "09506000134352" },
  [{ ai: "10", value: "LOT 1/2" }, { ai: "21", value: "A&B" }],
  [{ ai: "17", value: "271231" }],
);

describe("fillHrefTemplate", () => {
  const cases: [href: string, filled: string | null][] = [
    ["https://brand.example/p", "https://brand.example/p"],
    ["https://brand.example/{gtin}", "https://brand.example/09506000134352"],
    ["https://brand.example/{GTIN}/{lot}/{serial}?exp={expiry}", "https://brand.example/09506000134352/LOT%201%2F2/A%26B?exp=271231"],
    ["https://brand.example/{01}/{10}/{21}/{17}", "https://brand.example/09506000134352/LOT%201%2F2/A%26B/271231"],
    ["https://brand.example/{batch}/{ser}", "https://brand.example/LOT%201%2F2/A%26B"],
    ["https://brand.example/{cpv}", null], // the request carries no CPV: the link does not apply
    ["https://brand.example/{nosuch}", null],
    ["https://brand.example/{lot", null],
  ];
  it.each(cases)("%s", (href, filled) => {
    expect(fillHrefTemplate(href, values)).toBe(filled);
  });
});

describe("scanHrefTemplates", () => {
  const cases: [href: string, result: string][] = [
    ["https://b.example/{serial}/{17}", "21,17"],
    ["https://b.example/{lotnumber}", "unknown-template"],
    ["https://b.example/{}", "unknown-template"],
    ["https://b.example/}{", "malformed-template"],
    ["https://b.example/{a{b}}", "unknown-template"],
    ["https://b.example/{lot}}", "malformed-template"],
  ];
  it.each(cases)("%s → %s", (href, result) => {
    const scanned = scanHrefTemplates(href);
    expect(scanned.ok ? scanned.templates.map((t) => t.ai).join(",") : scanned.error.code).toBe(result);
  });
});

describe("appendQuery (qsPassedOn: all key=value pairs passed on, verbatim)", () => {
  const cases: [href: string, query: string, location: string][] = [
    ["https://b.example/p", "", "https://b.example/p"],
    ["https://b.example/p", "foo=bar", "https://b.example/p?foo=bar"],
    ["https://b.example/p", "?foo=bar&17=271231", "https://b.example/p?foo=bar&17=271231"],
    ["https://b.example/p?x=1", "foo=bar", "https://b.example/p?x=1&foo=bar"],
    ["https://b.example/p?", "foo=bar", "https://b.example/p?foo=bar"],
    ["https://b.example/p#top", "foo=bar", "https://b.example/p?foo=bar#top"],
    ["https://b.example/p", "linkType=gs1:pip&context=LK", "https://b.example/p?linkType=gs1:pip&context=LK"],
    ["https://b.example/p", "flag&&=novalue&a=%20b", "https://b.example/p?a=%20b"],
  ];
  it.each(cases)("%s + %s", (href, query, location) => {
    expect(appendQuery(href, query)).toBe(location);
  });
  it("drops pairs with control characters (no header splitting)", () => {
    expect(keyValuePairs("a=1&b=2\r\nSet-Cookie:x=y")).toEqual(["a=1"]);
  });
});
