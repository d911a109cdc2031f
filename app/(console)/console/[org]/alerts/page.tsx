import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { ActionForm } from "@/components/console/action-form";
import { DataTable } from "@/components/console/data-table";
import { listAlertRules, listRecentAlertWebhookCalls, listRecentNotifications } from "@/db/queries/alerts";
import { listWebhooks } from "@/db/queries/webhooks";
import { caseSeverities } from "@/db/schema";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { alertableRules, eventField, MAX_RECIPIENTS, ruleField } from "@/lib/alerts/alert-rule-form";
import { HELD_WITHOUT_SMTP } from "@/lib/alerts/deliver-alert-mail";
import { alertEvents } from "@/lib/alerts/match-alert-rule";
import { getEnv } from "@/lib/config/env";
import { mailConfigured } from "@/lib/mail/send-mail";
import { createAlertRuleAction, deleteAlertRuleAction, setAlertRuleActiveAction, updateAlertRuleAction } from "./actions";

export const metadata: Metadata = { title: "Alerts" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const eventLabels: Record<(typeof alertEvents)[number], string> = {
  "case.opened": "A case opens",
  "case.status_changed": "A case changes status",
};

type Rule = Awaited<ReturnType<typeof listAlertRules>>[number];
type Notification = Awaited<ReturnType<typeof listRecentNotifications>>[number];

/** The fields shared by the new-rule form and each rule's edit form, prefilled from `rule` when given. */
function RuleFields({ rule, webhooks, idPrefix }: { rule?: Rule; webhooks: { id: string; url: string; description: string | null }[]; idPrefix: string }) {
  return (
    <>
      <label htmlFor={`${idPrefix}-name`}>
        Name
        <input id={`${idPrefix}-name`} name="name" required maxLength={100} defaultValue={rule?.name} placeholder="Critical clones to the security team" />
      </label>
      <fieldset>
        <legend>When</legend>
        {alertEvents.map((event) => (
          <label key={event} className="checkbox">
            <input type="checkbox" name={eventField(event)} defaultChecked={rule ? rule.events.includes(event) : event === "case.opened"} />
            {eventLabels[event]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${idPrefix}-severity`}>
        Minimum severity
        <select id={`${idPrefix}-severity`} name="minSeverity" defaultValue={rule?.minSeverity ?? "high"}>
          {caseSeverities.map((s) => (
            <option key={s} value={s}>
              {s} or worse
            </option>
          ))}
        </select>
      </label>
      <details open={Boolean(rule?.ruleCodes.length)}>
        <summary>Only cases where one of these rules fired {rule?.ruleCodes.length ? `(${rule.ruleCodes.length} chosen)` : "(any rule when none is chosen)"}</summary>
        <fieldset>
          <legend className="visually-hidden">Verdict rules</legend>
          {alertableRules.map((r) => (
            <Fragment key={r.code}>
              <label className="checkbox" title={r.description}>
                <input type="checkbox" name={ruleField(r.code)} defaultChecked={rule?.ruleCodes.includes(r.code)} aria-describedby={`${idPrefix}-rule-${r.code}`} />
                <code>{r.code}</code>
              </label>
              <span id={`${idPrefix}-rule-${r.code}`} className="visually-hidden">
                {r.description}
              </span>
            </Fragment>
          ))}
        </fieldset>
      </details>
      <label htmlFor={`${idPrefix}-emails`}>
        E-mail recipients <span className="muted">(one per line or comma-separated, at most {MAX_RECIPIENTS})</span>
        <textarea id={`${idPrefix}-emails`} name="emails" rows={3} defaultValue={rule?.emails.join("\n")} placeholder="security@brand.example" />
      </label>
      <label htmlFor={`${idPrefix}-webhook`}>
        Also call webhook <span className="muted">(optional)</span>
        <select id={`${idPrefix}-webhook`} name="webhookId" defaultValue={rule?.webhookUsable ? (rule.webhookId ?? "") : ""}>
          <option value="">No webhook</option>
          {webhooks.map((w) => (
            <option key={w.id} value={w.id}>
              {w.url}
              {w.description ? ` (${w.description})` : ""}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function describeNotification(n: Notification, smtp: boolean): string {
  switch (n.status) {
    case "delivered":
      return `Sent ${n.sentAt ? dates.format(n.sentAt) : ""}`.trim();
    case "failed":
      return "Refused by the mail server (not retried)";
    case "dead":
      return `Gave up after ${n.attempts} attempts`;
    default:
      if (!smtp || n.lastError === HELD_WITHOUT_SMTP) return "Waiting for a mail server";
      return n.attempts > 0 || n.lastError ? `Retrying, next try ${dates.format(n.nextAttemptAt)}` : "Queued";
  }
}

function ruleSummary(rule: Rule): string {
  const when = rule.events.map((e) => (e === "case.opened" ? "opens" : e === "case.status_changed" ? "changes status" : e)).join(" or ");
  const which = rule.ruleCodes.length ? ` after ${rule.ruleCodes.join(", ")}` : "";
  return `When a ${rule.minSeverity}-or-worse case ${when}${which}.`;
}

export default async function AlertsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation } = await requireOrgPage(org, "alerts:manage", `/console/${org}/alerts`);
  const [rules, webhooks, notifications, calls] = await Promise.all([
    listAlertRules(db, organisation.id),
    listWebhooks(db, organisation.id),
    listRecentNotifications(db, organisation.id),
    listRecentAlertWebhookCalls(db, organisation.id),
  ]);
  const smtp = mailConfigured();
  const origin = getEnv().PUBLIC_BASE_URL;
  return (
    <>
      <h1>Alerts</h1>
      <p className="lead">
        Tell the right people when a suspicious case opens or changes status: by e-mail, and by a signed call to one of the brand&apos;s
        webhooks. Alerts are queued with the case and sent in the background, with retries; a slow mail server never holds up a scan
        or a triage action.
      </p>
      {!smtp && (
        <div className="notice" role="note">
          <strong>No mail server is configured.</strong> Alert e-mails are kept, marked &ldquo;waiting for a mail server&rdquo;, and sent as
          soon as <code>SMTP_URL</code> is set. Webhook calls are not affected.
        </div>
      )}
      {!origin && (
        <p className="muted">
          Links in alerts point at <code>http://localhost:3000</code>: set <code>PUBLIC_BASE_URL</code> to the console&apos;s public address.
        </p>
      )}

      <section className="panel" aria-labelledby="new-rule-heading">
        <h2 id="new-rule-heading">New alert rule</h2>
        <ActionForm action={createAlertRuleAction} org={org} submitLabel="Create rule" label="New alert rule">
          <RuleFields webhooks={webhooks} idPrefix="new" />
          <label className="checkbox">
            <input type="checkbox" name="active" defaultChecked /> Switched on
          </label>
        </ActionForm>
        {webhooks.length === 0 && (
          <p className="muted">
            The brand has no webhooks registered; an owner can add one on the Webhooks page to have alerts call it.
          </p>
        )}
      </section>

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Rules ({rules.length})</h2>
        {rules.length === 0 ? (
          <p className="muted">No alert rules yet: nobody is told about new cases except through the queue.</p>
        ) : (
          <ul className="list">
            {rules.map((rule) => (
              <li key={rule.id} className="card">
                <h3>
                  {rule.name} <span className="muted">· {rule.active ? "on" : "off"}</span>
                </h3>
                <p>{ruleSummary(rule)}</p>
                <p>
                  {rule.emails.length ? `E-mails ${rule.emails.join(", ")}` : "No e-mail recipients"}
                  {rule.webhookId ? (
                    <>
                      {" · calls "}
                      <span className="mono">{rule.webhookUrl ?? "a removed webhook"}</span>
                      {!rule.webhookUsable && " (removed: not called)"}
                    </>
                  ) : null}
                </p>
                <div className="inline-form">
                  <ActionForm
                    action={setAlertRuleActiveAction}
                    org={org}
                    submitLabel={rule.active ? "Switch off" : "Switch on"}
                    className="inline-form"
                    label={`${rule.active ? "Switch off" : "Switch on"} ${rule.name}`}
                  >
                    <input type="hidden" name="ruleId" value={rule.id} />
                    <input type="hidden" name="active" value={rule.active ? "false" : "true"} />
                  </ActionForm>
                  <ActionForm action={deleteAlertRuleAction} org={org} submitLabel="Delete" danger className="inline-form" label={`Delete ${rule.name}`}>
                    <input type="hidden" name="ruleId" value={rule.id} />
                  </ActionForm>
                </div>
                <details>
                  <summary>Edit {rule.name}</summary>
                  <ActionForm action={updateAlertRuleAction} org={org} submitLabel="Save rule" label={`Edit ${rule.name}`}>
                    <input type="hidden" name="ruleId" value={rule.id} />
                    <RuleFields rule={rule} webhooks={webhooks} idPrefix={`rule-${rule.id}`} />
                  </ActionForm>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mails-heading">
        <h2 id="mails-heading">Recent alert e-mails</h2>
        {notifications.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <DataTable columns={["Queued", "Case", "Rule", "Recipient", "State", "Attempts", "Last error"]}>
            {notifications.map((n) => (
              <tr key={n.id}>
                <td>{dates.format(n.createdAt)}</td>
                <td>{n.caseNumber !== null ? <Link href={`/console/${org}/cases/${n.caseNumber}`}>#{n.caseNumber}</Link> : "—"}</td>
                <td>{n.ruleName ?? <span className="muted">deleted rule</span>}</td>
                <td className="mono">{n.recipient}</td>
                <td>{describeNotification(n, smtp)}</td>
                <td>{n.attempts}</td>
                <td>{n.status === "delivered" ? "—" : (n.lastError ?? "—")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="calls-heading">
        <h2 id="calls-heading">Recent alert webhook calls</h2>
        <p className="muted">
          A rule&apos;s webhook receives the case event (<code>case.opened</code> or <code>case.status_changed</code>) signed like every
          delivery, whatever the endpoint subscribed to; its <code>data</code> carries <code>alertRule</code> (id and name), the case
          (number, status, severity, risk, GTIN, serial, lot, rules, countries) and the case&apos;s <code>url</code>.
        </p>
        {calls.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <DataTable columns={["Queued", "Event", "Case", "Rule", "Endpoint", "State", "Attempts", "Last answer"]}>
            {calls.map((c) => (
              <tr key={c.id}>
                <td>{dates.format(c.createdAt)}</td>
                <td>
                  <code>{c.event}</code>
                </td>
                <td>{c.caseNumber !== null ? <Link href={`/console/${org}/cases/${c.caseNumber}`}>#{c.caseNumber}</Link> : "—"}</td>
                <td>{c.ruleName}</td>
                <td className="mono">{c.url}</td>
                <td>{c.status}</td>
                <td>{c.attempts}</td>
                <td>{c.lastStatusCode ?? c.lastError ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
