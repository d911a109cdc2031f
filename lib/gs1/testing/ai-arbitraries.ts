// Test-only: fast-check arbitraries for valid AI data across the whole dictionary, and for hostile input
// (mutated GS1 data and arbitrary strings). Used by the property tests and scripts/gs1-fuzz.ts.
import fc from "fast-check";

import type { AiValue } from "../ai-element";
import { allAiEntries } from "../ai-table";
import { validateAiValue } from "../ai-value-validation";
import { computeCheckDigit, computeCheckPair } from "../check-digit";
import type { AiComponent, AiEntry } from "../dictionary-types";
import { CSET82 } from "../linters/cset-linters";

const CSETS = { N: "0123456789", X: CSET82, Y: "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", Z: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" };
const pad2 = (n: number): string => String(n).padStart(2, "0");
const two = (min: number, max: number) => fc.integer({ min, max }).map(pad2);

// Values known to satisfy linters that are impractical to construct at random.
const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  iso3166: ["528", "276", "840"], iso3166999: ["999", "250"], iso3166alpha2: ["NL", "DE"], iso4217: ["978", "840"],
  iban: ["GB98MIDL07009312345678", "DE91100000000123456789"], couponcode: ["012345612345611110123"],
  couponposoffer: ["001234561234560123456"], packagetype: ["BX", "PX"], mediatype: ["01", "80"], iso5218: ["0", "9"],
  winding: ["0", "9"], yesno: ["0", "1"], zero: ["0"], hyphen: ["-"], importeridx: ["A", "-"], posinseqslash: ["1/2", "3/3"],
  latitude: ["0523702100"], longitude: ["1848951200"], pieceoftotal: ["0102", "0909"],
};

/** Free text of the component's character set, then fixed up for the linters that constrain it. */
function textComponent(part: AiComponent): fc.Arbitrary<string> {
  const has = (name: string) => part.linters.includes(name);
  const needsGcp = has("gcppos1") || has("gcppos2");
  const min = Math.max(part.min, has("csumalpha") || needsGcp ? 6 : 1);
  const chars = [...CSETS[part.cset]];
  const unit = fc.constantFrom(...chars);
  return fc.tuple(fc.string({ unit: fc.constantFrom(...CSETS.N), minLength: needsGcp ? 5 : 0, maxLength: needsGcp ? 5 : 0 }), fc.string({ unit, minLength: min, maxLength: part.max })).map(([gcp, text]) => {
    let value = (gcp + text).slice(0, Math.max(min, Math.min(part.max, gcp.length + text.length)));
    if (value.length < min) value = value.padEnd(min, "0");
    if (part.cset === "Z" && value.length % 3 === 1) value = value.slice(0, -1) || "AB";
    if (has("nonzero") && /^0*$/.test(value)) value = `${value.slice(0, -1)}1`;
    if (has("nozeroprefix") && value.length > 1 && value.startsWith("0")) value = `1${value.slice(1)}`;
    if (has("hasnondigit") && /^\d*$/.test(value)) value = `${value.slice(0, -3)}A${value.slice(-2)}`;
    if (has("csum")) value = value.slice(0, -1) + (computeCheckDigit(value.slice(0, -1)) ?? "0");
    if (has("csumalpha")) value = value.slice(0, -2) + (computeCheckPair(value.slice(0, -2)) ?? "22");
    return value;
  });
}

export function componentArbitrary(part: AiComponent): fc.Arbitrary<string> {
  const has = (name: string) => part.linters.includes(name);
  for (const name of part.linters) {
    const samples = SAMPLES[name]?.filter((s) => s.length >= part.min && s.length <= part.max);
    if (samples && samples.length > 0) return fc.constantFrom(...samples);
  }
  if (has("yymmdd") || has("yymmd0")) return fc.tuple(two(0, 99), two(1, 12), two(1, 28)).map((p) => p.join(""));
  if (has("yyyymmdd")) return fc.tuple(fc.integer({ min: 1900, max: 2099 }).map(String), two(1, 12), two(1, 28)).map((p) => p.join(""));
  if (has("hhmi")) return fc.tuple(two(0, 23), two(0, 59)).map((p) => p.join(""));
  if (has("hh")) return two(0, 23);
  if (has("mi") || has("ss")) return two(0, 59);
  return textComponent(part);
}

const VALUE_ARBITRARIES = new Map<AiEntry, fc.Arbitrary<string>>();

/** A valid value for one AI: its components (optional ones sometimes left out), checked by the validator. */
export function aiValueArbitrary(entry: AiEntry): fc.Arbitrary<string> {
  let arbitrary = VALUE_ARBITRARIES.get(entry);
  if (!arbitrary) {
    const parts = entry.components.map((part) => (part.optional ? fc.option(componentArbitrary(part), { nil: "", freq: 3 }) : componentArbitrary(part)));
    arbitrary = fc
      .tuple(...parts)
      .map((values) => {
        // An optional component that is left out ends the value: later ones cannot follow it.
        const cut = entry.components.findIndex((part, i) => part.optional && values[i] === "");
        return (cut < 0 ? values : values.slice(0, cut)).join("");
      })
      .filter((value) => validateAiValue(entry.ai, entry, value, 0).ok);
    VALUE_ARBITRARIES.set(entry, arbitrary);
  }
  return arbitrary;
}

export function aiElementArbitrary(filter: (e: AiEntry) => boolean = () => true): fc.Arbitrary<AiValue> {
  const entries = allAiEntries().filter(filter);
  return fc.constantFrom(...entries).chain((entry) => aiValueArbitrary(entry).map((value) => ({ ai: entry.ai, value })));
}

/** Distinct AIs with valid values (cross-AI rules are not considered). */
export function aiElementsArbitrary(minLength: number, maxLength: number, filter?: (e: AiEntry) => boolean): fc.Arbitrary<AiValue[]> {
  return fc.uniqueArray(aiElementArbitrary(filter), { minLength, maxLength, selector: (e) => e.ai });
}

const MUTATION_CHARS = [...`${CSET82}()^\u001d/?&=%#: ~\u0000\u00ff`, "\u{1F600}"];

const mutation = fc.record({ kind: fc.integer({ min: 0, max: 4 }), at: fc.nat(), char: fc.constantFrom(...MUTATION_CHARS) });

function applyMutation(input: string, m: { kind: number; at: number; char: string }): string {
  const at = m.at % (input.length + 1);
  switch (m.kind) {
    case 0:
      return input.slice(0, at) + input.slice(at + 1);
    case 1:
      return input.slice(0, at) + m.char + input.slice(at);
    case 2:
      return input.slice(0, at) + m.char + input.slice(at + 1);
    case 3:
      return input + input.slice(at);
    default:
      return input.slice(0, at);
  }
}

/** GS1 data from `seeds`, hit by 1-8 deletions, insertions, replacements, duplications or truncations. */
export function mutatedInputArbitrary(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([seed, ms]) => ms.reduce(applyMutation, seed));
}

/** Hostile input: mostly mutated GS1 data, sometimes arbitrary Unicode strings. */
export function hostileInputArbitrary(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: mutatedInputArbitrary(seeds), weight: 4 }, { arbitrary: fc.string({ unit: "binary", maxLength: 120 }), weight: 1 });
}
