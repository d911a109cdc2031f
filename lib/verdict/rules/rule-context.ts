// What every rule receives, computed once per verdict, and the one way rules build a reason.
import type { ResolvedVerdictPolicy } from "../policy";
import { VERDICT_RULES } from "../rules-catalogue";
import type { TimedScan } from "../scan-timeline";
import type { Evidence, ReasonCode, ReasonSeverity, VerdictInput, VerdictReason } from "../types";

export interface RuleContext {
  readonly input: VerdictInput;
  readonly policy: ResolvedVerdictPolicy;
  /** Non-bot scans, oldest first, the current scan included when it is not a bot. */
  readonly timeline: readonly TimedScan[];
  readonly currentIsBot: boolean;
}

export type VerdictRule = (ctx: RuleContext) => VerdictReason | null;

/** A reason with the catalogue's severity, public reason and weight unless the rule grades it. */
export function reasonOf(code: ReasonCode, evidence: Evidence, grade: { severity?: ReasonSeverity; weight?: number } = {}): VerdictReason {
  const info = VERDICT_RULES[code];
  return {
    code,
    severity: grade.severity ?? info.defaultSeverity,
    evidence,
    publicReason: info.publicReason,
    weight: grade.weight ?? info.weight,
  };
}
