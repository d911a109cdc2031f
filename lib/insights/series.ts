// Shaping rollup rows into what the insights page draws: one point per day (days without scans are
// zeros, not gaps), the verdict mix with shares, and short labels for keyed source fingerprints.
import type { VerdictLevel } from "@/db/schema";
import { daysOf, type DateRange } from "./date-range";

export interface DailyCountRow {
  day: string;
  channel: string;
  bot: boolean;
  /** '' when no verdict was computed for the scan. */
  verdict: string;
  scans: number;
}

export interface ScansPerDay {
  day: string;
  /** People scanning the code (the consumer channel). */
  consumer: number;
  /** Brands' apps and retailers' checks through the API. */
  other: number;
  /** Crawlers and link previews: recorded, never counted as people. */
  bots: number;
}

export function scansPerDay(range: Pick<DateRange, "from" | "to">, rows: readonly DailyCountRow[]): ScansPerDay[] {
  const byDay = new Map(daysOf(range).map((day) => [day, { day, consumer: 0, other: 0, bots: 0 }]));
  for (const row of rows) {
    const point = byDay.get(row.day);
    if (!point) continue;
    if (row.bot) point.bots += row.scans;
    else if (row.channel === "consumer") point.consumer += row.scans;
    else point.other += row.scans;
  }
  return [...byDay.values()];
}

export type VerdictKey = VerdictLevel | "none";

export const verdictLabels: Record<VerdictKey, string> = {
  genuine: "Genuine",
  caution: "Caution",
  suspect: "Suspect",
  counterfeit: "Counterfeit",
  recalled: "Recalled",
  expired: "Expired",
  none: "Not weighed",
};

const verdictOrder: VerdictKey[] = ["genuine", "caution", "suspect", "counterfeit", "recalled", "expired", "none"];

export interface VerdictShare {
  verdict: VerdictKey;
  label: string;
  scans: number;
  /** Share of human scans in the range, 0–1. */
  share: number;
}

/** Human (non-bot) scans by verdict, in a fixed order, verdicts with no scans left out. */
export function verdictMix(rows: readonly DailyCountRow[]): VerdictShare[] {
  const totals = new Map<VerdictKey, number>();
  for (const row of rows) {
    if (row.bot) continue;
    const key = (verdictOrder as string[]).includes(row.verdict) ? (row.verdict as VerdictKey) : "none";
    totals.set(key, (totals.get(key) ?? 0) + row.scans);
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  return verdictOrder
    .filter((verdict) => (totals.get(verdict) ?? 0) > 0)
    .map((verdict) => ({ verdict, label: verdictLabels[verdict], scans: totals.get(verdict)!, share: totals.get(verdict)! / all }));
}

export interface Headline {
  humanScans: number;
  botScans: number;
  suspicious: number;
  /** Suspicious share of human scans, 0–1 (0 when there were none). */
  suspiciousShare: number;
}

export function headline(rows: readonly DailyCountRow[]): Headline {
  let humanScans = 0;
  let botScans = 0;
  let suspicious = 0;
  for (const row of rows) {
    if (row.bot) botScans += row.scans;
    else {
      humanScans += row.scans;
      if (row.verdict === "suspect" || row.verdict === "counterfeit") suspicious += row.scans;
    }
  }
  return { humanScans, botScans, suspicious, suspiciousShare: humanScans === 0 ? 0 : suspicious / humanScans };
}

/** One count per day of the range, zeros filled in. */
export function perDay(range: Pick<DateRange, "from" | "to">, rows: readonly { day: string; count: number }[]): { day: string; count: number }[] {
  const counts = new Map(rows.map((r) => [r.day, r.count]));
  return daysOf(range).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/**
 * A keyed source fingerprint (an HMAC of the network address) shortened for display: enough to tell
 * sources apart on one screen and to search the export for the full value.
 */
export function shortSource(fingerprint: string): string {
  return fingerprint.length <= 10 ? fingerprint : `${fingerprint.slice(0, 10)}…`;
}

/** Share as a percentage with one decimal, "<0.1%" for tiny non-zero shares. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.001) return "<0.1%";
  return `${(share * 100).toFixed(1)}%`;
}
