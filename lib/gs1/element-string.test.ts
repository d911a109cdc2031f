import { describe, expect, it } from "vitest";

import { validateAssociations, type AssociationChecks } from "./association-rules";
import { parseBracketed, parseUnbracketed, toBracketed, toGsSeparated, toUnbracketed } from "./element-string";
import { resolveOptions } from "./gs1-options";
import { loadVectors } from "./testing/load-vectors";

interface ElementStringCase {
  readonly test: "parseAIdata" | "processAIdata" | "validateAIs" | "linters";
  readonly id: string;
  readonly input: string;
  readonly valid: boolean;
  readonly expected?: string;
  readonly bracketed?: string;
  readonly validation?: "repeatedAIs" | "mutex" | "requisites" | "digSigSerialisedKey";
  readonly expectedLinterError?: string;
  readonly flags?: { readonly permitUnknownAIs: boolean } | null;
}

const vectors = loadVectors<ElementStringCase>("element-strings.json");

// Each validateAIs case applies exactly one cross-AI validation in isolation.
const ONLY: Record<NonNullable<ElementStringCase["validation"]>, AssociationChecks> = {
  repeatedAIs: { mutex: false, requisites: false, repeats: true, digSigSerialKey: false },
  mutex: { mutex: true, requisites: false, repeats: false, digSigSerialKey: false },
  requisites: { mutex: false, requisites: true, repeats: false, digSigSerialKey: false },
  digSigSerialisedKey: { mutex: false, requisites: false, repeats: false, digSigSerialKey: true },
};

describe("element strings on GS1's element-strings.json vectors", () => {
  it.each(vectors.cases.map((c) => [`${c.test} ${c.id} ${c.input}`, c] as const))("%s", (_name, c) => {
    const options = resolveOptions(c.flags ?? {});
    if (c.test === "parseAIdata") {
      const result = parseBracketed(c.input, options);
      expect(result.ok, result.ok ? "" : result.error.message).toBe(c.valid);
      if (result.ok) expect(toUnbracketed(result.value)).toBe(c.expected);
    } else if (c.test === "processAIdata") {
      const result = parseUnbracketed(c.input, options);
      expect(result.ok, result.ok ? "" : result.error.message).toBe(c.valid);
      if (result.ok && c.bracketed) expect(toBracketed(result.value)).toBe(c.bracketed);
    } else if (c.test === "validateAIs") {
      const parsed = parseBracketed(c.input, options);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const result = validateAssociations(parsed.value, ONLY[c.validation ?? "mutex"]);
      expect(result.ok, result.ok ? "" : result.error.message).toBe(c.valid);
    } else {
      const result = parseBracketed(c.input, options);
      expect(result.ok ? "OK" : result.error.code).toBe(c.expectedLinterError);
    }
  });
});

describe("element string formats", () => {
  const parsed = parseBracketed("(01)09520123456788(17)201225(10)ABC\\(1(21)XYZ", resolveOptions());
  const elements = parsed.ok ? parsed.value : [];

  it("writes bracketed, GS1 unbracketed and GS-separated forms", () => {
    expect(toBracketed(elements)).toBe("(01)09520123456788(17)201225(10)ABC\\(1(21)XYZ");
    expect(toUnbracketed(elements)).toBe("^01095201234567881720122510ABC(1^21XYZ");
    expect(toGsSeparated(elements)).toBe("01095201234567881720122510ABC(1\u001d21XYZ");
  });

  it("places errors at the AI and the character offset", () => {
    const result = parseBracketed("(01)09520123456788(17)201332", resolveOptions());
    expect(result.ok ? null : result.error).toMatchObject({ code: "ILLEGAL_MONTH", ai: "17", offset: 24, length: 2 });
  });
});
