// Link management per anchor: /api/resolver/01/{gtin}[/10/{lot}][/21/{serial}] (any GS1 key path).
// PUT takes a GS1 Resolver CE v3 document and replaces the anchor's links; GET shows them; DELETE removes them.
import { withApiRoute } from "@/lib/access/with-api-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { anchorFromPath, readLinkDocument, removeLinkDocument, writeLinkDocuments } from "@/lib/resolver/manage-links";
import { invalidateLinks } from "@/lib/runtime/resolver-runtime";

export const dynamic = "force-dynamic";

const MAX_BYTES = 1_048_576;

export const GET = withApiRoute<{ path: string[] }>("GET /api/resolver/{anchor}", { permission: "links:edit", scope: "links:read" }, async (ctx, _request, { path }) =>
  Response.json(await readLinkDocument(ctx.db, ctx.organisation.id, anchorFromPath(path))),
);

export const PUT = withApiRoute<{ path: string[] }>("PUT /api/resolver/{anchor}", { permission: "links:edit", scope: "links:write" }, async (ctx, request, { path }) => {
  const anchor = anchorFromPath(path);
  const body = await readJsonBody(request, { maxBytes: MAX_BYTES, mediaTypes: ["application/json"] });
  const result = await writeLinkDocuments(ctx.db, ctx.organisation.id, ctx.caller.kind === "user" ? ctx.caller.userId : null, body, anchor);
  await invalidateLinks(result.anchors);
  await ctx.audit({ action: "links.replaced", targetType: "anchor", targetId: anchor, metadata: { links: result.links } });
  return Response.json(await readLinkDocument(ctx.db, ctx.organisation.id, anchor));
});

export const DELETE = withApiRoute<{ path: string[] }>("DELETE /api/resolver/{anchor}", { permission: "links:edit", scope: "links:write" }, async (ctx, _request, { path }) => {
  const anchor = anchorFromPath(path);
  await removeLinkDocument(ctx.db, ctx.organisation.id, anchor);
  await invalidateLinks([anchor]);
  await ctx.audit({ action: "links.deleted", targetType: "anchor", targetId: anchor });
  return new Response(null, { status: 204 });
});
