import { and, eq } from "drizzle-orm";
import { captureJobs } from "@/db/schema";
import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** A capture job: running, success or failed, with its errors and progress. */
export const GET = withApiRoute<{ id: string }>("GET /api/epcis/capture/{id}", { permission: "epcis:write", scope: "epcis:write" }, async (ctx, _request, { id }) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("not_found", "No such capture job.");
  const [job] = await ctx.db.select().from(captureJobs).where(and(eq(captureJobs.id, id), eq(captureJobs.organisationId, ctx.organisation.id)));
  if (!job) throw new AppError("not_found", "No such capture job.");
  return Response.json({
    captureID: job.id,
    running: job.status === "running" || job.status === "queued",
    success: job.status === "success",
    status: job.status,
    captureErrorBehaviour: "rollback",
    eventCount: job.eventCount,
    processedCount: job.processedCount,
    errors: job.errors,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  }, { headers: { "GS1-EPCIS-Version": "2.0.0" } });
});
