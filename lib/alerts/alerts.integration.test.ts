// Alerts on a real database, a real SMTP conversation and a real HTTP receiver: rules fire for their
// own brand only, nothing survives a rolled-back case write, the outbox is drained with retries, held
// without a mail server, and a rule's webhook gets a signed delivery it never subscribed to.
import http from "node:http";
import net from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import { createAlertRule, listRecentAlertWebhookCalls, listRecentNotifications, type AlertRuleFields } from "@/db/queries/alerts";
import { createOrganisation } from "@/db/queries/organisations";
import { alertNotifications, alertRules, products, webhookDeliveries } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { recordCase, type RecordCaseInput } from "@/lib/cases/record-case";
import { changeCaseStatus } from "@/lib/cases/triage";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/testing/smtp-sink";
import type { ReasonCode, Verdict } from "@/lib/verdict";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver";
import { registerWebhook } from "@/lib/webhooks/register-webhook";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "@/lib/webhooks/signature";
import { deliverDueAlertMail, HELD_WITHOUT_SMTP } from "./deliver-alert-mail";
import { enqueueCaseAlerts } from "./enqueue-case-alerts";

const APP_SECRET = "alerts-test-secret-0123456789abcdefghijklmnop";
const ORIGIN = "https://genuine.example";
const MAIL_FROM = "genuine <alerts@genuine.example>";
const G_A = "09506000134352";
const G_B = "09506000134369";

let database: TestDatabase;
let sink: SmtpSink;
let closedSmtpUrl: string;
let receiver: http.Server;
let receiverUrl: string;
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
const brand = { a: { id: "", slug: "alerts-a", productId: "" }, b: { id: "", slug: "alerts-b", productId: "" } };

function verdict(codes: ReasonCode[], risk: number, caseSeverity: NonNullable<Verdict["caseSeverity"]>): Verdict {
  return {
    level: "suspect",
    risk,
    reasons: codes.map((code) => ({ code, severity: "suspect", evidence: { code }, publicReason: "suspicious_activity", weight: 0.6 })),
    publicReasons: ["suspicious_activity"],
    openCase: true,
    caseSeverity,
  };
}

let seq = 0;
function scanOf(which: "a" | "b", serial: string, v: Verdict): RecordCaseInput {
  const b = brand[which];
  return {
    organisationId: b.id,
    unit: null,
    product: { id: b.productId, gtin: which === "a" ? G_A : G_B },
    verdict: v,
    scan: { ref: `00000000-0000-4000-8000-${String(++seq).padStart(12, "0")}`, at: new Date("2026-03-01T10:00:00Z"), country: "FR", serial, codeLot: "L1" },
  };
}

const rule = (which: "a" | "b", over: Partial<AlertRuleFields> = {}) =>
  createAlertRule(database.db, brand[which].id, {
    name: `Rule of ${which}`,
    events: ["case.opened"],
    minSeverity: "low",
    ruleCodes: [],
    emails: [`analyst@${which}.example`],
    webhookId: null,
    active: true,
    createdBy: null,
    ...over,
  });

/** Opens a case in brand A the way a scan does, with its alerts queued in the same transaction. */
async function openCase(which: "a" | "b", serial: string, v = verdict(["unknown_serial"], 95, "critical")) {
  return (await database.db.transaction((tx) => recordCase(tx, scanOf(which, serial, v))))!;
}

