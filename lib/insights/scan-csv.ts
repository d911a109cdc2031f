// The scans export's CSV: one line per scan, RFC 4180 quoting, a fixed column order. Pure, so the
// route streams lines as pages arrive and never holds the range in memory.
import { spreadsheetSafeCell } from "@/lib/http/spreadsheet-safe-cell";
import { stringify } from "csv-stringify/sync";
import type { ScanExportRow } from "@/db/queries/insights";

export const SCAN_CSV_COLUMNS = [
  "scanned_at",
  "gtin",
  "serial",
  "lot",
  "verdict",
  "risk",
  "reasons",
  "country",
  "region",
  "city",
  "channel",
  "user_agent_class",
  "source",
  "device",
] as const;

/** A scan as the export reads it (db/queries/insights.ts), without its paging fields. */
export type ExportedScan = Omit<ScanExportRow, "id" | "cursor">;

export function scanCsvHeader(): string {
  return stringify([[...SCAN_CSV_COLUMNS]]);
}

/** Scanned codes are attacker-controlled (a forged serial can be anything). */
export const safeCell = spreadsheetSafeCell;

/** Lines for a page of scans; reasons joined by a space (codes never contain one). */
export function scanCsvLines(scans: readonly ExportedScan[]): string {
  if (scans.length === 0) return "";
  return stringify(
    scans.map((s) => [
      s.scannedAt.toISOString(),
      safeCell(s.gtin),
      safeCell(s.serial),
      safeCell(s.lot),
      s.verdict ?? "",
      s.risk,
      s.reasons.join(" "),
      s.country ?? "",
      safeCell(s.region),
      safeCell(s.city),
      s.channel,
      s.userAgentClass,
      s.sourceFingerprint ?? "",
      s.deviceFingerprint ?? "",
    ]),
  );
}

export function scanExportFilename(organisationSlug: string, range: { from: string; to: string }): string {
  return `scans-${organisationSlug}-${range.from}-to-${range.to}.csv`;
}
