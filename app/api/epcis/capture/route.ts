import { withApiRoute } from "@/lib/access/with-api-route";
import { runDocumentCapture } from "@/lib/capture/run-capture";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

const EPCIS_MEDIA_TYPES = ["application/ld+json", "application/json"];

/**
 * EPCIS 2.0 capture: an EPCISDocument, all or nothing. The document is validated and written before
 * the answer, so a 202 means the events are stored; the Location reports the job's outcome.
 */
export const POST = withApiRoute("POST /api/epcis/capture", { permission: "epcis:write", scope: "epcis:write" }, async (ctx, request) => {
  const body = await readJsonBody(request, { maxBytes: 64 * 1_048_576, mediaTypes: EPCIS_MEDIA_TYPES });
  const { job, result } = await runDocumentCapture(ctx.db, {
    organisationId: ctx.organisation.id,
    userId: ctx.caller.kind === "user" ? ctx.caller.userId : null,
    apiKeyId: ctx.caller.kind === "api-key" ? ctx.caller.apiKeyId : null,
  }, body);
  await ctx.audit({ action: "epcis.captured", targetType: "capture_job", targetId: job.id, metadata: { ...result } });
  const location = `/api/epcis/capture/${job.id}`;
  return Response.json({ captureID: job.id, status: job.status, ...result }, { status: 202, headers: { location, "GS1-EPCIS-Version": "2.0.0" } });
});
