// Accepts an import: the file's size and header row are checked at once (answering 4xx with a clear
// reason), then a queued job is recorded; the rows are processed later by runImport.
import type { Database } from "@/db/database";
import { createImportJob } from "@/db/queries/imports";
import { findOrganisationById } from "@/db/queries/organisations";
import { AppError } from "@/lib/http/problem";
import { checkHeader, IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "./import-columns";
import { readHeaderFields } from "./read-import-csv";
import { runImport } from "./run-import";

export interface ImportRequest {
  organisationId: string;
  userId: string | null;
  apiKeyId: string | null;
  text: string;
}

export async function startImport(db: Database, request: ImportRequest) {
  if (Buffer.byteLength(request.text, "utf8") > MAX_IMPORT_BYTES) {
    throw new AppError("payload_too_large", `An import file may be at most ${MAX_IMPORT_BYTES / 1_048_576} MiB; split it.`);
  }
  const fields = readHeaderFields(request.text);
  if (!fields) {
    throw new AppError("bad_request", `The file is empty. Its first line names the columns: ${IMPORT_COLUMNS.join(", ")}.`, { errors: [{ row: 1, column: "", message: "missing header row" }] });
  }
  const header = checkHeader(fields);
  if (!header.ok) throw new AppError("bad_request", header.message, { errors: [{ row: 1, column: "", message: header.message }] });
  // Every row would fail the ownership check: say so once instead.
  const organisation = await findOrganisationById(db, request.organisationId);
  if (!organisation?.companyPrefixes.length) {
    throw new AppError("forbidden", "Your organisation has no GS1 Company Prefixes yet: an owner sets them in the console settings or with the admin tool.");
  }
  const job = await createImportJob(db, request);
  return {
    job,
    /** Process the rows; never throws (a failure ends the job as failed). */
    run: () => runImport(db, { organisationId: request.organisationId, jobId: job.id, text: request.text, userId: request.userId, apiKeyId: request.apiKeyId }),
  };
}
