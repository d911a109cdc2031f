// What an import job looks like to its callers: the JSON progress and summary, and the per-row error
// report as CSV.
import { stringify } from "csv-stringify/sync";
import { spreadsheetSafeCell } from "@/lib/http/spreadsheet-safe-cell";
import type { ImportJobRow, ImportSummary, StoredImportError } from "@/db/queries/imports";

export const ERRORS_IN_VIEW = 100;

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportJobView {
  importID: string;
  status: "queued" | "running" | "success" | "failed";
  running: boolean;
  fileName: string | null;
  /** Data rows in the file (0 until counted). */
  rows: number;
  processed: number;
  imported: number | null;
  duplicates: number | null;
  /** Rows with errors: final once finished, so far while running. */
  failed: number;
  statusChanges: number | null;
  /** Row errors kept for the report (capped); `failed` counts them all. */
  reportedErrors: number;
  /** Why the job as a whole failed, if it did. */
  problem: string | null;
  errors: ImportRowError[];
  links: { self: string; errors: string };
  createdAt: Date;
  finishedAt: Date | null;
}

const rowErrorsOf = (errors: readonly StoredImportError[]): ImportRowError[] =>
  errors
    .filter((e) => e.eventIndex !== undefined)
    .map((e) => ({ row: e.eventIndex!, column: (e.pointer ?? "").replace(/^\//, ""), value: e.value ?? "", message: e.message }));

export function toImportJobView(job: NonNullable<ImportJobRow>): ImportJobView {
  const errors = job.errors as StoredImportError[];
  const rowErrors = rowErrorsOf(errors);
  const summary = job.summary as Partial<ImportSummary> | null;
  const fileName = job.startedMetadata?.fileName;
  return {
    importID: job.id,
    status: job.status,
    running: job.status === "queued" || job.status === "running",
    fileName: typeof fileName === "string" ? fileName : null,
    rows: job.eventCount,
    processed: job.processedCount,
    imported: summary?.imported ?? null,
    duplicates: summary?.duplicates ?? null,
    failed: summary?.failed ?? new Set(rowErrors.map((e) => e.row)).size,
    statusChanges: summary?.statusChanges ?? null,
    reportedErrors: rowErrors.length,
    problem: errors.findLast((e) => e.eventIndex === undefined)?.message ?? null,
    errors: rowErrors.slice(0, ERRORS_IN_VIEW),
    links: { self: `/api/imports/${job.id}`, errors: `/api/imports/${job.id}/errors.csv` },
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

const inert = spreadsheetSafeCell;

/** The per-row error report: one line per fault, in file order; a last line says when some were left out. */
export function importErrorReport(job: NonNullable<ImportJobRow>): string {
  const view = toImportJobView(job);
  const all = rowErrorsOf(job.errors as StoredImportError[]);
  const records = all.map((e) => [e.row, e.column, inert(e.value), inert(e.message)]);
  const listedRows = new Set(all.map((e) => e.row)).size;
  if (view.failed > listedRows) records.push(["", "", "", `${(view.failed - listedRows).toLocaleString("en")} more rows had errors; only the first ${all.length.toLocaleString("en")} errors are listed.`]);
  if (view.problem) records.push(["", "", "", inert(view.problem)]);
  return stringify([["row", "column", "value", "message"], ...records], { record_delimiter: "\r\n" });
}
