// fast-check arbitraries for verdict inputs: small pools of devices, places and markets so rules collide.
import fc from "fast-check";
import { productCategories, unitStatuses, userAgentClasses } from "@/db/schema/enums";
import type { VerdictPolicyOverrides } from "../policy";
import type { CurrentScan, ScanFacts, VerdictInput, VerdictProduct, VerdictUnit } from "../types";
import { NOW, places } from "./builders";

const DAY_MS = 86_400_000;
const countries = ["FR", "DE", "US", "JP"] as const;

const placeArbitrary = fc.oneof(
  fc.constantFrom(...Object.values(places)),
  fc.constant({ country: null, lat: null, lon: null }),
  fc.record({
    country: fc.option(fc.constantFrom(...countries), { nil: null }),
    lat: fc.integer({ min: -900, max: 900 }).map((tenths) => tenths / 10),
    lon: fc.integer({ min: -1800, max: 1800 }).map((tenths) => tenths / 10),
  }),
);

const fingerprint = (kind: string) =>
  fc.option(fc.tuple(fc.constantFrom("k1", "k2"), fc.integer({ min: 0, max: 7 })).map(([key, n]) => `${key}.${kind}-${n}`), { nil: null, freq: 8 });

export function scanFactsArbitrary(userAgentClass = fc.constantFrom(...userAgentClasses)): fc.Arbitrary<ScanFacts> {
  return fc.record({
    ref: fc.option(fc.uuid(), { nil: null }),
    // Minutes apart up to a month back, so bursts and same-instant scans both happen.
    at: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 * 24 * 60 })).map((minutes) => new Date(NOW.getTime() - minutes * 60_000)),
    place: placeArbitrary,
    sourceFingerprint: fingerprint("src"),
    deviceFingerprint: fingerprint("dev"),
    userAgentClass,
  }).map(({ place, ...scan }) => ({ ...scan, ...place }));
}

export const botScanArbitrary = scanFactsArbitrary(fc.constant("bot" as const));

const currentScanArbitrary: fc.Arbitrary<CurrentScan> = fc
  .record({
    facts: scanFactsArbitrary(),
    // Mostly codes that agree with the record, so the behavioural rules get their turn.
    codeLot: fc.constantFrom("LOT1", "LOT1", "LOT1", null, "LOT2"),
    codeExpiry: fc.constantFrom("2027-12-31", "2027-12-31", "2027-12-31", null, "2025-01-31"),
  })
  .map(({ facts, codeLot, codeExpiry }) => ({ ...facts, ref: "current", at: NOW, codeLot, codeExpiry }));

const unitArbitrary: fc.Arbitrary<VerdictUnit> = fc.record({
  status: fc.constantFrom(...unitStatuses),
  statusEventTime: fc.option(fc.integer({ min: 0, max: 60 }).map((days) => new Date(NOW.getTime() - days * DAY_MS)), { nil: null }),
  lot: fc.constantFrom("LOT1", null),
  expiryDate: fc.constantFrom("2027-12-31", "2027-12-31", "2027-12-31", "2025-06-14", "2025-06-15", null),
  markets: fc.subarray([...countries]),
  commissionedAt: fc.constant(new Date(NOW.getTime() - 90 * DAY_MS)),
  shippedEver: fc.option(fc.boolean(), { nil: undefined }),
});

export const policyOverridesArbitrary: fc.Arbitrary<VerdictPolicyOverrides> = fc.record(
  {
    maxDistinctScanners: fc.integer({ min: -1, max: 12 }),
    burstLimit: fc.integer({ min: 0, max: 8 }),
    maxTravelSpeedKmh: fc.constantFrom(0, 100, 900, 5000),
    postSaleGraceHours: fc.integer({ min: 0, max: 400 }),
    singleUse: fc.boolean(),
    probingMissLimit: fc.integer({ min: 0, max: 30 }),
  },
  { requiredKeys: [] },
);

const productArbitrary: fc.Arbitrary<VerdictProduct> = fc.record({
  category: fc.constantFrom(...productCategories),
  intendedMarkets: fc.subarray([...countries]),
  policy: fc.option(policyOverridesArbitrary, { nil: null }),
});

export const verdictInputArbitrary: fc.Arbitrary<VerdictInput> = fc.record({
  unit: fc.option(unitArbitrary, { nil: null, freq: 6 }),
  product: fc.option(productArbitrary, { nil: null, freq: 8 }),
  brandPolicy: fc.option(policyOverridesArbitrary, { nil: null }),
  blacklisted: fc.constantFrom(false, false, false, false, true),
  scan: currentScanArbitrary,
  history: fc.array(scanFactsArbitrary(), { maxLength: 40 }),
  sourceMisses: fc.option(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 1 }), { nil: undefined }),
  now: fc.constant(NOW),
});
