"use server";
import { z } from "zod";
import { disableWebhook } from "@/db/queries/webhooks";
import { webhookEvents } from "@/db/schema";
import { orgAction } from "@/lib/access/org-action";
import { authSecret } from "@/lib/config/auth-secret";
import { getEnv } from "@/lib/config/env";
import { registerWebhook } from "@/lib/webhooks/register-webhook";

const eventList = z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(z.enum(webhookEvents)).min(1, "Choose at least one event"));

export const createWebhookAction = orgAction(
  "createWebhook",
  "webhooks:manage",
  z.object({ url: z.string().trim().min(1, "Enter the endpoint URL").max(2000), events: eventList, description: z.string().trim().max(200).optional() }),
  async (ctx, input) => {
    const { webhook, signingSecret } = await registerWebhook(
      ctx.db,
      authSecret(),
      { organisationId: ctx.organisationId, url: input.url, events: input.events, description: input.description, createdBy: ctx.userId },
      { allowInsecure: getEnv().WEBHOOK_ALLOW_INSECURE },
    );
    await ctx.audit({ action: "webhook.created", targetType: "webhook", targetId: webhook.id, metadata: { url: webhook.url, events: webhook.events } });
    return { ok: true, message: "Webhook registered.", secret: { label: "Signing secret (verify the Genuine-Signature header with it)", value: signingSecret } };
  },
);

export const disableWebhookAction = orgAction("disableWebhook", "webhooks:manage", z.object({ webhookId: z.uuid() }), async (ctx, input) => {
  if (!(await disableWebhook(ctx.db, ctx.organisationId, input.webhookId))) return { ok: false, status: 404, message: "No such webhook." };
  await ctx.audit({ action: "webhook.disabled", targetType: "webhook", targetId: input.webhookId });
  return { ok: true, message: "Webhook removed. Nothing more is sent to it." };
});