const mail = (smtpUrl: string | undefined) => ({ smtpUrl, from: MAIL_FROM });
const notifications = () => database.db.select().from(alertNotifications).orderBy(alertNotifications.id);

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [key, gtin] of [["a", G_A], ["b", G_B]] as const) {
    const org = await createOrganisation(database.db, { slug: brand[key].slug, name: `Brand ${key.toUpperCase()}`, kind: "brand" });
    brand[key].id = org.id;
    const [p] = await database.db.insert(products).values({ organisationId: org.id, gtin, name: { en: `Product ${key}` }, brandName: key, category: "luxury" }).returning({ id: products.id });
    brand[key].productId = p!.id;
  }
  sink = await startSmtpSink();
  // A port nothing listens on: the SMTP connection is refused.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedSmtpUrl = `smtp://127.0.0.1:${(probe.address() as net.AddressInfo).port}?ignoreTLS=true`;
  await new Promise((resolve) => probe.close(resolve));
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (c) => (body += c));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/hook`;
});

afterAll(async () => {
  await sink?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await database?.drop();
});

beforeEach(async () => {
  sink.messages.length = 0;
  received.length = 0;
  await database.db.delete(alertNotifications);
  await database.db.delete(webhookDeliveries);
  await database.db.delete(alertRules);
});

describe("enqueueCaseAlerts", () => {
  it("fires a brand's own rules only: another brand's rules never hear of its cases", async () => {
    await rule("a");
    await rule("b", { emails: ["analyst@b.example"] });
    const opened = await openCase("a", "SCOPE-1");
    const rows = await notifications();
    expect(rows.map((r) => [r.organisationId, r.recipient, r.caseId, r.event])).toEqual([[brand.a.id, "analyst@a.example", opened.id, "case.opened"]]);
    // Asked on behalf of brand B, brand A's case is not B's to alert about.
    expect(await enqueueCaseAlerts(database.db, { organisationId: brand.b.id, event: "case.opened", caseId: opened.id })).toBe(0);
    expect(await notifications()).toHaveLength(1);
  });

  it("applies severity, rule codes, events and the active flag; one e-mail per recipient", async () => {
    await rule("a", { name: "Critical only", minSeverity: "critical", emails: ["Ops@a.example", "shared@a.example"] });
    await rule("a", { name: "Travel", ruleCodes: ["impossible_travel"], emails: ["travel@a.example"] });
    await rule("a", { name: "Off", active: false, emails: ["off@a.example"] });
    await rule("a", { name: "Status only", events: ["case.status_changed"], emails: ["status@a.example"] });
    await rule("a", { name: "Any", emails: ["shared@a.example", "any@a.example"] });
    await openCase("a", "MATCH-1", verdict(["distinct_scanners"], 60, "high"));
    expect((await notifications()).map((r) => r.recipient)).toEqual(["shared@a.example", "any@a.example"]);
    await database.db.delete(alertNotifications);
    await openCase("a", "MATCH-2", verdict(["impossible_travel"], 95, "critical"));
    const rows = await notifications();
    expect(rows.map((r) => r.recipient).sort()).toEqual(["Ops@a.example", "any@a.example", "shared@a.example", "travel@a.example"]);
    // shared@ is on two matching rules: it hears once, named by the older rule.
    expect(rows.find((r) => r.recipient === "shared@a.example")!.body).toContain('Alert rule "Critical only"');
  });

  it("writes the e-mail with the case number, product, serial, severity, rules and the case link", async () => {
    await rule("a", { name: "Clones" });
    const opened = await openCase("a", "TEXT-1", verdict(["unknown_serial"], 95, "critical"));
    await database.db.delete(alertNotifications);
    await enqueueCaseAlerts(database.db, { organisationId: brand.a.id, event: "case.opened", caseId: opened.id }, { origin: ORIGIN });
    const [row] = await notifications();
    expect(row!.subject).toBe(`[genuine] Case #${opened.number} opened: critical · Product a · TEXT-1`);
    expect(row!.body).toContain("Serial:    TEXT-1 (lot L1)");
    expect(row!.body).toContain("unknown_serial: The serial was never issued");
    expect(row!.body).toContain(`Open the case: ${ORIGIN}/console/alerts-a/cases/${opened.number}`);
  });

  it("leaves nothing behind inside a rolled-back transaction", async () => {
    const { webhook } = await registerWebhook(database.db, APP_SECRET, { organisationId: brand.a.id, url: receiverUrl, events: ["recall.published"] }, { allowInsecure: true });
    await rule("a", { webhookId: webhook.id });
    const opened = await openCase("a", "ROLLBACK-0");
    await database.db.delete(alertNotifications);
    await database.db.delete(webhookDeliveries);
    await expect(
      database.db.transaction(async (tx) => {
        expect(await enqueueCaseAlerts(tx, { organisationId: brand.a.id, event: "case.opened", caseId: opened.id })).toBe(2);
        await recordCase(tx, scanOf("a", "ROLLBACK-1", verdict(["unknown_serial"], 95, "critical")));
        throw new Error("the triage write failed");
      }),
    ).rejects.toThrow("the triage write failed");
    expect(await notifications()).toEqual([]);
    expect(await database.db.select().from(webhookDeliveries)).toEqual([]);
    const cases = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from cases where serial = 'ROLLBACK-1'`);
    expect(cases[0]!.n).toBe(0);
  });

  it("gives a rule's webhook a signed delivery naming the rule, though the endpoint never subscribed to the event", async () => {
    const { webhook, signingSecret } = await registerWebhook(database.db, APP_SECRET, { organisationId: brand.a.id, url: receiverUrl, events: ["recall.published"] }, { allowInsecure: true });
    const created = await rule("a", { name: "To the SOC", emails: [], webhookId: webhook.id, events: ["case.opened", "case.status_changed"] });
    const opened = await openCase("a", "HOOK-1");
    await database.db.execute(sql`update cases set status = 'investigating' where id = ${opened.id}`);
    expect(await enqueueCaseAlerts(database.db, { organisationId: brand.a.id, event: "case.status_changed", caseId: opened.id }, { origin: ORIGIN })).toBe(1);
    expect(await notifications()).toEqual([]);
    expect(await deliverDueWebhooks(database.db, { appSecret: APP_SECRET })).toEqual({ delivered: 2, failed: 0 });
    const bodies = received.map((r) => {
      expect(verifyWebhookSignature(signingSecret, r.body, r.headers[SIGNATURE_HEADER] as string)).toBe(true);
      return JSON.parse(r.body) as { event: string; data: Record<string, unknown> };
    });
    expect(bodies.map((b) => b.event).sort()).toEqual(["case.opened", "case.status_changed"]);
    expect(bodies.find((b) => b.event === "case.status_changed")!.data).toMatchObject({
      alertRule: { id: created.id, name: "To the SOC" },
      caseId: opened.id,
      number: opened.number,
      status: "investigating",
      severity: "critical",
      serial: "HOOK-1",
      rules: ["unknown_serial"],
      url: `${ORIGIN}/console/alerts-a/cases/${opened.number}`,
    });
    const calls = await listRecentAlertWebhookCalls(database.db, brand.a.id);
    expect(calls.map((c) => [c.ruleName, c.caseNumber, c.status])).toEqual([
      ["To the SOC", opened.number, "delivered"],
      ["To the SOC", opened.number, "delivered"],
    ]);
    expect(await listRecentAlertWebhookCalls(database.db, brand.b.id)).toEqual([]);
  });

  it("alerts on a triage status change with the new status and the one before, in the triage's transaction", async () => {
    await rule("a", { name: "Decisions", events: ["case.status_changed"], emails: ["lead@a.example"] });
    const opened = await openCase("a", "TRIAGE-1");
    expect(await notifications()).toEqual([]);
    await changeCaseStatus(database.db, { organisationId: brand.a.id, caseIds: [opened.id], toStatus: "investigating", actorUserId: null });
    await changeCaseStatus(database.db, { organisationId: brand.a.id, caseIds: [opened.id], toStatus: "confirmed_counterfeit", actorUserId: null });
    const rows = await notifications();
    expect(rows.map((r) => r.subject.split(":")[0])).toEqual([`[genuine] Case #${opened.number} now investigating`, `[genuine] Case #${opened.number} now confirmed counterfeit`]);
    expect(rows[1]!.body).toContain("Status:    confirmed counterfeit (was investigating)");
  });

  it("calls no removed webhook, and another brand's webhook never", async () => {
    const own = await registerWebhook(database.db, APP_SECRET, { organisationId: brand.a.id, url: receiverUrl, events: ["case.opened"] }, { allowInsecure: true });
    const foreign = await registerWebhook(database.db, APP_SECRET, { organisationId: brand.b.id, url: receiverUrl, events: ["recall.published"] }, { allowInsecure: true });
    await rule("a", { emails: [], webhookId: foreign.webhook.id });
    await database.db.execute(sql`update webhooks set active = false, disabled_at = now() where id = ${own.webhook.id}`);
    await rule("a", { emails: [], webhookId: own.webhook.id });
    await openCase("a", "HOOK-2");
    expect(await database.db.select().from(webhookDeliveries)).toEqual([]);
  });
});

