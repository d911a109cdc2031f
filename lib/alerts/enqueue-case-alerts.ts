// A case event meets the brand's alert rules: every matching rule queues its e-mails (the outbox the
// mail worker drains) and, when it names one, a signed call to the brand's webhook (the ordinary
// delivery queue). Runs inside the caller's transaction: a rolled-back case write alerts no one, and
// nothing here waits on a mail server or an endpoint.
import type { Executor } from "@/db/database";
import {
  findCaseForAlert,
  insertAlertNotifications,
  insertAlertWebhookDeliveries,
  listActiveAlertRules,
  type CaseForAlert,
  type NewAlertNotification,
} from "@/db/queries/alerts";
import { getEnv } from "@/lib/config/env";
import { alertMail, caseLink } from "./alert-mail";
import { matchAlertRule, type AlertEvent } from "./match-alert-rule";

export interface EnqueueCaseAlertsInput {
  organisationId: string;
  event: AlertEvent;
  caseId: string;
}

export interface EnqueueCaseAlertsOptions {
  /** Origin of the links in e-mails and payloads; defaults to PUBLIC_BASE_URL. */
  origin?: string;
}

/** Where links point when PUBLIC_BASE_URL is unset (development); production should set it. */
export function alertLinkOrigin(): string {
  return getEnv().PUBLIC_BASE_URL ?? "http://localhost:3000";
}

/**
 * The webhook payload of an alert (the `data` of the delivery): the case as the e-mail describes it,
 * plus the rule that asked for the call, so a receiver also subscribed to the event in general can tell
 * the two deliveries apart.
 */
export function alertWebhookPayload(rule: { id: string; name: string }, c: CaseForAlert, origin: string): Record<string, unknown> {
  return {
    alertRule: { id: rule.id, name: rule.name },
    caseId: c.id,
    number: c.number,
    status: c.status,
    previousStatus: c.previousStatus,
    severity: c.severity,
    risk: c.risk,
    gtin: c.gtin,
    serial: c.serial,
    lot: c.lot,
    rules: c.rules,
    countries: c.countries,
    scanCount: c.scanCount,
    firstSeenAt: c.firstSeenAt.toISOString(),
    lastSeenAt: c.lastSeenAt.toISOString(),
    url: caseLink(origin, c.organisationSlug, c.number),
  };
}

/** Answers how many notifications (e-mails plus webhook calls) were queued. */
export async function enqueueCaseAlerts(db: Executor, input: EnqueueCaseAlertsInput, options: EnqueueCaseAlertsOptions = {}): Promise<number> {
  const rules = await listActiveAlertRules(db, input.organisationId, input.event);
  if (rules.length === 0) return 0;
  const found = await findCaseForAlert(db, input.organisationId, input.caseId);
  if (!found) return 0;
  const matching = rules.filter((rule) => matchAlertRule(rule, { event: input.event, severity: found.severity, rules: found.rules }));
  if (matching.length === 0) return 0;

  const origin = options.origin ?? alertLinkOrigin();
  // One e-mail per recipient and event: someone listed on two matching rules hears once, named by
  // the first rule (oldest first) that lists them.
  const mails: NewAlertNotification[] = [];
  const seen = new Set<string>();
  for (const rule of matching) {
    const mail = alertMail({ origin, ruleName: rule.name, event: input.event, case: found });
    for (const recipient of rule.emails) {
      const key = recipient.trim().toLowerCase();
      if (!key || seen.has(key)) continue;
      seen.add(key);
      mails.push({ organisationId: input.organisationId, alertRuleId: rule.id, caseId: found.id, event: input.event, recipient: recipient.trim(), subject: mail.subject, body: mail.text });
    }
  }
  const calls = matching
    .filter((rule) => rule.webhookId !== null)
    .map((rule) => ({ webhookId: rule.webhookId!, event: input.event, payload: alertWebhookPayload(rule, found, origin) }));

  const queuedMails = await insertAlertNotifications(db, mails);
  const queuedCalls = await insertAlertWebhookDeliveries(db, input.organisationId, calls);
  return queuedMails + queuedCalls;
}
