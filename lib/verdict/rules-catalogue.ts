// Every rule the engine knows, as the console lists it. The rules themselves live in rules/.
import type { PublicReason, ReasonCode, ReasonSeverity } from "./types";

export interface VerdictRuleInfo {
  readonly code: ReasonCode;
  readonly defaultSeverity: ReasonSeverity;
  /** A level of its own instead of the one the severity maps to (recalls and expiry). */
  readonly answer?: "recalled" | "expired";
  readonly publicReason: PublicReason;
  /** Saying anything more than "unknown" would confirm the serial exists: the whole answer is masked. */
  readonly hidesRecord?: boolean;
  /** Base contribution to the risk score (0 ≤ weight < 1). */
  readonly weight: number;
  /** The policy thresholds the rule reads, for the console's settings page. */
  readonly thresholds: readonly string[];
  readonly description: string;
}

const rules: readonly VerdictRuleInfo[] = [
  { code: "unknown_gtin", defaultSeverity: "counterfeit", publicReason: "unknown", hidesRecord: true, weight: 0.95, thresholds: [], description: "The GTIN is not a product registered with genuine." },
  { code: "unknown_serial", defaultSeverity: "counterfeit", publicReason: "unknown", hidesRecord: true, weight: 0.95, thresholds: [], description: "The serial was never issued for this GTIN." },
  { code: "not_released", defaultSeverity: "counterfeit", publicReason: "unknown", hidesRecord: true, weight: 0.95, thresholds: [], description: "The serial is issued or commissioned but was never shipped: no genuine pack can be in a consumer's hand. Answered exactly like an unknown serial so serials cannot be harvested." },
  { code: "forged_code", defaultSeverity: "counterfeit", publicReason: "unknown", hidesRecord: true, weight: 0.95, thresholds: [], description: "The lot or expiry printed in the code contradicts the unit's record." },
  { code: "blacklisted", defaultSeverity: "counterfeit", publicReason: "not_genuine", weight: 0.97, thresholds: [], description: "The brand declared this serial counterfeit." },
  { code: "destroyed", defaultSeverity: "counterfeit", publicReason: "destroyed", weight: 0.95, thresholds: [], description: "The unit was recorded as destroyed; a pack carrying its code is a copy." },
  { code: "decommissioned", defaultSeverity: "counterfeit", publicReason: "decommissioned", weight: 0.9, thresholds: [], description: "The unit was taken out of the supply chain (sample, export, damage, quarantine)." },
  { code: "stolen", defaultSeverity: "suspect", publicReason: "stolen", weight: 0.75, thresholds: [], description: "The unit was reported stolen: possibly the real pack outside the legitimate chain, possibly a copy of its code." },
  { code: "post_sale_rescan", defaultSeverity: "suspect", publicReason: "already_used", weight: 0.6, thresholds: ["singleUse", "postSaleGraceHours"], description: "A single-use unit sold or dispensed is scanned again after the grace period." },
  { code: "recalled", defaultSeverity: "caution", answer: "recalled", publicReason: "recalled", weight: 0.1, thresholds: [], description: "The unit is recalled: the answer is the recall notice." },
  { code: "expired", defaultSeverity: "caution", answer: "expired", publicReason: "expired", weight: 0.1, thresholds: [], description: "The unit is past its expiry date or recorded as expired." },
  { code: "distinct_scanners", defaultSeverity: "suspect", publicReason: "suspicious_activity", weight: 0.5, thresholds: ["maxDistinctScanners"], description: "More distinct devices scanned the unit than one household would; suspect when distinct networks agree, caution otherwise." },
  { code: "impossible_travel", defaultSeverity: "suspect", publicReason: "suspicious_activity", weight: 0.6, thresholds: ["maxTravelSpeedKmh", "minTravelDistanceKm"], description: "Two consecutive scans are further apart than anyone could travel in the time between them." },
  { code: "out_of_market", defaultSeverity: "caution", publicReason: "outside_market", weight: 0.25, thresholds: [], description: "Scanned in a country the unit was not shipped to (or, failing that, the product is not meant for)." },
  { code: "burst", defaultSeverity: "caution", publicReason: "unusual_activity", weight: 0.2, thresholds: ["burstLimit", "burstWindowMinutes"], description: "Many scans of the unit within a few minutes." },
  { code: "probing", defaultSeverity: "suspect", publicReason: "unusual_activity", weight: 0.6, thresholds: ["probingMissLimit"], description: "The scanning source has tried many unknown serials: it may be harvesting valid ones." },
  { code: "bot_scan", defaultSeverity: "info", publicReason: "none", weight: 0, thresholds: [], description: "The scan came from a bot or link previewer: it counts for nothing and opens no case." },
];

export const VERDICT_RULES: Readonly<Record<ReasonCode, VerdictRuleInfo>> = Object.fromEntries(rules.map((r) => [r.code, r])) as Record<
  ReasonCode,
  VerdictRuleInfo
>;

/** The rules in the order the console lists them (worst first). */
export const verdictRuleList: readonly VerdictRuleInfo[] = rules;
