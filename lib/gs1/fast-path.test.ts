// Differential tests: every parser gives exactly the same result (value or error, same key order) with the
// fast paths on as with only the general code, on GS1's vectors, random valid data and mutated input.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";

import type { AiElement, AiValue } from "./ai-element";
import { allAiEntries, getAiEntry } from "./ai-table";
import { validateAssociations } from "./association-rules";
import { parseBarcodeData } from "./barcode-data";
import { generateDigitalLink } from "./digital-link-generate";
import { parseDigitalLink } from "./digital-link-parse";
import { toBracketed, toGsSeparated, toUnbracketed } from "./element-string";
import { parseElementString } from "./element-string-api";
import { fastParseBracketed, fastParseDigitalLink, fastParseRawAiData, setFastPathsEnabled } from "./fast-path";
import type { Gs1Options } from "./gs1-options";
import { resolveOptions } from "./gs1-options";
import { processScanData } from "./scan-data";
import { aiElementsArbitrary, aiValueArbitrary, mutatedInputArbitrary } from "./testing/ai-arbitraries";
import { loadVectors } from "./testing/load-vectors";

const OPTION_SETS: readonly Gs1Options[] = [
  {},
  { validateAssociations: false },
  { validateRequisiteAIs: false },
  { permitUnknownAIs: true },
  { permitConvenienceAlphas: true, permitZeroSuppressedGTINinDLuris: true },
  { permitUnknownAIs: true, validateUnknownAInotDLattr: false },
];

function both<T>(run: () => T): { fast: T; general: T } {
  setFastPathsEnabled(true);
  const fast = run();
  setFastPathsEnabled(false);
  try {
    return { fast, general: run() };
  } finally {
    setFastPathsEnabled(true);
  }
}

function expectSame(input: string): void {
  for (const options of OPTION_SETS) {
    for (const parse of [parseDigitalLink, parseBarcodeData, parseElementString, processScanData] as const) {
      const { fast, general } = both(() => parse(input, options));
      expect(fast, `${parse.name}(${JSON.stringify(input)}, ${JSON.stringify(options)})`).toStrictEqual(general);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
    }
  }
}

function vectorInputs(): string[] {
  const inputs: string[] = [];
  for (const c of loadVectors<{ uri: string }>("dl-parse.json").cases) inputs.push(c.uri);
  for (const c of loadVectors<{ input: string }>("element-strings.json").cases) inputs.push(c.input);
  for (const c of loadVectors<{ scanData: string }>("scan-data.json").cases) inputs.push(c.scanData);
  for (const c of loadVectors<{ uncompressed: string; compressed: string }>("dl-compression.json").cases) inputs.push(c.uncompressed, c.compressed);
  for (const c of loadVectors<{ elementString: string; expected: string | null }>("dl-generate.json").cases) {
    inputs.push(c.elementString);
    if (c.expected) inputs.push(c.expected);
  }
  return inputs.filter((s) => typeof s === "string");
}

const SEEDS = [
  "https://id.gs1.org/01/09520123456788",
  "https://brand.example.com/p/01/09520123456788/10/ABC123/21/12345?17=261231",
  "https://example.com/01/09520123456788/10/L1/21/S1?3103=000195&3922=0299&17=201225&linkType=gs1:pip",
  "https://id.gs1.org/00/952012345678912345",
  "https://example.com//01/09520123456788/22/A%2Fb+c/10/x(1?17=201225&&linkType=a%20b&linkType=2&x+y=1+2&flag&=v#frag",
  "(01)09520123456788(10)ABC123(21)12345(17)261231",
  "]d2010952012345678810ABC123\u001d2112345\u001d17261231",
  "]Q3010952012345678810ABC123\u001d",
  "^0112345678901231^8110012345612345611110123",
  "\u001d0109520123456788\u001d10ABC",
  "0109520123456788",
  "(01)09520123456788(8030)ABCD(253)9520123456788",
];

