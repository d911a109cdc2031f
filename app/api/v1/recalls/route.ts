import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";
import { listRecalls, publishRecall } from "@/lib/recalls/publish-recall";
import { recallInputSchema } from "@/lib/recalls/recall-input";

export const dynamic = "force-dynamic";

/** The organisation's recalls, newest first. */
export const GET = withApiRoute("GET /api/v1/recalls", { permission: "recalls:manage", scope: "recalls:write" }, async (ctx) =>
  Response.json({ recalls: await listRecalls(ctx.db, ctx.organisation.id) }),
);

/** Publish a recall: the affected units are recalled at once and recall.published is sent. */
export const POST = withApiRoute("POST /api/v1/recalls", { permission: "recalls:manage", scope: "recalls:write" }, async (ctx, request) => {
  const parsed = recallInputSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    throw new AppError("bad_request", "The recall is not valid.", {
      errors: parsed.error.issues.map((i) => ({ pointer: `/${i.path.join("/")}`, message: i.message })),
    });
  }
  const recall = await publishRecall(ctx.db, ctx.organisation.id, parsed.data, ctx.caller.kind === "user" ? ctx.caller.userId : null);
  await ctx.audit({ action: "recall.published", targetType: "recall", targetId: recall.id, metadata: { gtin: recall.gtin, lots: recall.lots, affectedUnits: recall.affectedUnits } });
  return Response.json(recall, { status: 201, headers: { location: `/api/v1/recalls/${recall.id}` } });
});
