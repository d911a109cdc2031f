// A verdict's reasons in the shape cases.evidence stores (RuleEvidence), for the caller that opens cases.
import type { RuleEvidence } from "@/db/schema/json-types";
import type { ReasonSeverity, Verdict } from "./types";

const caseEvidenceSeverity: Readonly<Record<ReasonSeverity, RuleEvidence["severity"]>> = {
  info: "info",
  caution: "medium",
  suspect: "high",
  counterfeit: "critical",
};

export function toRuleEvidence(verdict: Pick<Verdict, "reasons">): RuleEvidence[] {
  return verdict.reasons.map((reason) => ({
    rule: reason.code,
    severity: caseEvidenceSeverity[reason.severity],
    detail: { ...reason.evidence, weight: reason.weight },
  }));
}
