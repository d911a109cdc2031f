// Thresholds of the verdict rules: built-in defaults per category, overridden by the brand, then the product.
import type { ProductCategory } from "@/db/schema/enums";
import type { VerdictPolicy } from "@/db/schema/json-types";

/** Every threshold the rules read, all set. */
export interface ResolvedVerdictPolicy {
  /** Distinct scanners (devices) above which a unit looks cloned. */
  readonly maxDistinctScanners: number;
  /** Non-bot scans of one unit within burstWindowMinutes above which it is a burst. */
  readonly burstLimit: number;
  readonly burstWindowMinutes: number;
  /** Implied speed between consecutive scans above which travel is impossible (km/h). */
  readonly maxTravelSpeedKmh: number;
  /** Hops shorter than this are ignored: IP geolocation is no more precise. */
  readonly minTravelDistanceKm: number;
  /** A sold/dispensed single-use unit scanned later than this after the sale is suspect. */
  readonly postSaleGraceHours: number;
  readonly singleUse: boolean;
  /** Unknown-serial scans by one source at or above which its scans are probing. */
  readonly probingMissLimit: number;
}

/**
 * What a brand or product may override: the stored VerdictPolicy plus the thresholds it does not
 * (yet) name. Stored JSON is edited by people, so mergePolicy checks every value at run time.
 */
export type VerdictPolicyOverrides = VerdictPolicy & Partial<ResolvedVerdictPolicy>;

export interface VerdictPolicyDefaults {
  readonly base: ResolvedVerdictPolicy;
  /** Built-in differences per category; a brand's own policy overrides them. */
  readonly categories: Readonly<Partial<Record<ProductCategory, Partial<ResolvedVerdictPolicy>>>>;
}

export const DEFAULT_VERDICT_POLICY: VerdictPolicyDefaults = {
  base: {
    maxDistinctScanners: 10,
    burstLimit: 5,
    burstWindowMinutes: 10,
    maxTravelSpeedKmh: 900,
    minTravelDistanceKm: 50,
    postSaleGraceHours: 72,
    singleUse: false,
    // Matches the scanMiss rate limit (20 misses in 10 minutes): beyond it the resolver slows the source.
    probingMissLimit: 20,
  },
  categories: {
    // A pack is bought, checked by the patient and their household, then used up.
    pharmaceutical: { maxDistinctScanners: 3, singleUse: true, postSaleGraceHours: 72 },
    cosmetics: { maxDistinctScanners: 3, singleUse: true, postSaleGraceHours: 168 },
    // Bottles are shared at a table and kept for weeks before opening.
    food_beverage: { maxDistinctScanners: 5, singleUse: true, postSaleGraceHours: 168 },
    medical_device: { maxDistinctScanners: 5 },
    // Durables (luxury, apparel, electronics, automotive, other) are resold and re-checked: the base 10.
  },
};

type NumericKey = Exclude<keyof ResolvedVerdictPolicy, "singleUse">;

// Zero is meaningful for counts and hours ("any second scanner", "no grace"); a speed of zero is not.
const numericKeys: Readonly<Record<NumericKey, { min: number; exclusive: boolean }>> = {
  maxDistinctScanners: { min: 0, exclusive: false },
  burstLimit: { min: 0, exclusive: false },
  burstWindowMinutes: { min: 0, exclusive: true },
  maxTravelSpeedKmh: { min: 0, exclusive: true },
  minTravelDistanceKm: { min: 0, exclusive: false },
  postSaleGraceHours: { min: 0, exclusive: false },
  probingMissLimit: { min: 1, exclusive: false },
};

function validNumber(key: NumericKey, value: unknown): value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  const { min, exclusive } = numericKeys[key];
  return exclusive ? value > min : value >= min;
}

function applyLayer(policy: ResolvedVerdictPolicy, layer: Partial<ResolvedVerdictPolicy> | null | undefined): ResolvedVerdictPolicy {
  if (!layer || typeof layer !== "object") return policy;
  const next: { -readonly [K in keyof ResolvedVerdictPolicy]: ResolvedVerdictPolicy[K] } = { ...policy };
  for (const key of Object.keys(numericKeys) as NumericKey[]) {
    const value: unknown = layer[key];
    // A bad stored value falls back to the layer below instead of disabling the rule.
    if (validNumber(key, value)) next[key] = value;
  }
  if (typeof layer.singleUse === "boolean") next.singleUse = layer.singleUse;
  return next;
}

/** defaults.base ← defaults.categories[category] ← brand ← product; invalid values are skipped. */
export function mergePolicy(
  defaults: VerdictPolicyDefaults,
  brand: VerdictPolicyOverrides | null | undefined,
  product: VerdictPolicyOverrides | null | undefined,
  category: ProductCategory | null,
): ResolvedVerdictPolicy {
  const categoryLayer = category ? defaults.categories[category] : undefined;
  return applyLayer(applyLayer(applyLayer(defaults.base, categoryLayer), brand), product);
}
