// Unit lifecycle: pure rules the EPCIS capture applies to the units table (see README.md).
export { containmentAt, carriedToContents, expandToContained, type AggregationRecord, type Containment } from "./aggregation";
export { classifyEvent, type EventEffect } from "./classify-event";
export { decideInOrder, decideTransition, isDecommissionedStatus, isExpiredAt } from "./decide-transition";
export { newMarkets, toCountryCode } from "./iso-3166";
export {
  canonicalLocation,
  countryOfLocation,
  explicitCountry,
  indexLocations,
  marketsOfEvent,
  type Destination,
  type KnownLocations,
  type LocationIndex,
  type MarketEvidence,
  type MarketsResult,
} from "./markets";
export {
  activeStatuses,
  defaultPolicy,
  euFmdPolicy,
  exitRuleOf,
  overridingEntries,
  policyForCategory,
  statusRules,
  type ExitRule,
  type LifecyclePolicy,
} from "./policy";
export { applyDecision, compareEvents, replayStatus, retractEvent, type ReplayResult, type ReplayStep, type RetractionResult } from "./replay";
export { bizStepEffects, dispositionEffects, type TermEffect } from "./state-table";
export type * from "./types";
export { cbvBizSteps, cbvDispositions, cbvSourceDestTypes, toCbvBizStep, toCbvDisposition, toCbvSourceDestType } from "./vocabulary";
