// Property tests with fast-check (fixed seeds for reproducible runs; a failure prints its counterexample).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelOf, levelOfReason, levelPrecedence, riskOf } from "./combine";
import { combineReasons, evaluateVerdict } from "./evaluate-verdict";
import { reasonOf } from "./rules/rule-context";
import { VERDICT_RULES } from "./rules-catalogue";
import { botScanArbitrary, verdictInputArbitrary } from "./testing/arbitraries";
import { reasonCodes, type VerdictReason } from "./types";
import type { VerdictLevel } from "@/db/schema/enums";

const rank = (level: VerdictLevel) => levelPrecedence.indexOf(level);
const RUNS = { numRuns: 500, seed: 20250615 };

const reasonArbitrary: fc.Arbitrary<VerdictReason> = fc
  .record({
    code: fc.constantFrom(...reasonCodes),
    severity: fc.option(fc.constantFrom("info", "caution", "suspect", "counterfeit" as const), { nil: undefined }),
    weight: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: undefined }),
  })
  .map(({ code, severity, weight }) => reasonOf(code, {}, { severity, weight }));

describe("verdict properties (fast-check)", () => {
  it("adding bot scans to the history never changes the verdict", () => {
    fc.assert(
      fc.property(verdictInputArbitrary, fc.array(botScanArbitrary, { minLength: 1, maxLength: 30 }), (input, bots) => {
        const without = evaluateVerdict(input);
        const withBots = evaluateVerdict({ ...input, history: [...input.history, ...bots] });
        expect(withBots).toEqual(without);
      }),
      RUNS,
    );
  });

  it("does not depend on the order of the history", () => {
    fc.assert(
      fc.property(
        verdictInputArbitrary.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray([...input.history], { minLength: input.history.length, maxLength: input.history.length })),
        ),
        ([input, shuffled]) => {
          expect(evaluateVerdict({ ...input, history: shuffled })).toEqual(evaluateVerdict(input));
        },
      ),
      RUNS,
    );
  });

  it("keeps risk an integer in 0–100 and the answer consistent", () => {
    fc.assert(
      fc.property(verdictInputArbitrary, (input) => {
        const verdict = evaluateVerdict(input);
        expect(Number.isInteger(verdict.risk)).toBe(true);
        expect(verdict.risk).toBeGreaterThanOrEqual(0);
        expect(verdict.risk).toBeLessThanOrEqual(100);
        expect(verdict.level).toBe(levelOf(verdict.reasons));
        expect(verdict.caseSeverity === null).toBe(!verdict.openCase);
        expect(verdict.publicReasons.length).toBeGreaterThan(0);
        if (input.scan.userAgentClass === "bot") expect(verdict.openCase).toBe(false);
        // Worst first
        const ranks = verdict.reasons.map((r) => rank(levelOfReason(r)));
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        // Evidence is JSON: it survives a round trip unchanged (no Date or Infinity)
        expect(JSON.parse(JSON.stringify(verdict.reasons))).toEqual(verdict.reasons);
        // Anything hiding the record hides it entirely
        if (verdict.reasons.some((r) => VERDICT_RULES[r.code].hidesRecord)) expect(verdict.publicReasons).toEqual(["unknown"]);
      }),
      RUNS,
    );
  });

  it("never lowers the level or the risk when a reason is added", () => {
    fc.assert(
      fc.property(fc.array(reasonArbitrary, { maxLength: 6 }), reasonArbitrary, (reasons, extra) => {
        expect(rank(levelOf([...reasons, extra]))).toBeGreaterThanOrEqual(rank(levelOf(reasons)));
        expect(riskOf([...reasons, extra])).toBeGreaterThanOrEqual(riskOf(reasons));
        const options = { bot: false, tenantKnown: true };
        if (combineReasons(reasons, options).openCase) expect(combineReasons([...reasons, extra], options).openCase).toBe(true);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it("never lowers the level or the risk when a rule starts firing on the same scan", () => {
    fc.assert(
      fc.property(verdictInputArbitrary, (input) => {
        const before = evaluateVerdict(input);
        const changes = [
          { ...input, blacklisted: true },
          { ...input, sourceMisses: 10_000 },
          { ...input, brandPolicy: { ...input.brandPolicy, maxDistinctScanners: 0 }, product: input.product && { ...input.product, policy: { ...input.product.policy, maxDistinctScanners: 0 } } },
        ];
        for (const changed of changes) {
          const after = evaluateVerdict(changed);
          expect(rank(after.level)).toBeGreaterThanOrEqual(rank(before.level));
          expect(after.risk).toBeGreaterThanOrEqual(before.risk);
        }
      }),
      RUNS,
    );
  });
});
