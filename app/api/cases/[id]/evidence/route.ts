import { withApiRoute } from "@/lib/access/with-api-route";
import { exportEvidence, isEvidenceFormat } from "@/lib/cases/export-evidence";
import { AppError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** A case's evidence pack as a download: the whole pack as JSON, or its scans as CSV (?format=json|csv). */
export const GET = withApiRoute<{ id: string }>("GET /api/cases/{id}/evidence", { permission: "cases:read", scope: "cases:read" }, async (ctx, request, { id }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!isEvidenceFormat(format)) throw new AppError("bad_request", "format must be json or csv.", { parameter: "format" });
  const exported = await exportEvidence(ctx.db, {
    organisation: ctx.organisation,
    caseId: id,
    format,
    actorUserId: ctx.caller.kind === "user" ? ctx.caller.userId : null,
    exportedBy: ctx.caller.kind === "user" ? ctx.caller.email : `API key ${ctx.caller.apiKeyId}`,
  });
  await ctx.audit({ action: "case.evidence_exported", targetType: "case", targetId: exported.caseId, metadata: { number: exported.caseNumber, format, scans: exported.scans } });
  return new Response(exported.body, {
    headers: {
      "content-type": exported.contentType,
      "content-disposition": `attachment; filename="${exported.filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
