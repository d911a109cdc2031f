// Clone detection: consecutive scans further apart than anyone could travel in the time between them.
import { coordinatesOf, haversineKm, type LatLon } from "../geo";
import { scanEvidence, type TimedScan } from "../scan-timeline";
import type { EvidenceValue } from "../types";
import { reasonOf, type VerdictRule } from "./rule-context";

const HOUR_MS = 3_600_000;
const PAIRS_IN_EVIDENCE = 3;

interface Hop {
  readonly from: TimedScan;
  readonly to: TimedScan;
  readonly km: number;
  readonly hours: number;
  /** Infinity when both scans share a timestamp. */
  readonly kmh: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function hopEvidence(hop: Hop): EvidenceValue {
  return {
    from: scanEvidence(hop.from),
    to: scanEvidence(hop.to),
    distanceKm: round1(hop.km),
    hours: Math.round(hop.hours * 1000) / 1000,
    // JSON has no Infinity: null means "at the same instant".
    speedKmh: Number.isFinite(hop.kmh) ? Math.round(hop.kmh) : null,
  };
}

interface HopSummary {
  count: number;
  /** The fastest hops, fastest first, at most PAIRS_IN_EVIDENCE: kept as we go instead of sorting all. */
  fastest: Hop[];
  involvesCurrentScan: boolean;
  sameDeviceSkipped: number;
}

const faster = (a: Hop, b: Hop) => a.kmh > b.kmh || (a.kmh === b.kmh && a.km > b.km);

function record(summary: HopSummary, hop: Hop): void {
  summary.count++;
  if (hop.to.isCurrent || hop.from.isCurrent) summary.involvesCurrentScan = true;
  const at = summary.fastest.findIndex((kept) => faster(hop, kept));
  if (at >= 0) summary.fastest.splice(at, 0, hop);
  else summary.fastest.push(hop);
  if (summary.fastest.length > PAIRS_IN_EVIDENCE) summary.fastest.pop();
}

/**
 * One pass over the located scans in time order, the current one included. Hops under the distance
 * floor are noise (IP geolocation, 0.1° rounding). A hop by one device is skipped: a phone cannot
 * fly either, so a jump means its location is wrong (VPN, roaming), not that a second pack exists.
 */
export function impossibleHops(timeline: readonly TimedScan[], maxKmh: number, minKm: number): HopSummary {
  const summary: HopSummary = { count: 0, fastest: [], involvesCurrentScan: false, sameDeviceSkipped: 0 };
  let previous: { scan: TimedScan; at: LatLon } | null = null;
  for (const scan of timeline) {
    const at = coordinatesOf(scan);
    if (!at) continue;
    if (previous) {
      const km = haversineKm(previous.at, at);
      if (km >= minKm) {
        const hours = (scan.time - previous.scan.time) / HOUR_MS;
        const kmh = hours > 0 ? km / hours : Number.POSITIVE_INFINITY;
        if (kmh > maxKmh) {
          const device = scan.deviceFingerprint;
          if (device !== null && device === previous.scan.deviceFingerprint) summary.sameDeviceSkipped++;
          else record(summary, { from: previous.scan, to: scan, km, hours, kmh });
        }
      }
    }
    previous = { scan, at };
  }
  return summary;
}

export const impossibleTravel: VerdictRule = ({ policy, timeline }) => {
  const hops = impossibleHops(timeline, policy.maxTravelSpeedKmh, policy.minTravelDistanceKm);
  if (hops.count === 0) return null;
  return reasonOf(
    "impossible_travel",
    {
      limitKmh: policy.maxTravelSpeedKmh,
      minDistanceKm: policy.minTravelDistanceKm,
      impossibleHops: hops.count,
      involvesCurrentScan: hops.involvesCurrentScan,
      sameDeviceHopsSkipped: hops.sameDeviceSkipped,
      fastest: hopEvidence(hops.fastest[0]!),
      hops: hops.fastest.map(hopEvidence),
    },
    { weight: Math.min(0.85, 0.6 + 0.05 * (hops.count - 1)) },
  );
};
