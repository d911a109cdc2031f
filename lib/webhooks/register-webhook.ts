// Registering an endpoint: check where it points, generate its signing secret (shown once), store
// the secret encrypted under a key derived from AUTH_SECRET.
import { randomBytes, randomUUID } from "node:crypto";
import type { Executor } from "@/db/database";
import { createWebhook } from "@/db/queries/webhooks";
import { webhookEvents, type WebhookEvent } from "@/db/schema";
import { decryptPrivateKey, encryptPrivateKey } from "@/lib/api-keys/key-encryption";
import { AppError } from "@/lib/http/problem";
import { checkEndpointUrl } from "./endpoint-url";

const secretContext = (id: string) => `webhook-secret:${id}`;

export function decryptWebhookSecret(appSecret: string, webhookId: string, encrypted: string): string {
  return decryptPrivateKey(appSecret, encrypted, secretContext(webhookId));
}

export async function registerWebhook(
  db: Executor,
  appSecret: string,
  input: { organisationId: string; url: string; events: string[]; description?: string | null; createdBy?: string | null },
  options: { allowInsecure: boolean },
) {
  const endpoint = await checkEndpointUrl(input.url, options);
  if (!endpoint.ok) throw new AppError("bad_request", `The webhook URL ${endpoint.reason}.`, { pointer: "/url" });
  const unknown = input.events.filter((e) => !(webhookEvents as readonly string[]).includes(e));
  if (unknown.length || input.events.length === 0) {
    throw new AppError("bad_request", unknown.length ? `Unknown event(s): ${unknown.join(", ")}.` : "Choose at least one event.", { pointer: "/events" });
  }
  const id = randomUUID();
  const signingSecret = `whsec_${randomBytes(24).toString("base64url")}`;
  const webhook = await createWebhook(db, {
    id,
    organisationId: input.organisationId,
    url: endpoint.url.toString(),
    events: input.events as WebhookEvent[],
    description: input.description ?? null,
    createdBy: input.createdBy ?? null,
    secretEncrypted: encryptPrivateKey(appSecret, signingSecret, secretContext(id)),
  });
  return { webhook, signingSecret };
}
