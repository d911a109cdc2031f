// The scans the behavioural rules may count: people's scans only, in time order, current one included.
import type { Evidence, ScanFacts, VerdictInput } from "./types";

export interface TimedScan extends ScanFacts {
  /** Epoch milliseconds of `at`, read once. */
  readonly time: number;
  readonly isCurrent: boolean;
}

export const isBot = (scan: ScanFacts): boolean => scan.userAgentClass === "bot";

/**
 * Non-bot scans of the history plus the current scan (when it is not a bot), oldest first. History
 * entries with an invalid time, or with the current scan's ref (a caller that included it), are
 * dropped. O(n log n) in the history length.
 */
export function humanTimeline(input: Pick<VerdictInput, "history" | "scan">): TimedScan[] {
  const currentRef = input.scan.ref ?? null;
  const timeline: TimedScan[] = [];
  for (const scan of input.history) {
    if (isBot(scan)) continue;
    if (currentRef !== null && scan.ref === currentRef) continue;
    const entry = timed(scan, false);
    if (!Number.isNaN(entry.time)) timeline.push(entry);
  }
  if (!isBot(input.scan)) timeline.push(timed(input.scan, true));
  return timeline.sort(byTimeThenIdentity);
}

/**
 * Time order with a total tie-break, so the verdict does not depend on the order the caller's query
 * returned: the current scan last among equals, then by what the scan is.
 */
function byTimeThenIdentity(a: TimedScan, b: TimedScan): number {
  return a.time - b.time || Number(a.isCurrent) - Number(b.isCurrent) || compareText(identityOf(a), identityOf(b));
}

const identityOf = (scan: TimedScan) =>
  [scan.ref ?? "", scan.deviceFingerprint ?? "", scan.sourceFingerprint ?? "", scan.country ?? "", scan.lat ?? "", scan.lon ?? "", scan.userAgentClass].join("\u0000");

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Copies only the fields the rules read: callers may pass whole database rows.
function timed(scan: ScanFacts, isCurrent: boolean): TimedScan {
  return {
    ref: scan.ref ?? null,
    at: scan.at,
    country: scan.country,
    lat: scan.lat,
    lon: scan.lon,
    sourceFingerprint: scan.sourceFingerprint,
    deviceFingerprint: scan.deviceFingerprint,
    userAgentClass: scan.userAgentClass,
    time: scan.at.getTime(),
    isCurrent,
  };
}

/** The key id a keyed hash carries ("k1.abc" → "k1"); hashes without one share the empty key. */
export function keyIdOf(fingerprint: string): string {
  const dot = fingerprint.indexOf(".");
  return dot < 0 ? "" : fingerprint.slice(0, dot);
}

/** A scan as the analyst sees it in evidence. */
export function scanEvidence(scan: TimedScan): Evidence {
  return {
    ref: scan.ref ?? null,
    at: scan.at.toISOString(),
    current: scan.isCurrent,
    country: scan.country,
    lat: scan.lat,
    lon: scan.lon,
    device: scan.deviceFingerprint,
    source: scan.sourceFingerprint,
  };
}
