import { findImportJob } from "@/db/queries/imports";
import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";
import { importErrorReport } from "@/lib/imports/import-report";

export const dynamic = "force-dynamic";

/** The per-row error report of an import: row, column, value, message. */
export const GET = withApiRoute<{ id: string }>("GET /api/imports/{id}/errors.csv", { permission: "epcis:write", scope: "epcis:write" }, async (ctx, _request, { id }) => {
  const job = await findImportJob(ctx.db, ctx.organisation.id, id);
  if (!job) throw new AppError("not_found", "No such import.");
  return new Response(importErrorReport(job), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="import-errors-${job.id}.csv"`, "cache-control": "no-store" },
  });
});