describe("the alert mail worker", () => {
  it("sends queued alerts through SMTP, once", async () => {
    await rule("a", { emails: ["analyst@a.example", "lead@a.example"] });
    const opened = await openCase("a", "SEND-1");
    expect(await deliverDueAlertMail(database.db, { mail: mail(sink.url) })).toEqual({ sent: 2, failed: 0, held: 0 });
    expect(sink.messages.map((m) => m.to)).toEqual([["analyst@a.example"], ["lead@a.example"]]);
    const data = sink.messages[0]!.data.replace(/=\n/g, "");
    // The subject is an RFC 2047 encoded word (it carries a "·"); the body is plain.
    expect(data).toContain(`matched case #${opened.number} of Brand A.`);
    expect(data).toContain(`/console/alerts-a/cases/${opened.number}`);
    expect(sink.messages[0]!.from).toBe("alerts@genuine.example");
    expect(await deliverDueAlertMail(database.db, { mail: mail(sink.url) })).toEqual({ sent: 0, failed: 0, held: 0 });
    const rows = await notifications();
    expect(rows.every((r) => r.status === "delivered" && r.attempts === 1 && r.sentAt !== null && r.lastError === null)).toBe(true);
    const listed = await listRecentNotifications(database.db, brand.a.id);
    expect(listed.map((n) => [n.recipient, n.status, n.caseNumber, n.ruleName])).toEqual([
      ["lead@a.example", "delivered", opened.number, "Rule of a"],
      ["analyst@a.example", "delivered", opened.number, "Rule of a"],
    ]);
    expect(await listRecentNotifications(database.db, brand.b.id)).toEqual([]);
  });

  it("retries when the mail server is down, with growing delays, and sends when it is back", async () => {
    await rule("a", { emails: ["one@a.example", "two@a.example"] });
    await openCase("a", "RETRY-1");
    const t0 = new Date(Date.now() + 1000);
    // The first refusal stops the pass: the second mail is not tried against a server that is down.
    expect(await deliverDueAlertMail(database.db, { mail: mail(closedSmtpUrl), now: () => t0 })).toEqual({ sent: 0, failed: 1, held: 0 });
    const [first, second] = await notifications();
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(first!.nextAttemptAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(24_000);
    expect(second).toMatchObject({ status: "pending", attempts: 0 });
    expect(second!.lastError).toMatch(/^Not tried: the mail server failed/);
    expect(second!.nextAttemptAt.getTime()).toBe(first!.nextAttemptAt.getTime());
    // Not due yet: nothing is tried.
    expect(await deliverDueAlertMail(database.db, { mail: mail(sink.url), now: () => t0 })).toEqual({ sent: 0, failed: 0, held: 0 });
    const later = new Date(t0.getTime() + 120_000);
    expect(await deliverDueAlertMail(database.db, { mail: mail(sink.url), now: () => later })).toEqual({ sent: 2, failed: 0, held: 0 });
    expect(sink.messages).toHaveLength(2);
    expect((await notifications()).map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ["delivered", 2, null],
      ["delivered", 1, null],
    ]);
  });

  it("gives up at once on a recipient the server refuses for good, and keeps sending the others", async () => {
    await rule("a", { emails: ["gone@a.example", "here@a.example"] });
    await openCase("a", "REFUSED-1");
    const send = async (message: { to: string }) => {
      if (message.to === "gone@a.example") throw Object.assign(new Error("550 5.1.1 No such user"), { responseCode: 550, command: "RCPT TO" });
      return true;
    };
    expect(await deliverDueAlertMail(database.db, { mail: mail(sink.url), send })).toEqual({ sent: 1, failed: 1, held: 0 });
    expect((await notifications()).map((r) => [r.recipient, r.status, r.lastError])).toEqual([
      ["gone@a.example", "failed", "550 5.1.1 No such user"],
      ["here@a.example", "delivered", null],
    ]);
  });

  it("holds alerts without a mail server, says why, and sends them once one is configured", async () => {
    await rule("a");
    await openCase("a", "HELD-1");
    expect(await deliverDueAlertMail(database.db, { mail: mail(undefined) })).toEqual({ sent: 0, failed: 0, held: 1 });
    // Said once: a second pass changes nothing.
    expect(await deliverDueAlertMail(database.db, { mail: mail(undefined) })).toEqual({ sent: 0, failed: 0, held: 0 });
    const [held] = await notifications();
    expect(held).toMatchObject({ status: "pending", attempts: 0, lastError: HELD_WITHOUT_SMTP });
    expect(await deliverDueAlertMail(database.db, { mail: mail(sink.url) })).toEqual({ sent: 1, failed: 0, held: 0 });
    const [sent] = await database.db.select().from(alertNotifications).where(eq(alertNotifications.id, held!.id));
    expect(sent).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
  });
});
