// Does an alert rule want to hear about this case event? Pure, so the console's rule list, the
// enqueue step and the tests all agree on one reading of a rule.
import { caseSeverities, type CaseSeverity } from "@/db/schema";

export const alertEvents = ["case.opened", "case.status_changed"] as const;
export type AlertEvent = (typeof alertEvents)[number];

export interface AlertRuleCriteria {
  active: boolean;
  events: readonly string[];
  minSeverity: CaseSeverity;
  /** Verdict rule codes the case must carry one of; empty means any. */
  ruleCodes: readonly string[];
}

export interface AlertCaseFacts {
  event: AlertEvent;
  severity: CaseSeverity;
  /** The verdict rules that fired on the case, in the order they first fired. */
  rules: readonly string[];
}

export function severityRank(severity: CaseSeverity): number {
  return caseSeverities.indexOf(severity);
}

/** True when the rule is on, listens to the event, the case is at least as severe, and a wanted rule fired. */
export function matchAlertRule(rule: AlertRuleCriteria, facts: AlertCaseFacts): boolean {
  if (!rule.active) return false;
  if (!rule.events.includes(facts.event)) return false;
  if (severityRank(facts.severity) < severityRank(rule.minSeverity)) return false;
  return rule.ruleCodes.length === 0 || rule.ruleCodes.some((code) => facts.rules.includes(code));
}
