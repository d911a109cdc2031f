// The verdict engine: pure rules that weigh a unit's record and recent scans into an answer (README.md).
export { toRuleEvidence } from "./case-evidence";
export {
  caseSeverityOf,
  levelOf,
  levelOfReason,
  levelPrecedence,
  maskPublicReasons,
  maxSeverity,
  opensCase,
  orderReasons,
  publicReasonsOf,
  riskOf,
} from "./combine";
export { combineReasons, evaluateVerdict, policyFor, verdictRules } from "./evaluate-verdict";
export { coordinatesOf, haversineKm, type LatLon } from "./geo";
export {
  DEFAULT_VERDICT_POLICY,
  mergePolicy,
  type ResolvedVerdictPolicy,
  type VerdictPolicyDefaults,
  type VerdictPolicyOverrides,
} from "./policy";
export { VERDICT_RULES, verdictRuleList, type VerdictRuleInfo } from "./rules-catalogue";
export { publicReasons, reasonCodes } from "./types";
export type * from "./types";
