import { describe, expect, it } from "vitest";
import type { VerdictLevel } from "@/db/schema/enums";
import { caseSeverityOf, levelOf, riskOf } from "./combine";
import { combineReasons, evaluateVerdict, verdictRules } from "./evaluate-verdict";
import { reasonOf } from "./rules/rule-context";
import { VERDICT_RULES, verdictRuleList } from "./rules-catalogue";
import { currentScanOf, hoursAgo, inputOf, pastScan, peopleScans, places, productOf, unitOf } from "./testing/builders";
import { reasonCodes, type ReasonCode, type VerdictInput } from "./types";

const fired = (...codes: ReasonCode[]) => codes.map((code) => reasonOf(code, {}));

describe("level precedence", () => {
  const cases: [name: string, codes: ReasonCode[], level: VerdictLevel][] = [
    ["nothing fired", [], "genuine"],
    ["information only", ["bot_scan"], "genuine"],
    ["caution beats genuine", ["out_of_market"], "caution"],
    ["expired beats caution", ["expired", "out_of_market", "burst"], "expired"],
    ["suspect beats expired", ["expired", "distinct_scanners"], "suspect"],
    ["recalled beats expired", ["recalled", "expired"], "recalled"],
    ["recalled beats suspect", ["recalled", "impossible_travel", "distinct_scanners"], "recalled"],
    ["counterfeit beats recalled", ["recalled", "blacklisted"], "counterfeit"],
    ["counterfeit beats everything", ["destroyed", "recalled", "expired", "stolen", "burst"], "counterfeit"],
  ];
  it.each(cases)("%s", (_name, codes, level) => {
    expect(levelOf(fired(...codes))).toBe(level);
  });

  const endToEnd: [name: string, input: VerdictInput, level: VerdictLevel][] = [
    ["a recalled unit that looks cloned stays recalled", inputOf({ unit: unitOf({ status: "recalled" }), history: peopleScans(12) }), "recalled"],
    ["a blacklisted recalled unit is counterfeit", inputOf({ unit: unitOf({ status: "recalled" }), blacklisted: true }), "counterfeit"],
    ["a recalled unit past expiry is recalled", inputOf({ unit: unitOf({ status: "recalled", expiryDate: "2025-01-31" }), scan: currentScanOf({ codeExpiry: "2025-01-31" }) }), "recalled"],
    ["an expired unit that looks cloned is suspect", inputOf({ unit: unitOf({ expiryDate: "2025-01-31" }), scan: currentScanOf({ codeExpiry: "2025-01-31" }), history: peopleScans(12) }), "suspect"],
    ["an expired unit abroad is expired", inputOf({ unit: unitOf({ expiryDate: "2025-01-31" }), scan: currentScanOf({ codeExpiry: "2025-01-31", place: places.newYork }) }), "expired"],
    ["a stolen unit abroad is suspect", inputOf({ unit: unitOf({ status: "stolen" }), scan: currentScanOf({ place: places.newYork }) }), "suspect"],
  ];
  it.each(endToEnd)("%s", (_name, input, level) => {
    expect(evaluateVerdict(input).level).toBe(level);
  });

  it("orders reasons worst first", () => {
    const verdict = evaluateVerdict(inputOf({ unit: unitOf({ status: "recalled" }), history: peopleScans(12), scan: currentScanOf({ place: places.berlin }) }));
    expect(verdict.reasons.map((r) => r.code)).toEqual(["recalled", "distinct_scanners", "out_of_market"]);
    expect(verdict.publicReasons).toEqual(["recalled", "suspicious_activity", "outside_market"]);
  });
});

