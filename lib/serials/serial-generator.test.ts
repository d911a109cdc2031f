import { describe, expect, it } from "vitest";
import { validateSerialFormat } from "./serial-format";
import {
  checkPoolCapacity,
  createIndexSource,
  DEFAULT_SERIAL_ALPHABET,
  DEFAULT_SERIAL_LENGTH,
  generateSerials,
  guessProbability,
  MAX_GUESS_PROBABILITY,
} from "./serial-generator";

describe("guessProbability and the EU FMD pool check", () => {
  const cases: { issued: number; requested: number; alphabet: number; length: number; probability: number; ok: boolean }[] = [
    // 10^4 possible: one serial is exactly 1/10,000 (allowed), two are over.
    { issued: 0, requested: 1, alphabet: 10, length: 4, probability: 1e-4, ok: true },
    { issued: 1, requested: 1, alphabet: 10, length: 4, probability: 2e-4, ok: false },
    // 10^8 possible: 10,000 serials is the limit exactly.
    { issued: 9_000, requested: 1_000, alphabet: 10, length: 8, probability: 1e-4, ok: true },
    { issued: 9_000, requested: 1_001, alphabet: 10, length: 8, probability: 1.0001e-4, ok: false },
    // Defaults: a billion units of one GTIN stay near 10^-9.
    { issued: 0, requested: 1_000_000_000, alphabet: 32, length: 12, probability: 1e9 / 2 ** 60, ok: true },
    // 17 digits: 10^17 possible, beyond 2^53; the check stays exact at the boundary.
    { issued: 10 ** 13 - 1, requested: 1, alphabet: 10, length: 17, probability: 1e-4, ok: true },
    { issued: 10 ** 13, requested: 1, alphabet: 10, length: 17, probability: 1e-4, ok: false },
  ];
  it.each(cases)("$issued + $requested of $alphabet^$length → $probability ($ok)", ({ issued, requested, alphabet, length, probability, ok }) => {
    expect(guessProbability(issued + requested, alphabet, length)).toBeCloseTo(probability, 12);
    const format = { alphabet: "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".slice(0, alphabet), length };
    expect(checkPoolCapacity(issued, requested, format).ok).toBe(ok);
  });

  it("says how many more serials a refused pool could take", () => {
    expect(checkPoolCapacity(9_000, 5_000, { alphabet: "0123456789", length: 8 })).toMatchObject({ ok: false, remaining: 1_000 });
  });

  it("keeps the default far below the limit", () => {
    expect(guessProbability(1_000_000, DEFAULT_SERIAL_ALPHABET.length, DEFAULT_SERIAL_LENGTH)).toBeLessThan(MAX_GUESS_PROBABILITY / 1e8);
  });
});

describe("createIndexSource (rejection sampling)", () => {
  it.each([2, 10, 32, 36, 82])("gives every index of %i the same share of all byte values", (size) => {
    // Feed every byte value 0..255 once per block: accepted bytes must map evenly onto the indexes.
    const fill = (block: Uint8Array) => block.forEach((_, i) => (block[i] = i % 256));
    const next = createIndexSource(size, fill);
    const counts = new Array<number>(size).fill(0);
    const draws = (256 - (256 % size)) * 64;
    for (let i = 0; i < draws; i++) counts[next()]!++;
    expect(new Set(counts)).toEqual(new Set([draws / size]));
  });

  it("refuses alphabets it cannot sample", () => {
    expect(() => createIndexSource(1)).toThrow(RangeError);
    expect(() => createIndexSource(257)).toThrow(RangeError);
  });
});

describe("generateSerials", () => {
  it("draws the requested count, length and alphabet", () => {
    const serials = generateSerials(5_000);
    expect(serials).toHaveLength(5_000);
    for (const serial of serials) expect(serial).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}$/);
    expect(new Set(serials).size).toBe(5_000);
  });

  it.each([
    { alphabet: "0123456789", length: 20, pattern: /^\d{20}$/ },
    { alphabet: "AB", length: 1, pattern: /^[AB]$/ },
    { alphabet: "abcdefghijkmnpqrstuvwxyz-._", length: 8, pattern: /^[a-km-np-z._-]{8}$/ },
  ])("honours $alphabet × $length", ({ alphabet, length, pattern }) => {
    for (const serial of generateSerials(500, { alphabet, length })) expect(serial).toMatch(pattern);
  });

  it("spreads characters uniformly (chi-square, 31 degrees of freedom)", () => {
    const counts = new Map<string, number>();
    for (const serial of generateSerials(20_000)) for (const c of serial) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (20_000 * 12) / 32;
    const chiSquare = [...DEFAULT_SERIAL_ALPHABET].reduce((sum, c) => sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected, 0);
    // p < 10^-6 above 90 for 31 df: a real bias fails, chance almost never does.
    expect(chiSquare).toBeLessThan(90);
  });

  it("is never sequential", () => {
    const serials = generateSerials(1_000, { alphabet: "0123456789", length: 12 });
    const values = serials.map(Number);
    const steps = new Set(values.slice(1).map((v, i) => v - values[i]!));
    expect(steps.size).toBeGreaterThan(990);
    expect(values).not.toEqual([...values].sort((a, b) => a - b));
  });

  it("refuses impossible formats", () => {
    expect(() => generateSerials(1, { alphabet: "AB", length: 21 })).toThrow(/1 to 20/);
    expect(() => generateSerials(1, { alphabet: "A A", length: 4 })).toThrow(/CSET 82/);
  });
});

describe("validateSerialFormat", () => {
  it.each([
    { alphabet: DEFAULT_SERIAL_ALPHABET, length: 12, codes: [] },
    { alphabet: "0123456789", length: 0, codes: ["length_out_of_range"] },
    { alphabet: "0123456789", length: 20, codes: [] },
    { alphabet: "A", length: 5, codes: ["alphabet_too_small"] },
    { alphabet: "ABCA", length: 5, codes: ["alphabet_duplicate"] },
    { alphabet: "ABCé", length: 5, codes: ["alphabet_not_cset82"] },
    { alphabet: "AB #", length: 5, codes: ["alphabet_not_cset82"] },
    { alphabet: "AB/%", length: 5, codes: ["alphabet_needs_percent_encoding"] },
    { alphabet: "AB-._", length: 5, codes: [] },
  ])("$alphabet × $length → $codes", ({ alphabet, length, codes }) => {
    expect(validateSerialFormat({ alphabet, length }).map((p) => p.code)).toEqual(codes);
  });

  it("lets a caller opt in to percent-encoded characters", () => {
    expect(validateSerialFormat({ alphabet: "AB/%+", length: 5 }, { allowPercentEncoded: true })).toEqual([]);
  });
});
