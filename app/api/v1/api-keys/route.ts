import { listApiKeys } from "@/db/queries/api-keys";
import { withApiRoute } from "@/lib/access/with-api-route";

export const dynamic = "force-dynamic";

/** The organisation's API keys (never the tokens). For owners; API keys cannot list keys. */
export const GET = withApiRoute("GET /api/v1/api-keys", { permission: "api-keys:manage" }, async (ctx) => {
  const keys = await listApiKeys(ctx.db, ctx.organisation.id);
  return Response.json({
    apiKeys: keys.map((k) => ({
      id: k.id,
      name: k.name,
      scopes: k.scopes,
      endsWith: k.displayPrefix,
      createdAt: k.createdAt,
      expiresAt: k.expiresAt,
      lastUsedAt: k.lastUsedAt,
      revokedAt: k.revokedAt,
    })),
  });
});
