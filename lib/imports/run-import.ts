// Runs an import job to the end: count the rows (so progress has a total and the row limit is
// enforced before anything is written), then chunk by chunk, recording progress and row errors
// between chunks for the console to poll. Never throws: a failure ends the job as "failed".
import type { Database } from "@/db/database";
import { appendAudit } from "@/db/queries/audit";
import {
  finishImportJob, IMPORT_FINISHED, recordImportProgress, startImportJob, type ImportSummary, type StoredImportError,
} from "@/db/queries/imports";
import { findOrganisationById } from "@/db/queries/organisations";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { AppError } from "@/lib/http/problem";
import { checkHeader, MAX_IMPORT_ROWS } from "./import-columns";
import { importChunk, type ChunkContext, type ChunkItem } from "./import-chunk";
import type { RowError } from "./parse-import-row";
import { readImportCsv } from "./read-import-csv";

export const IMPORT_CHUNK_ROWS = 2_000;
/** Row errors kept on the job (and so in the report); the count goes on regardless. */
export const MAX_STORED_ROW_ERRORS = 10_000;

export interface ImportJobInput {
  organisationId: string;
  jobId: string;
  text: string;
  userId: string | null;
  apiKeyId: string | null;
  chunkRows?: number;
  now?: number;
}

export const toStoredError = (e: RowError): StoredImportError => ({ eventIndex: e.row, pointer: e.column ? `/${e.column}` : "", message: e.message, value: e.value });

async function countRows(text: string): Promise<number> {
  let rows = -1; // the header is not a data row
  for await (const item of readImportCsv(text)) {
    void item;
    rows++;
    if (rows > MAX_IMPORT_ROWS) throw new AppError("payload_too_large", `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en")} rows; split it into several imports.`);
  }
  return Math.max(rows, 0);
}

export async function runImport(db: Database, input: ImportJobInput): Promise<ImportSummary> {
  const { organisationId, jobId } = input;
  const chunkRows = input.chunkRows ?? IMPORT_CHUNK_ROWS;
  const summary: ImportSummary = { status: "success", rows: 0, imported: 0, duplicates: 0, failed: 0, statusChanges: 0 };
  let processed = 0;
  let stored = 0;
  try {
    const total = await countRows(input.text);
    summary.rows = total;
    await startImportJob(db, organisationId, jobId, total);
    const organisation = await findOrganisationById(db, organisationId);
    let context: ChunkContext | null = null;
    let chunk: ChunkItem[] = [];
    let index = 0;

    const flush = async () => {
      if (!context || chunk.length === 0) return;
      const result = await importChunk(db, context, chunk);
      processed += chunk.length;
      chunk = [];
      summary.imported += result.imported;
      summary.duplicates += result.duplicates;
      summary.statusChanges += result.statusChanges;
      summary.failed += new Set(result.errors.map((e) => e.row)).size;
      const keep = result.errors.slice(0, Math.max(0, MAX_STORED_ROW_ERRORS - stored)).map(toStoredError);
      stored += keep.length;
      await recordImportProgress(db, organisationId, jobId, processed, keep);
    };

    for await (const item of readImportCsv(input.text)) {
      if (!context) {
        // The header was checked before the job was created; this only guards a direct caller.
        const header = item.kind === "record" ? checkHeader(item.fields) : { ok: false as const, message: item.message };
        if (!header.ok) throw new AppError("bad_request", header.message);
        context = { organisationId, companyPrefixes: organisation?.companyPrefixes ?? [], jobId, columns: header.columns, width: header.width, now: input.now ?? Date.now(), total };
        continue;
      }
      chunk.push({ item, index: index++ });
      if (chunk.length >= chunkRows) await flush();
    }
    await flush();
    await finishImportJob(db, organisationId, jobId, "success");
  } catch (error) {
    summary.status = "failed";
    const reason = error instanceof AppError ? (error.detail ?? error.message) : "The import stopped on an unexpected error.";
    if (!(error instanceof AppError)) console.error("genuine: import failed", error);
    // Chunks already written stay written: importing the same file again continues where this stopped.
    const problem = processed > 0 ? `${reason} The first ${processed.toLocaleString("en")} rows were processed; import the file again to finish.` : reason;
    await finishImportJob(db, organisationId, jobId, "failed", problem).catch((e: unknown) => console.error("genuine: could not record the failed import", e));
  }
  await appendAudit(db, {
    organisationId, actorUserId: input.userId, actorApiKeyId: input.apiKeyId,
    action: IMPORT_FINISHED, targetType: "capture_job", targetId: jobId, metadata: { ...summary },
  }).catch((e: unknown) => console.error("genuine: could not audit the import", e));
  if (summary.status === "success") {
    await enqueueWebhookEvent(db, organisationId, "capture.completed", { captureJobId: jobId, source: "csv-import", ...summary })
      .catch((e: unknown) => console.error("genuine: could not enqueue the import webhook", e));
  }
  return summary;
}
