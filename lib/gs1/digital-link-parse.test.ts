import { describe, expect, it } from "vitest";

import { parseDigitalLink } from "./digital-link-parse";
import { toUnbracketed } from "./element-string";
import { loadVectors } from "./testing/load-vectors";

interface DlParseCase {
  readonly id: string;
  readonly uri: string;
  readonly valid: boolean;
  readonly expected: string | null;
  readonly expectedBracketed?: string;
  readonly flags: Record<string, boolean>;
  readonly nonDefaultFlags: readonly string[];
}

const vectors = loadVectors<DlParseCase>("dl-parse.json");

describe("parseDigitalLink on GS1's dl-parse.json vectors", () => {
  it.each(vectors.cases.map((c) => [`${c.id} ${c.uri}`, c] as const))("%s", (_name, c) => {
    // The engine function under test does DL-specific checks only, so cross-AI rules are off here.
    const result = parseDigitalLink(c.uri, { ...c.flags, validateAssociations: false });
    expect(result.ok, result.ok ? "" : result.error.message).toBe(c.valid);
    if (result.ok) {
      expect(toUnbracketed(result.value.elements)).toBe(c.expected);
      if (c.expectedBracketed) expect(result.value.elementString).toBe(c.expectedBracketed);
    }
  });
});

describe("parseDigitalLink result", () => {
  it("separates key, qualifiers, attributes and other parameters", () => {
    const result = parseDigitalLink("https://example.com/shop/01/09520123456788/10/ABC1/21/12345?17=180426&linkType=gs1:pip&x");
    expect(result.ok && result.value).toMatchObject({
      stem: "https://example.com/shop",
      primaryKey: { ai: "01", value: "09520123456788" },
      qualifiers: [{ ai: "10", value: "ABC1" }, { ai: "21", value: "12345" }],
      attributes: [{ ai: "17", value: "180426" }],
      otherParams: { linkType: "gs1:pip", x: "" },
      elementString: "(01)09520123456788(10)ABC1(21)12345(17)180426",
      canonicalUri: "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
      uri: "https://example.com/shop/01/09520123456788/10/ABC1/21/12345?17=180426",
    });
  });

  it("runs the cross-AI rules by default", () => {
    const result = parseDigitalLink("https://id.gs1.org/00/952012345678912345?02=09520123456788");
    expect(result.ok ? null : result.error.code).toBe("REQUIRED_AIS_NOT_SATISFIED");
  });

  it("reports the AI and offset of a bad check digit", () => {
    const result = parseDigitalLink("https://id.gs1.org/01/09520123456789");
    expect(result.ok ? null : result.error).toMatchObject({ code: "INCORRECT_CHECK_DIGIT", ai: "01", offset: 35 });
  });
});
