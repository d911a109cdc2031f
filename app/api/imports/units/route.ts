import { withApiRoute } from "@/lib/access/with-api-route";
import { IMPORT_STARTED } from "@/db/queries/imports";
import { readImportBody } from "@/lib/imports/read-import-body";
import { startImport } from "@/lib/imports/start-import";

export const dynamic = "force-dynamic";

/**
 * Import units and statuses from CSV (text/csv, or multipart "file"). The header is checked at once;
 * the rows run after the answer, and the Location reports progress and the per-row errors.
 */
export const POST = withApiRoute("POST /api/imports/units", { permission: "epcis:write", scope: "epcis:write" }, async (ctx, request) => {
  const { text, fileName } = await readImportBody(request);
  const { job, run } = await startImport(ctx.db, {
    organisationId: ctx.organisation.id,
    userId: ctx.caller.kind === "user" ? ctx.caller.userId : null,
    apiKeyId: ctx.caller.kind === "api-key" ? ctx.caller.apiKeyId : null,
    text,
  });
  await ctx.audit({ action: IMPORT_STARTED, targetType: "capture_job", targetId: job.id, metadata: { fileName, bytes: Buffer.byteLength(text, "utf8") } });
  ctx.defer(async () => void (await run()));
  const location = `/api/imports/${job.id}`;
  return Response.json(
    { importID: job.id, status: job.status, running: true, fileName, links: { self: location, errors: `${location}/errors.csv` } },
    { status: 202, headers: { location } },
  );
});