// A key, some of its qualifiers (in path order) and data attributes: mostly valid Digital Links.
const KEYS = allAiEntries().filter((e) => e.dlpkey !== null && e.dlpkey.length > 0);
const digitalLinkData = fc.constantFrom(...KEYS).chain((key) => {
  const path = fc.constantFrom(...(key.dlpkey ?? [[]])).chain((alternative) =>
    fc.tuple(...alternative.map((ai) => {
      const entry = getAiEntry(ai);
      return entry ? fc.option(aiValueArbitrary(entry).map((value) => ({ ai, value })), { nil: null }) : fc.constant(null);
    })),
  );
  const attributes = aiElementsArbitrary(0, 4, (e) => e.dlDataAttr && e.dlpkey === null && !(key.dlpkey ?? []).flat().includes(e.ai));
  return fc.tuple(aiValueArbitrary(key), path, attributes).map(([value, qualifiers, rest]) => [
    { ai: key.ai, value },
    ...qualifiers.filter((q): q is AiValue => q !== null),
    ...rest,
  ]);
});

afterEach(() => {
  setFastPathsEnabled(true);
});

// Each case runs four parsers under six option sets, twice: generous timeouts for a loaded machine.
describe("fast paths agree with the general code", { timeout: 60_000 }, () => {
  it("on every input of GS1's vectors, under several option sets", () => {
    for (const input of vectorInputs()) expectSame(input);
  });

  it("on hand-picked inputs (escapes, empty params, fragments, stems ending in /)", () => {
    for (const input of SEEDS) expectSame(input);
  });

  it("on random valid AI data in every notation and as Digital Links", () => {
    fc.assert(
      fc.property(aiElementsArbitrary(1, 5), fc.constantFrom("https://id.gs1.org", "https://example.com/a/", "http://x.example"), (elements, stem) => {
        const inputs = [toBracketed(elements), toUnbracketed(elements), `]d2${toGsSeparated(elements)}`, toGsSeparated(elements)];
        const dl = generateDigitalLink(elements, stem, { validateUnknownAInotDLattr: false });
        if (dl.ok) inputs.push(dl.value, `${dl.value}${dl.value.includes("?") ? "&" : "?"}linkType=gs1:pip#x`);
        for (const input of inputs) expectSame(input);
      }),
      { numRuns: 300, seed: 20260301 },
    );
  });

  it("on random Digital Links with qualifiers and attributes", () => {
    let fastHits = 0;
    fc.assert(
      fc.property(digitalLinkData, fc.constantFrom("https://id.gs1.org", "https://example.com/a/", "HTTP://x.example/b"), (elements, stem) => {
        const dl = generateDigitalLink(elements, stem, { validateUnknownAInotDLattr: false });
        expect(dl.ok).toBe(true);
        if (!dl.ok) return;
        if (fastParseDigitalLink(dl.value, resolveOptions({ validateAssociations: false }))) fastHits++;
        expectSame(dl.value);
        expectSame(`${dl.value}${dl.value.includes("?") ? "&" : "?"}linkType=gs1:pip&context=x%20y#x`);
      }),
      { numRuns: 500, seed: 20260304 },
    );
    expect(fastHits).toBeGreaterThan(250);
  });

  it("on mutated GS1 data", () => {
    fc.assert(
      fc.property(mutatedInputArbitrary(SEEDS), (input) => expectSame(input)),
      { numRuns: 2000, seed: 20260302 },
    );
  });

  it("on cross-AI rules for random element sets", () => {
    const entryOf = (e: AiValue): AiElement | null => {
      const entry = getAiEntry(e.ai);
      return entry ? { ai: e.ai, value: e.value, offset: 0, entry, unknown: false } : null;
    };
    fc.assert(
      fc.property(aiElementsArbitrary(1, 6), fc.boolean(), (values, requisites) => {
        const elements = values.map(entryOf).filter((e): e is AiElement => e !== null);
        const { fast, general } = both(() => validateAssociations(elements, { requisites }));
        expect(fast).toStrictEqual(general);
      }),
      { numRuns: 2000, seed: 20260303 },
    );
  });
});

describe("fast paths are taken for typical input", () => {
  const o = resolveOptions({});
  it.each(SEEDS.slice(0, 5))("Digital Link %s", (uri) => {
    expect(fastParseDigitalLink(uri, o)).not.toBeNull();
  });
  it("element strings and scan data", () => {
    expect(fastParseBracketed("(01)09520123456788(10)ABC123(21)12345(17)261231")).not.toBeNull();
    expect(fastParseRawAiData("010952012345678810ABC123\u001d2112345\u001d17261231", "\u001d", 3)).not.toBeNull();
  });
});
