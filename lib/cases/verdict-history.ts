// How the answers to a unit's scans changed over time: consecutive scans with the same verdict form one
// period ("genuine, 2 scans, 1–3 May; then suspect, 12 scans, …"), which is the story of a clone.
import { inTimeOrder } from "./scan-path";

export interface VerdictScan {
  at: string | Date;
  verdict: string | null;
  risk: number;
  reasons: readonly string[];
}

export interface VerdictPeriod {
  /** null: scans answered without a verdict (bots and previews are recorded without one). */
  verdict: string | null;
  from: string;
  to: string;
  scans: number;
  highestRisk: number;
  /** Rules that fired during the period, in the order they first did. */
  reasons: string[];
}

const iso = (at: string | Date) => (at instanceof Date ? at : new Date(at)).toISOString();

export function verdictHistory(scans: readonly VerdictScan[]): VerdictPeriod[] {
  const periods: VerdictPeriod[] = [];
  for (const scan of inTimeOrder(scans)) {
    const last = periods[periods.length - 1];
    if (last && last.verdict === scan.verdict) {
      last.to = iso(scan.at);
      last.scans += 1;
      last.highestRisk = Math.max(last.highestRisk, scan.risk);
      for (const reason of scan.reasons) if (!last.reasons.includes(reason)) last.reasons.push(reason);
      continue;
    }
    periods.push({ verdict: scan.verdict, from: iso(scan.at), to: iso(scan.at), scans: 1, highestRisk: scan.risk, reasons: [...new Set(scan.reasons)] });
  }
  return periods;
}
