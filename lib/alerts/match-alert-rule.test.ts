import { describe, expect, it } from "vitest";
import { matchAlertRule, type AlertCaseFacts, type AlertRuleCriteria } from "./match-alert-rule";

const rule = (over: Partial<AlertRuleCriteria> = {}): AlertRuleCriteria => ({ active: true, events: ["case.opened"], minSeverity: "low", ruleCodes: [], ...over });
const facts = (over: Partial<AlertCaseFacts> = {}): AlertCaseFacts => ({ event: "case.opened", severity: "high", rules: ["distinct_scanners"], ...over });

describe("matchAlertRule", () => {
  it.each<[string, AlertRuleCriteria, AlertCaseFacts, boolean]>([
    ["an active rule on the event, any severity, any rule", rule(), facts(), true],
    ["a switched-off rule", rule({ active: false }), facts(), false],
    ["another event", rule({ events: ["case.status_changed"] }), facts(), false],
    ["a rule on both events, status change", rule({ events: ["case.opened", "case.status_changed"] }), facts({ event: "case.status_changed" }), true],
    ["a rule listening to nothing", rule({ events: [] }), facts(), false],
    ["severity exactly the minimum", rule({ minSeverity: "high" }), facts({ severity: "high" }), true],
    ["severity above the minimum", rule({ minSeverity: "medium" }), facts({ severity: "critical" }), true],
    ["severity below the minimum", rule({ minSeverity: "critical" }), facts({ severity: "high" }), false],
    ["low case, low minimum", rule({ minSeverity: "low" }), facts({ severity: "low" }), true],
    ["a wanted rule fired", rule({ ruleCodes: ["impossible_travel", "distinct_scanners"] }), facts(), true],
    ["no wanted rule fired", rule({ ruleCodes: ["unknown_serial"] }), facts({ rules: ["distinct_scanners", "burst"] }), false],
    ["wanted rules, case with no rules", rule({ ruleCodes: ["unknown_serial"] }), facts({ rules: [] }), false],
    ["any rule, case with no rules", rule(), facts({ rules: [] }), true],
    ["every condition but severity", rule({ minSeverity: "critical", ruleCodes: ["distinct_scanners"] }), facts({ severity: "medium" }), false],
  ])("%s → %s", (_label, r, f, expected) => {
    expect(matchAlertRule(r, f)).toBe(expected);
  });
});
