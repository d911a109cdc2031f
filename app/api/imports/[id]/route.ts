import { findImportJob } from "@/db/queries/imports";
import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";
import { toImportJobView } from "@/lib/imports/import-report";

export const dynamic = "force-dynamic";

/** An import's progress and outcome: rows counted and processed, imported, duplicates, failed, first errors. */
export const GET = withApiRoute<{ id: string }>("GET /api/imports/{id}", { permission: "epcis:write", scope: "epcis:write" }, async (ctx, _request, { id }) => {
  const job = await findImportJob(ctx.db, ctx.organisation.id, id);
  if (!job) throw new AppError("not_found", "No such import.");
  return Response.json(toImportJobView(job), { headers: { "cache-control": "no-store" } });
});
