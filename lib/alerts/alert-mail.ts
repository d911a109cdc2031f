// The alert e-mail: plain text that says, without opening the console, which case, which product and
// serial, how bad, which rules fired — and links to the case. Pure: rendered when the alert is queued.
import type { CaseSeverity, CaseStatus, LocalizedText } from "@/db/schema";
import { caseStatusLabel } from "@/lib/cases/case-status";
import { localized } from "@/lib/i18n/negotiate-locale";
import { VERDICT_RULES } from "@/lib/verdict/rules-catalogue";
import type { AlertEvent } from "./match-alert-rule";

export interface AlertMailCase {
  number: number;
  status: CaseStatus;
  /** The status before a change (null for a new case, or when unknown). */
  previousStatus?: CaseStatus | null;
  severity: CaseSeverity;
  risk: number;
  gtin: string;
  serial: string | null;
  lot: string | null;
  rules: readonly string[];
  countries: readonly string[];
  scanCount: number;
  productName: LocalizedText | null;
  organisationSlug: string;
  organisationName: string;
}

const statusWords = (status: CaseStatus) => caseStatusLabel(status).toLowerCase();

/** Header-safe: no line breaks (they would start new headers), bounded length. */
function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\r\n\t]+/g, " ").replace(/\s{2,}/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function caseLink(origin: string, slug: string, number: number): string {
  return `${origin.replace(/\/+$/, "")}/console/${encodeURIComponent(slug)}/cases/${number}`;
}

export function alertMail(input: { origin: string; ruleName: string; event: AlertEvent; case: AlertMailCase }) {
  const c = input.case;
  const product = oneLine(localized(c.productName, "en")) || "Unknown product";
  const what = input.event === "case.opened" ? "opened" : `now ${statusWords(c.status)}`;
  const subject = oneLine(`[genuine] Case #${c.number} ${what}: ${c.severity} · ${product}${c.serial ? ` · ${c.serial}` : ""}`, 250);
  const origin = input.origin.replace(/\/+$/, "");
  const rules = c.rules.length
    ? c.rules.map((code) => {
        const info = VERDICT_RULES[code as keyof typeof VERDICT_RULES];
        return `  - ${code}${info ? `: ${info.description}` : ""}`;
      })
    : ["  (none recorded)"];
  const text = [
    `Alert rule "${oneLine(input.ruleName)}" matched case #${c.number} of ${oneLine(c.organisationName)}.`,
    "",
    `Event:     ${input.event === "case.opened" ? "case opened" : "case status changed"}`,
    `Status:    ${statusWords(c.status)}${input.event === "case.status_changed" && c.previousStatus ? ` (was ${statusWords(c.previousStatus)})` : ""}`,
    `Product:   ${product} (GTIN ${c.gtin})`,
    `Serial:    ${c.serial ?? "none in the code"}${c.lot ? ` (lot ${c.lot})` : ""}`,
    `Severity:  ${c.severity} (risk ${c.risk} of 100)`,
    `Scans:     ${c.scanCount}${c.countries.length ? ` from ${c.countries.join(", ")}` : ""}`,
    "Rules that fired:",
    ...rules,
    "",
    `Open the case: ${caseLink(origin, c.organisationSlug, c.number)}`,
    "",
    `You receive this because you are a recipient of this alert rule. Change or switch it off at ${origin}/console/${encodeURIComponent(c.organisationSlug)}/alerts`,
  ].join("\n");
  return { subject, text };
}
