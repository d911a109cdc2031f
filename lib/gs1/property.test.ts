// Property tests with fast-check (fixed seeds for reproducible runs; a failure prints its counterexample).
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { allAiEntries } from "./ai-table";
import { parseBarcodeData } from "./barcode-data";
import { generateDigitalLink } from "./digital-link-generate";
import { parseDigitalLink } from "./digital-link-parse";
import { compressAiData, decompressAiData } from "./dl-compression";
import { GS, parseBracketed, parseRawAiData, parseUnbracketed, toBracketed, toGsSeparated, toUnbracketed } from "./element-string";
import { resolveOptions } from "./gs1-options";
import { aiElementsArbitrary, aiValueArbitrary, hostileInputArbitrary } from "./testing/ai-arbitraries";

const NO_ASSOCIATIONS = resolveOptions({ validateAssociations: false });
const plain = (elements: readonly { ai: string; value: string }[]) => elements.map(({ ai, value }) => `${ai}=${value}`);
const KEYS = allAiEntries().filter((e) => e.dlpkey !== null);

// Key plus data attributes that may go in the query (none of the key's own qualifiers).
const digitalLinkData = fc.constantFrom(...KEYS).chain((key) =>
  fc.tuple(
    aiValueArbitrary(key).map((value) => ({ ai: key.ai, value })),
    aiElementsArbitrary(0, 3, (e) => e.dlDataAttr && e.dlpkey === null && e.ai !== "01" && !(key.dlpkey ?? []).flat().includes(e.ai)),
  ).map(([k, attributes]) => [k, ...attributes]),
);

describe("generate -> parse round trips (fast-check)", () => {
  it("generates a valid value for every AI in the dictionary", () => {
    const missing = allAiEntries().filter((e) => fc.sample(aiValueArbitrary(e), { numRuns: 3, seed: 1 }).length === 0).map((e) => e.ai);
    expect(missing).toEqual([]);
  });

  it("round-trips random element strings through all three notations", () => {
    fc.assert(
      fc.property(aiElementsArbitrary(1, 5), (elements) => {
        const bracketed = parseBracketed(toBracketed(elements), NO_ASSOCIATIONS);
        const unbracketed = parseUnbracketed(toUnbracketed(elements), NO_ASSOCIATIONS);
        const raw = parseRawAiData(toGsSeparated(elements), GS, NO_ASSOCIATIONS);
        for (const result of [bracketed, unbracketed, raw]) expect(result.ok ? plain(result.value) : result.error.message).toEqual(plain(elements));
      }),
      { numRuns: 1000, seed: 20260127 },
    );
  });

  it("round-trips random Digital Links", () => {
    fc.assert(
      fc.property(digitalLinkData, (elements) => {
        const uri = generateDigitalLink(elements, "https://example.com/x");
        expect(uri.ok, uri.ok ? "" : uri.error.message).toBe(true);
        const parsed = uri.ok ? parseDigitalLink(uri.value, { validateAssociations: false }) : null;
        expect(parsed?.ok ? plain(parsed.value.elements).sort() : parsed?.error.message).toEqual(plain(elements).sort());
      }),
      { numRuns: 1000, seed: 20260128 },
    );
  });

  it("round-trips random AI data through DL compression", () => {
    fc.assert(
      fc.property(aiElementsArbitrary(1, 4), (elements) => {
        const compressed = compressAiData(elements, "https://example.com");
        expect(compressed.ok, compressed.ok ? "" : compressed.error.message).toBe(true);
        const segment = compressed.ok ? compressed.value.slice("https://example.com/".length) : "";
        const back = decompressAiData(segment);
        expect(back.ok ? plain(back.value).sort() : back.error.message).toEqual(plain(elements).sort());
      }),
      { numRuns: 1000, seed: 20260129 },
    );
  });
});

describe("parsers never throw (fast-check)", () => {
  const seeds = [
    "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426&linkType=gs1:pip",
    "https://example.com/GhFKk4XBoMhZyeqEb-zJCI67bg",
    "(01)09520123456788(17)201225(10)ABC(21)XYZ",
    "]d2010952012345678810ABC1\u001d17180426",
    "]Q1https://example.com/01/09520123456788",
    "urn:epc:id:sgtin:0614141.812345.6789",
    "^0112345678901231^8110012345612345611110123",
  ];

  it("survives 6,000 mutated and arbitrary inputs, each given to three parsers", () => {
    fc.assert(
      fc.property(hostileInputArbitrary(seeds), (input) => {
        const result = parseBarcodeData(input);
        expect(result.ok || result.error.code !== "INTERNAL_ERROR").toBe(true);
        parseDigitalLink(input);
        parseBracketed(input, NO_ASSOCIATIONS);
      }),
      { numRuns: 6000, seed: 4217 },
    );
  });
});
