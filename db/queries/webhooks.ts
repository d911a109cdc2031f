// Webhook endpoints and the durable delivery queue. Deliveries are enqueued inside the caller's
// transaction (an event is announced only if its write commits) and claimed with SKIP LOCKED, so
// several workers never send the same delivery twice.
import { and, asc, desc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { leaseDueRows } from "./outbox-lease";
import { webhookDeliveries, webhooks, type WebhookEvent } from "../schema";

export async function createWebhook(
  db: Executor,
  input: { organisationId: string; url: string; events: WebhookEvent[]; description?: string | null; createdBy?: string | null; secretEncrypted: string; id: string },
) {
  const [row] = await db.insert(webhooks).values(input).returning();
  return row!;
}

export async function listWebhooks(db: Executor, organisationId: string) {
  return db.select().from(webhooks).where(and(eq(webhooks.organisationId, organisationId), isNull(webhooks.disabledAt))).orderBy(asc(webhooks.createdAt));
}

export async function disableWebhook(db: Executor, organisationId: string, id: string) {
  const rows = await db
    .update(webhooks)
    .set({ active: false, disabledAt: new Date() })
    .where(and(eq(webhooks.organisationId, organisationId), eq(webhooks.id, id), isNull(webhooks.disabledAt)))
    .returning({ id: webhooks.id });
  return rows.length > 0;
}

/** Queue the event for every active endpoint of the organisation that subscribed to it. */
export async function enqueueWebhookEvent(db: Executor, organisationId: string, event: WebhookEvent, payload: Record<string, unknown>) {
  const targets = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.organisationId, organisationId), eq(webhooks.active, true), sql`${event} = any(${webhooks.events})`));
  if (targets.length === 0) return 0;
  await db.insert(webhookDeliveries).values(targets.map((t) => ({ webhookId: t.id, organisationId, event, payload })));
  return targets.length;
}

export interface ClaimedDelivery {
  id: number;
  event: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secretEncrypted: string;
  webhookId: string;
  createdAt: Date;
}

/**
 * Take up to `limit` due deliveries, pushing their next attempt out so no other worker takes them
 * meanwhile. Without `now`, the database's clock decides (the queue's timestamps come from it too).
 */
export async function claimDueDeliveries(db: Executor, now: Date | undefined, limit: number, leaseMs = 60_000): Promise<ClaimedDelivery[]> {
  const rows = await leaseDueRows<{ id: string | number }>(db, "webhook_deliveries", sql`id`, { now, limit, leaseMs });
  if (rows.length === 0) return [];
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      url: webhooks.url,
      secretEncrypted: webhooks.secretEncrypted,
      webhookId: webhooks.id,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(inArray(webhookDeliveries.id, rows.map((r) => Number(r.id))));
}

export async function recordDeliveryAttempt(
  db: Executor,
  id: number,
  outcome: { delivered: boolean; statusCode: number | null; error: string | null; attempts: number; nextAttemptAt: Date | null; dead: boolean },
) {
  await db
    .update(webhookDeliveries)
    .set({
      status: outcome.delivered ? "delivered" : outcome.dead ? "dead" : "pending",
      attempts: outcome.attempts,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      deliveredAt: outcome.delivered ? new Date() : null,
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    })
    .where(eq(webhookDeliveries.id, id));
}

export async function listRecentDeliveries(db: Executor, organisationId: string, limit = 50) {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      url: webhooks.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.organisationId, organisationId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

export async function countPendingDeliveries(db: Executor, now: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now)));
  return row?.n ?? 0;
}
