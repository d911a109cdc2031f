import { z } from "zod";
import { listWebhooks } from "@/db/queries/webhooks";
import { withApiRoute } from "@/lib/access/with-api-route";
import { authSecret } from "@/lib/config/auth-secret";
import { getEnv } from "@/lib/config/env";
import { AppError } from "@/lib/http/problem";
import { registerWebhook } from "@/lib/webhooks/register-webhook";

export const dynamic = "force-dynamic";

const body = z.object({ url: z.string().min(1).max(2000), events: z.array(z.string()).min(1), description: z.string().max(200).optional() });

/** The organisation's webhook endpoints (never their secrets). */
export const GET = withApiRoute("GET /api/v1/webhooks", { permission: "webhooks:manage", scope: "webhooks:write" }, async (ctx) => {
  const hooks = await listWebhooks(ctx.db, ctx.organisation.id);
  return Response.json({ webhooks: hooks.map((h) => ({ id: h.id, url: h.url, events: h.events, description: h.description, createdAt: h.createdAt })) });
});

/** Register an endpoint; the signing secret is in the answer, once. */
export const POST = withApiRoute("POST /api/v1/webhooks", { permission: "webhooks:manage", scope: "webhooks:write" }, async (ctx, request) => {
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) throw new AppError("bad_request", "Send {url, events[], description?} as JSON.", { errors: parsed.error.issues.map((i) => ({ pointer: `/${i.path.join("/")}`, message: i.message })) });
  const { webhook, signingSecret } = await registerWebhook(
    ctx.db,
    authSecret(),
    { organisationId: ctx.organisation.id, ...parsed.data, createdBy: ctx.caller.kind === "user" ? ctx.caller.userId : null },
    { allowInsecure: getEnv().WEBHOOK_ALLOW_INSECURE },
  );
  await ctx.audit({ action: "webhook.created", targetType: "webhook", targetId: webhook.id, metadata: { url: webhook.url, events: webhook.events } });
  return Response.json({ id: webhook.id, url: webhook.url, events: webhook.events, signingSecret }, { status: 201, headers: { location: `/api/v1/webhooks/${webhook.id}` } });
});
