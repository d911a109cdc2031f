// Shapes of the JSON columns. Kept beside the schema so every reader and writer agrees on them.

/** Text in several languages, keyed by BCP 47 tag ("en", "fr", "pt-BR"); "en" is the fallback. */
export type LocalizedText = Record<string, string>;

/** Per-organisation settings; every field optional so new settings need no data migration. */
export interface OrganisationSettings {
  /** Languages the brand publishes in, first is the default. */
  locales?: string[];
  /** Who may verify this brand's returned goods: any retailer organisation, only listed ones, or none. */
  retailerVerification?: "any" | "listed" | "none";
  /** Defaults for the verdict rules, overridable per product. */
  verdictPolicy?: VerdictPolicy;
  supportEmail?: string;
  websiteUrl?: string;
  /**
   * Where a serialized unit's code leads by default: genuine's verification page (the default), or the
   * brand's own default link (set through the link management API) at the unit, lot or product.
   */
  serialDefaultLink?: "verification" | "brand";
}

/** Thresholds of the anomaly rules (issue 7); product values override the brand's. */
export interface VerdictPolicy {
  /** Distinct scanners (devices/sources) above which a unit looks cloned. */
  maxDistinctScanners?: number;
  /** Scans of one unit within 10 minutes above which it is a burst. */
  burstLimit?: number;
  /** Implied speed between consecutive scans above which travel is impossible (km/h). */
  maxTravelSpeedKmh?: number;
  /** A sold/dispensed unit of a single-use product scanned again later than this (hours) is suspect. */
  postSaleGraceHours?: number;
  singleUse?: boolean;
}

export interface ProductImage {
  url: string;
  alt: LocalizedText;
  width?: number;
  height?: number;
}

/** A fact shown on provenance pages: certifications, sustainability, quality checks. */
export interface ProvenanceFact {
  label: LocalizedText;
  value: LocalizedText;
  url?: string;
}

/** Evidence a rule attached to a verdict or case: the rule code plus the figures that made it fire. */
export interface RuleEvidence {
  rule: string;
  severity: "info" | "low" | "medium" | "high" | "critical";
  detail: Record<string, unknown>;
}

export interface CaptureError {
  eventIndex?: number;
  pointer?: string;
  message: string;
}
