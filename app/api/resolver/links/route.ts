// Bulk link management: POST an array of GS1 Resolver CE v3 documents (all land or none do); GET lists
// the organisation's anchors a page at a time (?after=<anchor>&limit=…).
import { listAnchors } from "@/db/queries/resolver-links";
import { withApiRoute } from "@/lib/access/with-api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { writeLinkDocuments } from "@/lib/resolver/manage-links";
import { invalidateLinks } from "@/lib/runtime/resolver-runtime";

export const dynamic = "force-dynamic";

const MAX_BYTES = 20 * 1_048_576;

export const GET = withApiRoute("GET /api/resolver/links", { permission: "links:edit", scope: "links:read" }, async (ctx, request) => {
  const url = new URL(request.url);
  const limit = Math.min(Math.max(Number(url.searchParams.get("limit")) || 100, 1), 1000);
  const anchors = await listAnchors(ctx.db, ctx.organisation.id, { after: url.searchParams.get("after") ?? undefined, limit });
  const last = anchors.length === limit ? anchors[anchors.length - 1]?.anchor : undefined;
  return Response.json({ anchors, ...(last ? { next: `/api/resolver/links?after=${encodeURIComponent(last)}&limit=${limit}` } : {}) });
});

export const POST = withApiRoute("POST /api/resolver/links", { permission: "links:edit", scope: "links:write" }, async (ctx, request) => {
  const body = await readJsonBody(request, { maxBytes: MAX_BYTES, mediaTypes: ["application/json"] });
  const result = await writeLinkDocuments(ctx.db, ctx.organisation.id, ctx.caller.kind === "user" ? ctx.caller.userId : null, body);
  await invalidateLinks(result.anchors);
  await ctx.audit({ action: "links.imported", targetType: "anchor", targetId: result.anchors[0] ?? "", metadata: { anchors: result.anchors.length, links: result.links } });
  return Response.json(result, { status: 200 });
});
