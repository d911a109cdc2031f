// The delivery worker's step: claim due deliveries, POST each signed, record the outcome, schedule
// retries with backoff. Runs apart from the requests that enqueue, so a slow or failing receiver
// never delays capture or any other write.
import type { Executor } from "@/db/database";
import { claimDueDeliveries, recordDeliveryAttempt, type ClaimedDelivery } from "@/db/queries/webhooks";
import { MAX_ATTEMPTS, nextAttemptDelayMs } from "./backoff";
import { decryptWebhookSecret } from "./register-webhook";
import { SIGNATURE_HEADER, signWebhook } from "./signature";

export interface DeliveryOptions {
  appSecret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  batchSize?: number;
  now?: () => Date;
}

async function deliverOne(db: Executor, delivery: ClaimedDelivery, options: DeliveryOptions) {
  const now = options.now?.() ?? new Date();
  const body = JSON.stringify({ id: String(delivery.id), event: delivery.event, createdAt: delivery.createdAt, data: delivery.payload });
  const attempts = delivery.attempts + 1;
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const secret = decryptWebhookSecret(options.appSecret, delivery.webhookId, delivery.secretEncrypted);
    const response = await (options.fetch ?? fetch)(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "genuine-webhooks/1",
        "genuine-event": delivery.event,
        "genuine-delivery": String(delivery.id),
        [SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(now.getTime() / 1000)),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    statusCode = response.status;
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) {
      await recordDeliveryAttempt(db, delivery.id, { delivered: true, statusCode, error: null, attempts, nextAttemptAt: null, dead: false });
      return true;
    }
    error = `HTTP ${response.status}`;
  } catch (cause) {
    error = cause instanceof Error ? (cause.name === "TimeoutError" ? "timed out" : cause.message) : String(cause);
  }
  const dead = attempts >= MAX_ATTEMPTS;
  await recordDeliveryAttempt(db, delivery.id, {
    delivered: false,
    statusCode,
    error,
    attempts,
    dead,
    nextAttemptAt: dead ? null : new Date(now.getTime() + nextAttemptDelayMs(attempts)),
  });
  return false;
}

/** One pass over due deliveries; answers how many were delivered and how many failed. */
export async function deliverDueWebhooks(db: Executor, options: DeliveryOptions) {
  const claimed = await claimDueDeliveries(db, options.now?.(), options.batchSize ?? 20);
  const results = await Promise.all(claimed.map((d) => deliverOne(db, d, options)));
  return { delivered: results.filter(Boolean).length, failed: results.filter((r) => !r).length };
}
