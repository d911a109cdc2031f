import { describe, expect, it } from "vitest";

import { generateDigitalLink, renderDigitalLink } from "./digital-link-generate";
import { parseDigitalLink } from "./digital-link-parse";
import { parseBracketed, parseUnbracketed } from "./element-string";
import { resolveOptions } from "./gs1-options";
import { loadVectors } from "./testing/load-vectors";

interface DlGenerateCase {
  readonly id: string;
  readonly input: "bracketed" | "unbracketed" | "dlUri";
  readonly elementString?: string;
  readonly dlUri?: string;
  readonly stem: string | null;
  readonly valid: boolean;
  readonly expected: string | null;
  readonly flags: Record<string, boolean>;
}

const vectors = loadVectors<DlGenerateCase>("dl-generate.json");

function elementsOf(c: DlGenerateCase) {
  const o = resolveOptions(c.flags);
  if (c.input === "dlUri") {
    const dl = parseDigitalLink(c.dlUri ?? "", { ...c.flags, validateAssociations: false });
    if (!dl.ok) throw new Error(dl.error.message);
    return dl.value.elements;
  }
  if (c.input === "unbracketed") {
    // GS1's notation joins a linear and a composite component with "|".
    return (c.elementString ?? "").split("|").flatMap((part) => {
      const parsed = parseUnbracketed(part, o);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.value;
    });
  }
  const parsed = parseBracketed(c.elementString ?? "", o);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe("generateDigitalLink on GS1's dl-generate.json vectors", () => {
  it.each(vectors.cases.map((c) => [`${c.id} ${c.elementString ?? c.dlUri}`, c] as const))("%s", (_name, c) => {
    if (c.input === "dlUri") {
      // A parsed DL keeps its path as given when re-rendered on another stem.
      const dl = parseDigitalLink(c.dlUri ?? "", c.flags);
      expect(dl.ok && renderDigitalLink(dl.value, c.stem ?? undefined)).toBe(c.expected);
      return;
    }
    const result = generateDigitalLink(elementsOf(c), c.stem ?? undefined, c.flags);
    expect(result.ok, result.ok ? "" : result.error.message).toBe(c.valid);
    if (result.ok) expect(result.value).toBe(c.expected);
  });
});

describe("generateDigitalLink", () => {
  it("round-trips through parseDigitalLink on a custom stem", () => {
    const uri = generateDigitalLink([{ ai: "01", value: "09520123456788" }, { ai: "17", value: "201225" }, { ai: "10", value: "A+B/" }], "https://brand.example/p/");
    expect(uri.ok && uri.value).toBe("https://brand.example/p/01/09520123456788/10/A%2BB%2F?17=201225");
    const back = uri.ok ? parseDigitalLink(uri.value) : null;
    expect(back?.ok && back.value.elementString).toBe("(01)09520123456788(10)A+B/(17)201225");
  });
});
