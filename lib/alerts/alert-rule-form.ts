// The alert rule form as the console posts it, validated. Checkboxes are named one field each
// ("event:case.opened", "rule:unknown_serial") so the form works without JavaScript and an edit form
// can show the saved choices checked; this module folds them back into lists.
import { z } from "zod";
import { caseSeverities } from "@/db/schema";
import type { AlertRuleFields } from "@/db/queries/alerts";
import { verdictRuleList } from "@/lib/verdict/rules-catalogue";
import { alertEvents } from "./match-alert-rule";

export const MAX_RECIPIENTS = 25;

/** Rules an alert can name: every rule that can stand on a case (a bot scan opens none). */
export const alertableRules = verdictRuleList.filter((r) => r.defaultSeverity !== "info");

export const eventField = (event: string) => `event:${event}`;
export const ruleField = (code: string) => `rule:${code}`;

const checkbox = z.literal("on").optional();

/** Addresses separated by commas, semicolons, spaces or lines; duplicates (any case) dropped. */
export function parseRecipients(raw: string): { ok: true; emails: string[] } | { ok: false; message: string } {
  const emails: string[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(/[\s,;]+/).filter(Boolean)) {
    if (!z.email().safeParse(part).success) return { ok: false, message: `"${part.slice(0, 80)}" is not an e-mail address.` };
    if (seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    emails.push(part);
  }
  if (emails.length > MAX_RECIPIENTS) return { ok: false, message: `At most ${MAX_RECIPIENTS} recipients; use a mailing list for more.` };
  return { ok: true, emails };
}

function formShape() {
  return {
    name: z.string().trim().min(1, "Name the rule").max(100, "At most 100 characters"),
    minSeverity: z.enum(caseSeverities, "Choose a minimum severity"),
    emails: z.string().max(5_000).default(""),
    webhookId: z.union([z.literal(""), z.uuid("Choose one of the brand's webhooks")]).default(""),
    ...Object.fromEntries(alertEvents.map((e) => [eventField(e), checkbox])),
    ...Object.fromEntries(alertableRules.map((r) => [ruleField(r.code), checkbox])),
  };
}

type FormInput = Record<string, unknown> & { name: string; minSeverity: AlertRuleFields["minSeverity"]; emails: string; webhookId: string };

function checkRule(value: FormInput, ctx: z.RefinementCtx) {
  if (!alertEvents.some((e) => value[eventField(e)] === "on")) ctx.addIssue({ code: "custom", path: ["events"], message: "Choose at least one event." });
  const recipients = parseRecipients(value.emails);
  if (!recipients.ok) ctx.addIssue({ code: "custom", path: ["emails"], message: recipients.message });
  else if (recipients.emails.length === 0 && !value.webhookId) {
    ctx.addIssue({ code: "custom", path: ["emails"], message: "Add at least one e-mail recipient or choose a webhook: otherwise the rule tells no one." });
  }
}

export const createAlertRuleSchema = z.object({ ...formShape(), active: checkbox }).superRefine((v, ctx) => checkRule(v as FormInput, ctx));
export const updateAlertRuleSchema = z.object({ ...formShape(), ruleId: z.uuid() }).superRefine((v, ctx) => checkRule(v as FormInput, ctx));

/** The validated form as the rule's columns (active is set by the caller: create and toggle own it). */
export function alertRuleFieldsFromForm(input: Record<string, unknown>): Omit<AlertRuleFields, "active"> {
  const value = input as FormInput;
  const recipients = parseRecipients(value.emails);
  return {
    name: value.name,
    minSeverity: value.minSeverity,
    events: alertEvents.filter((e) => value[eventField(e)] === "on"),
    ruleCodes: alertableRules.map((r) => r.code).filter((code) => value[ruleField(code)] === "on"),
    emails: recipients.ok ? recipients.emails : [],
    webhookId: value.webhookId || null,
  };
}
