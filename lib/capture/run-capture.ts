// A capture request end to end: validate the document, check the brand owns every identifier, record
// a capture job, write everything in one transaction, and record how it ended.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { findOrganisationById } from "@/db/queries/organisations";
import { captureJobs } from "@/db/schema";
import { validateEpcisDocument, validateEpcisEvent, type EpcisError, type NormalisedEvent } from "@/lib/epcis";
import { AppError } from "@/lib/http/problem";
import { captureEvents, type CaptureResult } from "./capture-events";

export const MAX_EVENTS_PER_DOCUMENT = 200_000;

export interface Caller {
  organisationId: string;
  userId?: string | null;
  apiKeyId?: string | null;
}

function invalid(errors: readonly EpcisError[]): AppError {
  return new AppError("bad_request", `The EPCIS document is not valid (${errors.length} problem${errors.length === 1 ? "" : "s"}).`, {
    errors: errors.map((e) => ({ ...(e.eventIndex === undefined ? {} : { eventIndex: e.eventIndex }), pointer: e.pointer, message: e.message })),
  });
}

async function checkOwnership(db: Database, organisationId: string, events: readonly NormalisedEvent[], eventPointer: (i: number) => string) {
  const org = await findOrganisationById(db, organisationId);
  const prefixes = org?.companyPrefixes ?? [];
  // The identifiers were parsed once by validation (normaliseEvent): check those, not a second parse.
  const foreign = events.flatMap((e, i) =>
    e.identifiers.filter((id) => !id.companyPrefixMatch(prefixes)).map((id) => ({ eventIndex: i, pointer: `${eventPointer(i)}${id.pointer}`, identifier: id.raw })),
  );
  if (foreign.length) {
    throw new AppError(
      "forbidden",
      prefixes.length
        ? `${foreign.length} identifier(s) are outside your GS1 Company Prefixes (${prefixes.join(", ")}).`
        : "Your organisation has no GS1 Company Prefixes yet: an owner sets them in the console settings or with the admin tool.",
      { errors: foreign.slice(0, 100) },
    );
  }
}

/** Capture a whole EPCISDocument; answers the finished job (status success, or throws with the reason). */
export async function runDocumentCapture(db: Database, caller: Caller, body: unknown) {
  const validation = validateEpcisDocument(body, { maxEvents: MAX_EVENTS_PER_DOCUMENT });
  if (!validation.ok) {
    if (validation.errors.some((e) => e.message.includes("more than"))) {
      throw new AppError("payload_too_large", `A document may hold at most ${MAX_EVENTS_PER_DOCUMENT} events; split it.`);
    }
    throw invalid(validation.errors);
  }
  const events = validation.document.events;
  await checkOwnership(db, caller.organisationId, events, (i) => `${validation.document.eventListPointer}/${i}`);
  const [job] = await db
    .insert(captureJobs)
    .values({ organisationId: caller.organisationId, status: "running", eventCount: events.length, createdByUserId: caller.userId ?? null, createdByApiKeyId: caller.apiKeyId ?? null })
    .returning();
  let result: CaptureResult;
  try {
    result = await captureEvents(db, { organisationId: caller.organisationId, party: caller.organisationId, captureJobId: job!.id }, events);
  } catch (error) {
    await db
      .update(captureJobs)
      .set({ status: "failed", finishedAt: new Date(), errors: [{ message: error instanceof AppError ? (error.detail ?? error.message) : "The capture could not be written; nothing was stored." }] })
      .where(eq(captureJobs.id, job!.id));
    throw error;
  }
  const [finished] = await db
    .update(captureJobs)
    .set({ status: "success", processedCount: events.length, finishedAt: new Date() })
    .where(eq(captureJobs.id, job!.id))
    .returning();
  await enqueueWebhookEvent(db, caller.organisationId, "capture.completed", { captureJobId: job!.id, ...result });
  return { job: finished!, result };
}

/** Capture one event (POST /events). */
export async function runEventCapture(db: Database, caller: Caller, body: unknown) {
  const validation = validateEpcisEvent(body);
  if (!validation.ok) throw invalid(validation.errors);
  await checkOwnership(db, caller.organisationId, [validation.event], () => "");
  const result = await captureEvents(db, { organisationId: caller.organisationId, party: caller.organisationId }, [validation.event]);
  return { event: validation.event, result };
}
