// CSV imports of units and statuses. An import is a capture job (progress, errors) plus two audit
// entries — who started it with which file, and how it ended — which also tell imports apart from
// EPCIS capture jobs without a schema change. Every query takes the organisation.
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../database";
import { auditLog, captureJobs, epcisEvents, products, type CaptureError } from "../schema";
import { isUuid } from "./api-keys";

export const IMPORT_STARTED = "imports.units.started";
export const IMPORT_FINISHED = "imports.units.finished";

/** A stored row error: CaptureError with the offending value (row in eventIndex, "/column" in pointer). */
export interface StoredImportError extends CaptureError {
  value?: string;
}

export interface ImportSummary {
  status: "success" | "failed";
  rows: number;
  imported: number;
  duplicates: number;
  failed: number;
  statusChanges: number;
}

const started = alias(auditLog, "import_started");
const finished = alias(auditLog, "import_finished");

function importJobs(db: Executor, organisationId: string) {
  return db
    .select({
      id: captureJobs.id,
      status: captureJobs.status,
      eventCount: captureJobs.eventCount,
      processedCount: captureJobs.processedCount,
      errors: captureJobs.errors,
      createdAt: captureJobs.createdAt,
      finishedAt: captureJobs.finishedAt,
      startedMetadata: started.metadata,
      summary: finished.metadata,
    })
    .from(started)
    .innerJoin(captureJobs, and(eq(sql`${captureJobs.id}::text`, started.targetId), eq(captureJobs.organisationId, organisationId)))
    .leftJoin(finished, and(eq(finished.organisationId, organisationId), eq(finished.action, IMPORT_FINISHED), eq(finished.targetId, started.targetId)))
    .$dynamic();
}

export type ImportJobRow = Awaited<ReturnType<typeof findImportJob>>;

export async function findImportJob(db: Executor, organisationId: string, id: string) {
  if (!isUuid(id) || !isUuid(organisationId)) return undefined;
  const [row] = await importJobs(db, organisationId).where(and(eq(started.organisationId, organisationId), eq(started.action, IMPORT_STARTED), eq(started.targetId, id)));
  return row;
}

export async function listImportJobs(db: Executor, organisationId: string, limit = 20) {
  if (!isUuid(organisationId)) return [];
  return importJobs(db, organisationId)
    .where(and(eq(started.organisationId, organisationId), eq(started.action, IMPORT_STARTED)))
    .orderBy(desc(started.id))
    .limit(limit);
}

export async function createImportJob(db: Executor, input: { organisationId: string; userId: string | null; apiKeyId: string | null }) {
  const [job] = await db
    .insert(captureJobs)
    .values({ organisationId: input.organisationId, status: "queued", createdByUserId: input.userId, createdByApiKeyId: input.apiKeyId })
    .returning();
  return job!;
}

const byJob = (organisationId: string, id: string) => and(eq(captureJobs.id, id), eq(captureJobs.organisationId, organisationId));

export async function startImportJob(db: Executor, organisationId: string, id: string, rows: number) {
  await db.update(captureJobs).set({ status: "running", eventCount: rows }).where(byJob(organisationId, id));
}

/** After each chunk: how far it got, and the chunk's row errors appended (the caller caps them). */
export async function recordImportProgress(db: Executor, organisationId: string, id: string, processed: number, errors: readonly StoredImportError[]) {
  await db
    .update(captureJobs)
    .set({ processedCount: processed, ...(errors.length ? { errors: sql`${captureJobs.errors} || ${JSON.stringify(errors)}::jsonb` } : {}) })
    .where(byJob(organisationId, id));
}

export async function finishImportJob(db: Executor, organisationId: string, id: string, status: "success" | "failed", problem?: string) {
  await db
    .update(captureJobs)
    .set({ status, finishedAt: new Date(), ...(problem ? { errors: sql`${captureJobs.errors} || ${JSON.stringify([{ message: problem }])}::jsonb` } : {}) })
    .where(byJob(organisationId, id));
}

/** Which of these eventIDs the organisation has already captured. */
export async function existingEventIds(db: Executor, organisationId: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .select({ eventId: epcisEvents.eventId })
    .from(epcisEvents)
    .where(and(eq(epcisEvents.organisationId, organisationId), inArray(epcisEvents.eventId, [...eventIds])));
  return new Set(rows.map((r) => r.eventId));
}

/**
 * GTINs registered to another organisation. Capture would refuse the whole chunk for one of them, so
 * the import makes them row errors first; the caller already named these GTINs, nothing else leaks.
 */
export async function gtinsOfOtherOrganisations(db: Executor, organisationId: string, gtins: readonly string[]): Promise<Set<string>> {
  if (gtins.length === 0) return new Set();
  const rows = await db
    .select({ gtin: products.gtin })
    .from(products)
    .where(and(inArray(products.gtin, [...gtins]), ne(products.organisationId, organisationId)));
  return new Set(rows.map((r) => r.gtin));
}
