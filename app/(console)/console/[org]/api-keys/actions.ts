"use server";
import { z } from "zod";
import { revokeApiKey } from "@/db/queries/api-keys";
import { orgAction } from "@/lib/access/org-action";
import { issueApiKey } from "@/lib/api-keys/issue-api-key";
import { apiScopes } from "@/lib/api-keys/scopes";
import { authSecret } from "@/lib/config/auth-secret";

export const createApiKey = orgAction(
  "createApiKey",
  "api-keys:manage",
  z.object({
    name: z.string().trim().min(1, "Give the key a name").max(100),
    scopes: z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(z.enum(apiScopes)).min(1, "Choose at least one scope")),
    expiresInDays: z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(3650).optional()),
  }),
  async (ctx, input) => {
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const { token, apiKey } = await issueApiKey(ctx.db, authSecret(), {
      organisationId: ctx.organisationId,
      name: input.name,
      scopes: input.scopes,
      createdBy: ctx.userId,
      expiresAt,
    });
    await ctx.audit({ action: "api_key.created", targetType: "api_key", targetId: apiKey.id, metadata: { name: input.name, scopes: input.scopes } });
    return { ok: true, message: `API key "${input.name}" created.`, secret: { label: "API key (Bearer token)", value: token } };
  },
);

export const revokeApiKeyAction = orgAction("revokeApiKey", "api-keys:manage", z.object({ apiKeyId: z.string().min(1) }), async (ctx, input) => {
  const revoked = await revokeApiKey(ctx.db, ctx.organisationId, input.apiKeyId);
  if (!revoked) return { ok: false, status: 404, message: "No such API key." };
  await ctx.audit({ action: "api_key.revoked", targetType: "api_key", targetId: input.apiKeyId });
  return { ok: true, message: "API key revoked. Requests with it are refused from now on." };
});
