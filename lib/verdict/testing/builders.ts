// Builders for verdict tests: one ordinary genuine situation, changed field by field by each case.
import type { CurrentScan, ScanFacts, VerdictInput, VerdictProduct, VerdictUnit } from "../types";

export const NOW = new Date("2025-06-15T12:00:00.000Z");
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Coordinates rounded to 0.1°, as the recorder stores them. */
export const places = {
  paris: { country: "FR", lat: 48.9, lon: 2.3 },
  lyon: { country: "FR", lat: 45.8, lon: 4.8 },
  berlin: { country: "DE", lat: 52.5, lon: 13.4 },
  newYork: { country: "US", lat: 40.7, lon: -74.0 },
  tokyo: { country: "JP", lat: 35.7, lon: 139.7 },
} as const;
export type Place = { country: string | null; lat: number | null; lon: number | null };

export const minutesAgo = (minutes: number, from: Date = NOW) => new Date(from.getTime() - minutes * MINUTE_MS);
export const hoursAgo = (hours: number, from: Date = NOW) => new Date(from.getTime() - hours * HOUR_MS);
export const daysAgo = (days: number, from: Date = NOW) => hoursAgo(days * 24, from);

export function unitOf(overrides: Partial<VerdictUnit> = {}): VerdictUnit {
  return {
    status: "sellable",
    statusEventTime: daysAgo(30),
    lot: "LOT1",
    expiryDate: "2027-12-31",
    markets: ["FR"],
    commissionedAt: daysAgo(60),
    ...overrides,
  };
}

export function productOf(overrides: Partial<VerdictProduct> = {}): VerdictProduct {
  return { category: "luxury", intendedMarkets: ["FR", "DE"], policy: null, ...overrides };
}

/** A past scan by person n (device and network n), in Paris unless told otherwise. */
export function pastScan(at: Date, n: number | string, overrides: Partial<ScanFacts> & { place?: Place } = {}): ScanFacts {
  const { place = places.paris, ...rest } = overrides;
  return {
    ref: `scan-${n}-${at.getTime()}`,
    at,
    ...place,
    sourceFingerprint: `k1.src-${n}`,
    deviceFingerprint: `k1.dev-${n}`,
    userAgentClass: "browser",
    ...rest,
  };
}

export function currentScanOf(overrides: Partial<CurrentScan> & { place?: Place } = {}): CurrentScan {
  const { place = places.paris, ...rest } = overrides;
  return {
    ref: "scan-current",
    at: NOW,
    ...place,
    sourceFingerprint: "k1.src-current",
    deviceFingerprint: "k1.dev-current",
    userAgentClass: "browser",
    codeLot: "LOT1",
    codeExpiry: "2027-12-31",
    ...rest,
  };
}

export function inputOf(overrides: Partial<VerdictInput> = {}): VerdictInput {
  return {
    unit: unitOf(),
    product: productOf(),
    brandPolicy: null,
    blacklisted: false,
    scan: currentScanOf(),
    history: [],
    sourceMisses: 0,
    now: NOW,
    ...overrides,
  };
}

/** n past scans by n different people in Paris, one a day apart before NOW. */
export function peopleScans(n: number, overrides: (i: number) => Partial<ScanFacts> & { place?: Place } = () => ({})): ScanFacts[] {
  return Array.from({ length: n }, (_, i) => pastScan(daysAgo(1 + i), i, overrides(i)));
}
