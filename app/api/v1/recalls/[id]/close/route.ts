import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";
import { closeRecall } from "@/lib/recalls/publish-recall";

export const dynamic = "force-dynamic";

/** Close a recall: it stops being shown; the recalled units stay recalled. */
export const POST = withApiRoute<{ id: string }>(
  "POST /api/v1/recalls/{id}/close",
  { permission: "recalls:manage", scope: "recalls:write" },
  async (ctx, _request, { id }) => {
    if (!/^[0-9a-f-]{36}$/i.test(id) || !(await closeRecall(ctx.db, ctx.organisation.id, id))) {
      throw new AppError("not_found", "No open recall with this id in your organisation.");
    }
    await ctx.audit({ action: "recall.closed", targetType: "recall", targetId: id });
    return new Response(null, { status: 204 });
  },
);
