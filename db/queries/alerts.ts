// Alert rules and their e-mail outbox. Every read and write takes the brand; notifications are
// inserted inside the caller's transaction (an alert goes out only if its case write commits) and
// claimed with SKIP LOCKED, so several workers never send one e-mail twice.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { leaseDueRows } from "./outbox-lease";
import { alertNotifications, alertRules, cases, organisations, products, webhookDeliveries, webhooks, type CaseSeverity, type CaseStatus } from "../schema";

export interface AlertRuleFields {
  name: string;
  events: string[];
  minSeverity: CaseSeverity;
  ruleCodes: string[];
  emails: string[];
  webhookId: string | null;
  active: boolean;
}

export async function listAlertRules(db: Executor, organisationId: string) {
  return db
    .select({
      id: alertRules.id,
      name: alertRules.name,
      events: alertRules.events,
      minSeverity: alertRules.minSeverity,
      ruleCodes: alertRules.ruleCodes,
      emails: alertRules.emails,
      webhookId: alertRules.webhookId,
      webhookUrl: webhooks.url,
      /** False when the rule names an endpoint since removed: it is not called. */
      webhookUsable: sql<boolean>`coalesce(${webhooks.active} and ${webhooks.disabledAt} is null, false)`,
      active: alertRules.active,
      createdAt: alertRules.createdAt,
      updatedAt: alertRules.updatedAt,
    })
    .from(alertRules)
    .leftJoin(webhooks, and(eq(webhooks.id, alertRules.webhookId), eq(webhooks.organisationId, organisationId)))
    .where(eq(alertRules.organisationId, organisationId))
    .orderBy(asc(alertRules.createdAt), asc(alertRules.id));
}

/** The brand's active rules listening to the event (matching the rest is lib/alerts' pure work). */
export async function listActiveAlertRules(db: Executor, organisationId: string, event: string) {
  return db
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.organisationId, organisationId), eq(alertRules.active, true), sql`${event} = any(${alertRules.events})`))
    .orderBy(asc(alertRules.createdAt), asc(alertRules.id));
}

export async function createAlertRule(db: Executor, organisationId: string, fields: AlertRuleFields & { createdBy: string | null }) {
  const [row] = await db
    .insert(alertRules)
    .values({ organisationId, ...fields })
    .returning();
  return row!;
}

