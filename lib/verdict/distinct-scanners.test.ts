import { describe, expect, it } from "vitest";
import { evaluateVerdict } from "./evaluate-verdict";
import { distinctByKey } from "./rules/distinct-scanners";
import { currentScanOf, inputOf, peopleScans, productOf } from "./testing/builders";
import type { ReasonSeverity, VerdictInput } from "./types";

// The current scan is one more person; n past people + 1.
const scannedBy = (pastPeople: number, extra: Partial<VerdictInput> = {}, scanOverrides = (_i: number) => ({})) =>
  inputOf({ history: peopleScans(pastPeople, scanOverrides), ...extra });
const pharma = productOf({ category: "pharmaceutical", intendedMarkets: ["FR"] });
const sameNetwork = () => ({ sourceFingerprint: "k1.src-current" });

type Case = [name: string, input: VerdictInput, expected: ReasonSeverity | null];

const cases: Case[] = [
  ["durable: 10 distinct scanners (the limit)", scannedBy(9), null],
  ["durable: 11 distinct scanners on 11 networks", scannedBy(10), "suspect"],
  ["durable: 11 devices on one network (household, shop)", scannedBy(10, {}, sameNetwork), "caution"],
  ["single-use pharma: 3 scanners (the limit)", scannedBy(2, { product: pharma }), null],
  ["single-use pharma: 4 scanners", scannedBy(3, { product: pharma }), "suspect"],
  ["one person scanning 30 times is one scanner", inputOf({ history: peopleScans(30, () => ({ deviceFingerprint: "k1.dev-current", sourceFingerprint: "k1.src-current" })) }), null],
  ["one phone on 30 networks is one scanner", inputOf({ history: peopleScans(30, () => ({ deviceFingerprint: "k1.dev-current" })) }), null],
  ["bots are not scanners", scannedBy(9, { history: [...peopleScans(9), ...peopleScans(20, (i) => ({ userAgentClass: "bot", deviceFingerprint: `k1.bot-${i}`, sourceFingerprint: `k1.bsrc-${i}` }))] }), null],
  ["a bot as the 11th scanner", scannedBy(10, { scan: currentScanOf({ userAgentClass: "bot" }) }), null],
  ["missing device ids fall back to the network source", scannedBy(10, {}, () => ({ deviceFingerprint: null })), "suspect"],
  ["after a key rotation, keys are never mixed (6 + 5 under two keys)", scannedBy(10, {}, (i) => (i < 5 ? { deviceFingerprint: `k0.dev-${i}`, sourceFingerprint: `k0.src-${i}` } : {})), null],
  // Overrides: defaults ← category ← brand ← product
  ["brand lowers the limit to 5: 6 scanners", scannedBy(5, { brandPolicy: { maxDistinctScanners: 5 } }), "suspect"],
  ["product raises it back to 7: 6 scanners", scannedBy(5, { brandPolicy: { maxDistinctScanners: 5 }, product: productOf({ policy: { maxDistinctScanners: 7 } }) }), null],
  ["brand overrides the pharma category default", scannedBy(3, { product: pharma, brandPolicy: { maxDistinctScanners: 4 } }), null],
  ["a nonsense stored limit falls back to the default", scannedBy(3, { product: productOf({ category: "pharmaceutical", policy: { maxDistinctScanners: -1 } }) }), "suspect"],
];

describe("distinct scanners", () => {
  it.each(cases)("%s", (_name, input, expected) => {
    const reason = evaluateVerdict(input).reasons.find((r) => r.code === "distinct_scanners");
    expect(reason?.severity ?? null).toBe(expected);
  });

  it("reports counts, the limit and whether networks corroborate", () => {
    const reason = evaluateVerdict(scannedBy(12)).reasons.find((r) => r.code === "distinct_scanners")!;
    expect(reason.evidence).toMatchObject({ scanners: 13, sources: 13, limit: 10, scansCounted: 13, corroboratedBySources: true });
  });

  it("weighs a larger excess more, up to a cap", () => {
    const weight = (people: number) => evaluateVerdict(scannedBy(people)).reasons.find((r) => r.code === "distinct_scanners")!.weight;
    expect(weight(10)).toBe(0.5);
    expect(weight(14)).toBeGreaterThan(weight(10));
    expect(weight(100)).toBe(0.85);
  });
});

describe("distinctByKey", () => {
  it.each([
    [[], 0],
    [["k1.a", "k1.a", "k1.b"], 2],
    [["k1.a", "k2.a", "k2.b", "k2.c"], 3],
    [["a", "b", "k1.a"], 2],
  ] as const)("%j → %i", (values, expected) => {
    expect(distinctByKey(values)).toBe(expected);
  });
});
