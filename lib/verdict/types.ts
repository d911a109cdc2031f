// The shapes the verdict engine reads and returns. Plain data: the caller loads it, the engine only weighs it.
import type { CaseSeverity, ProductCategory, UnitStatus, UserAgentClass, VerdictLevel } from "@/db/schema/enums";
import type { VerdictPolicyOverrides } from "./policy";

/** How bad one reason is. A reason's severity maps to a level unless its rule answers with its own. */
export type ReasonSeverity = "info" | "caution" | "suspect" | "counterfeit";

export const reasonCodes = [
  "unknown_gtin",
  "unknown_serial",
  "not_released",
  "forged_code",
  "blacklisted",
  "destroyed",
  "decommissioned",
  "stolen",
  "post_sale_rescan",
  "recalled",
  "expired",
  "distinct_scanners",
  "impossible_travel",
  "out_of_market",
  "burst",
  "probing",
  "bot_scan",
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

/**
 * What a consumer may be told. Coarser than the reason codes on purpose: "unknown" covers every case
 * where saying more would confirm that a serial exists (unknown, not yet released, forged code).
 */
export const publicReasons = [
  "unknown",
  "not_genuine",
  "destroyed",
  "decommissioned",
  "stolen",
  "already_used",
  "recalled",
  "expired",
  "suspicious_activity",
  "unusual_activity",
  "outside_market",
  "none",
] as const;
export type PublicReason = (typeof publicReasons)[number];

/** JSON-safe evidence (it is stored in jsonb): dates are ISO strings, never Date objects. */
export type EvidenceValue = string | number | boolean | null | readonly EvidenceValue[] | { readonly [key: string]: EvidenceValue };
export type Evidence = { readonly [key: string]: EvidenceValue };

/** The unit as recorded; null when the serial was never issued. */
export interface VerdictUnit {
  readonly status: UnitStatus;
  readonly statusEventTime: Date | null;
  readonly lot: string | null;
  /** ISO YYYY-MM-DD; the unit is usable through that whole day (UTC). */
  readonly expiryDate: string | null;
  /** ISO 3166-1 alpha-2 markets the unit was shipped to. */
  readonly markets: readonly string[];
  readonly commissionedAt: Date | null;
  /** True when a shipping event was ever recorded, even if a later reversal brought it back to commissioned. */
  readonly shippedEver?: boolean;
}

/** The product behind the GTIN; null when the GTIN is unknown to genuine. */
export interface VerdictProduct {
  readonly category: ProductCategory;
  readonly intendedMarkets: readonly string[];
  /** products.verdict_policy: the product's overrides of the brand's policy. */
  readonly policy: VerdictPolicyOverrides | null;
}

/** What the engine needs from a recorded scan of the unit. */
export interface ScanFacts {
  /** scans.ref, when known: lets the engine skip the current scan if the caller also put it in history. */
  readonly ref?: string | null;
  readonly at: Date;
  readonly country: string | null;
  /** Rounded to 0.1° by the recorder. */
  readonly lat: number | null;
  readonly lon: number | null;
  /** Keyed hashes prefixed by their key id ("k1.…"); hashes of different keys are never compared. */
  readonly sourceFingerprint: string | null;
  readonly deviceFingerprint: string | null;
  readonly userAgentClass: UserAgentClass;
}

/** The scan being answered: the facts above plus what the code itself says. */
export interface CurrentScan extends ScanFacts {
  /** AI 10 as printed in the code, if present. */
  readonly codeLot: string | null;
  /** AI 17 as an ISO date (day "00" already resolved to the month's last day), if present. */
  readonly codeExpiry: string | null;
}

export interface VerdictInput {
  readonly unit: VerdictUnit | null;
  readonly product: VerdictProduct | null;
  /** OrganisationSettings.verdictPolicy of the brand owning the GTIN. */
  readonly brandPolicy: VerdictPolicyOverrides | null;
  /** The serial is on the brand's blacklist. */
  readonly blacklisted: boolean;
  readonly scan: CurrentScan;
  /**
   * The unit's recent scans, bounded by the caller (e.g. the last 200 or 90 days), current scan
   * excluded. Any order; the engine sorts. Bots may be included: the engine leaves them out.
   */
  readonly history: readonly ScanFacts[];
  /** Scans of unknown serials by this scan's source within the caller's window (probing). */
  readonly sourceMisses?: number;
  readonly now: Date;
}

export interface VerdictReason {
  readonly code: ReasonCode;
  readonly severity: ReasonSeverity;
  /** The figures that made the rule fire, for the analyst. */
  readonly evidence: Evidence;
  readonly publicReason: PublicReason;
  /** Contribution to the risk score, 0 ≤ weight < 1 (see risk.ts). */
  readonly weight: number;
}

export interface Verdict {
  readonly level: VerdictLevel;
  /** 0–100, monotone in the reasons: adding one never lowers it. */
  readonly risk: number;
  /** Worst first. */
  readonly reasons: readonly VerdictReason[];
  /** What the consumer page may say, worst first, without duplicates; ["none"] when nothing fired. */
  readonly publicReasons: readonly PublicReason[];
  readonly openCase: boolean;
  readonly caseSeverity: CaseSeverity | null;
}