/** Answers false when the rule is not the brand's (or gone). */
export async function updateAlertRule(db: Executor, organisationId: string, id: string, fields: Partial<AlertRuleFields>) {
  const rows = await db
    .update(alertRules)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(alertRules.organisationId, organisationId), eq(alertRules.id, id)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

export async function deleteAlertRule(db: Executor, organisationId: string, id: string) {
  const rows = await db
    .delete(alertRules)
    .where(and(eq(alertRules.organisationId, organisationId), eq(alertRules.id, id)))
    .returning({ id: alertRules.id, name: alertRules.name });
  return rows[0] ?? null;
}

/** A webhook of the brand that can still be called (not removed); null otherwise. */
export async function findUsableWebhook(db: Executor, organisationId: string, webhookId: string) {
  const [row] = await db
    .select({ id: webhooks.id, url: webhooks.url })
    .from(webhooks)
    .where(and(eq(webhooks.organisationId, organisationId), eq(webhooks.id, webhookId), eq(webhooks.active, true), isNull(webhooks.disabledAt)))
    .limit(1);
  return row ?? null;
}

/** What an alert says about a case: the case, its product's name, and the brand's slug for links. */
export async function findCaseForAlert(db: Executor, organisationId: string, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      severity: cases.severity,
      risk: cases.risk,
      gtin: cases.gtin,
      serial: cases.serial,
      lot: cases.lot,
      rules: cases.rules,
      countries: cases.countries,
      scanCount: cases.scanCount,
      firstSeenAt: cases.firstSeenAt,
      lastSeenAt: cases.lastSeenAt,
      /** For a status change: the status before it, read from the activity the triage wrote just before. */
      previousStatus: sql<CaseStatus | null>`(select a.from_status from case_activities a where a.case_id = ${cases.id} and a.kind = 'status_changed' order by a.id desc limit 1)`,
      productName: products.name,
      organisationSlug: organisations.slug,
      organisationName: organisations.name,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(products, eq(products.id, cases.productId))
    .where(and(eq(cases.organisationId, organisationId), eq(cases.id, caseId)))
    .limit(1);
  return row ?? null;
}

export type CaseForAlert = NonNullable<Awaited<ReturnType<typeof findCaseForAlert>>>;

export interface NewAlertNotification {
  organisationId: string;
  alertRuleId: string;
  caseId: string;
  event: string;
  recipient: string;
  subject: string;
  body: string;
}

export async function insertAlertNotifications(db: Executor, rows: readonly NewAlertNotification[]) {
  if (rows.length === 0) return 0;
  await db.insert(alertNotifications).values([...rows]);
  return rows.length;
}

/**
 * Queue calls to the rules' webhooks on the ordinary delivery queue (signed and retried by the
 * webhook worker). Only the brand's usable endpoints are called, whatever they subscribed to.
 */
export async function insertAlertWebhookDeliveries(
  db: Executor,
  organisationId: string,
  rows: readonly { webhookId: string; event: string; payload: Record<string, unknown> }[],
) {
  if (rows.length === 0) return 0;
  const usable = await db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(
      and(
        eq(webhooks.organisationId, organisationId),
        inArray(webhooks.id, [...new Set(rows.map((r) => r.webhookId))]),
        eq(webhooks.active, true),
        isNull(webhooks.disabledAt),
      ),
    );
  const ids = new Set(usable.map((w) => w.id));
  const values = rows.filter((r) => ids.has(r.webhookId)).map((r) => ({ ...r, organisationId }));
  if (values.length === 0) return 0;
  await db.insert(webhookDeliveries).values(values);
  return values.length;
}

export interface ClaimedNotification {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Take up to `limit` due notifications, pushing their next attempt out by the lease so no other
 * worker takes them meanwhile. Without `now`, the database's clock decides.
 */
export async function claimDueNotifications(db: Executor, now: Date | undefined, limit: number, leaseMs = 120_000): Promise<ClaimedNotification[]> {
  const rows = await leaseDueRows<{ id: string | number; recipient: string; subject: string; body: string; attempts: number }>(
    db,
    "alert_notifications",
    sql`id, recipient, subject, body, attempts`,
    { now, limit, leaseMs },
  );
  // RETURNING follows no order: send oldest first.
  return rows
    .sort((x, y) => Number(x.id) - Number(y.id))
    .map((r) => ({ id: Number(r.id), recipient: r.recipient, subject: r.subject, body: r.body, attempts: Number(r.attempts) }));
}

export async function recordNotificationAttempt(
  db: Executor,
  id: number,
  outcome: { status: "delivered" | "pending" | "failed" | "dead"; attempts: number; error: string | null; nextAttemptAt: Date | null },
) {
  await db
    .update(alertNotifications)
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      lastError: outcome.error,
      sentAt: outcome.status === "delivered" ? new Date() : null,
      ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    })
    .where(eq(alertNotifications.id, id));
}

/**
 * Without a mail server nothing can be sent: say so on every waiting notification (once), keep it
 * pending and its attempts untouched, so it goes out as soon as SMTP is configured.
 */
export async function holdPendingNotifications(db: Executor, reason: string) {
  const rows = await db
    .update(alertNotifications)
    .set({ lastError: reason })
    .where(and(eq(alertNotifications.status, "pending"), sql`${alertNotifications.lastError} is distinct from ${reason}`))
    .returning({ id: alertNotifications.id });
  return rows.length;
}

export async function listRecentNotifications(db: Executor, organisationId: string, limit = 50) {
  return db
    .select({
      id: alertNotifications.id,
      event: alertNotifications.event,
      recipient: alertNotifications.recipient,
      subject: alertNotifications.subject,
      status: alertNotifications.status,
      attempts: alertNotifications.attempts,
      lastError: alertNotifications.lastError,
      nextAttemptAt: alertNotifications.nextAttemptAt,
      createdAt: alertNotifications.createdAt,
      sentAt: alertNotifications.sentAt,
      ruleName: alertRules.name,
      caseNumber: cases.number,
    })
    .from(alertNotifications)
    .leftJoin(alertRules, eq(alertRules.id, alertNotifications.alertRuleId))
    .leftJoin(cases, eq(cases.id, alertNotifications.caseId))
    .where(eq(alertNotifications.organisationId, organisationId))
    .orderBy(desc(alertNotifications.id))
    .limit(limit);
}

/** The webhook calls alert rules asked for (their payload names the rule), newest first. */
export async function listRecentAlertWebhookCalls(db: Executor, organisationId: string, limit = 20) {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      url: webhooks.url,
      ruleName: sql<string>`${webhookDeliveries.payload}->'alertRule'->>'name'`,
      caseNumber: sql<number | null>`(${webhookDeliveries.payload}->>'number')::int`,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookDeliveries.organisationId, organisationId), isNotNull(sql`${webhookDeliveries.payload}->'alertRule'`)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}