describe("risk", () => {
  const cases: [name: string, codes: ReasonCode[], risk: number][] = [
    ["nothing", [], 0],
    ["a bot scan adds nothing", ["bot_scan"], 0],
    ["out of market alone", ["out_of_market"], 25],
    ["out of market and a burst: 1 − 0.75 × 0.8", ["out_of_market", "burst"], 40],
    ["recalled", ["recalled"], 10],
    ["probing", ["probing"], 60],
    ["unknown serial", ["unknown_serial"], 95],
    ["blacklisted and destroyed", ["blacklisted", "destroyed"], 100],
  ];
  it.each(cases)("%s", (_name, codes, risk) => {
    expect(riskOf(fired(...codes))).toBe(risk);
  });

  it("clamps weights so a bad one cannot leave 0–100", () => {
    expect(riskOf([{ ...reasonOf("burst", {}), weight: 7 }])).toBe(99);
    expect(riskOf([{ ...reasonOf("burst", {}), weight: -3 }])).toBe(0);
  });
});

describe("cases", () => {
  const cases: [name: string, input: VerdictInput, openCase: boolean, severity: string | null][] = [
    ["genuine: no case", inputOf(), false, null],
    ["caution: no case", inputOf({ scan: currentScanOf({ place: places.newYork }) }), false, null],
    ["recalled: no case", inputOf({ unit: unitOf({ status: "recalled" }) }), false, null],
    ["a clone just over the limit: medium", inputOf({ history: peopleScans(10) }), true, "medium"],
    ["stolen: high", inputOf({ unit: unitOf({ status: "stolen" }) }), true, "high"],
    [
      "a clone abroad, an hour after a scan in Paris: critical",
      inputOf({ history: [pastScan(hoursAgo(1), "paris"), ...peopleScans(12)], scan: currentScanOf({ place: places.newYork }) }),
      true,
      "critical",
    ],
    ["unknown serial of a known brand: critical", inputOf({ unit: null }), true, "critical"],
    ["unknown GTIN: no brand to open it for", inputOf({ unit: null, product: null }), false, null],
    ["a bot on a destroyed unit: no case of its own", inputOf({ unit: unitOf({ status: "destroyed" }), scan: currentScanOf({ userAgentClass: "bot" }) }), false, null],
  ];
  it.each(cases)("%s", (_name, input, openCase, severity) => {
    const verdict = evaluateVerdict(input);
    expect(verdict.openCase).toBe(openCase);
    expect(verdict.caseSeverity).toBe(severity);
  });

  it.each([
    [0, "low"],
    [49, "low"],
    [50, "medium"],
    [74, "medium"],
    [75, "high"],
    [89, "high"],
    [90, "critical"],
    [100, "critical"],
  ] as const)("risk %i → %s", (risk, severity) => {
    expect(caseSeverityOf(risk)).toBe(severity);
  });

  it("a bot scan still gets the record's answer", () => {
    const verdict = evaluateVerdict(inputOf({ unit: unitOf({ status: "destroyed" }), scan: currentScanOf({ userAgentClass: "bot" }) }));
    expect(verdict.level).toBe("counterfeit");
    expect(verdict.reasons.map((r) => r.code)).toEqual(["destroyed", "bot_scan"]);
  });

  it("combineReasons agrees with evaluateVerdict", () => {
    const input = inputOf({ product: productOf({ category: "pharmaceutical" }), history: peopleScans(5) });
    const verdict = evaluateVerdict(input);
    expect(combineReasons(verdict.reasons, { bot: false, tenantKnown: true })).toEqual(verdict);
  });
});

describe("the rule catalogue", () => {
  it("describes every reason code once, and the engine runs one rule per code", () => {
    expect(verdictRuleList.map((r) => r.code)).toEqual([...reasonCodes]);
    expect(verdictRules).toHaveLength(reasonCodes.length);
  });

  it.each(reasonCodes)("%s has a weight in [0, 1) and a description", (code) => {
    const rule = VERDICT_RULES[code];
    expect(rule.weight).toBeGreaterThanOrEqual(0);
    expect(rule.weight).toBeLessThan(1);
    expect(rule.description.length).toBeGreaterThan(10);
  });
});
