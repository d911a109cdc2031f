// A case's lifecycle: which status may follow which, and how the console names statuses and severities.
import { caseSeverities, caseStatuses, type CaseSeverity, type CaseStatus } from "@/db/schema";

/** Statuses an analyst has decided: a new suspicious scan of the unit opens a new case instead. */
export const closedCaseStatuses = ["confirmed_counterfeit", "dismissed", "resolved"] as const satisfies readonly CaseStatus[];
export const activeCaseStatuses = ["open", "investigating"] as const satisfies readonly CaseStatus[];

/**
 * Active cases move freely among themselves and to any decision; a decision is changed only by
 * reopening it (→ investigating), so going from "dismissed" to "confirmed counterfeit" leaves a trail
 * of two entries and a reason to reopen rather than a silent flip.
 */
const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ["investigating", "confirmed_counterfeit", "dismissed", "resolved"],
  investigating: ["open", "confirmed_counterfeit", "dismissed", "resolved"],
  confirmed_counterfeit: ["investigating"],
  dismissed: ["investigating"],
  resolved: ["investigating"],
};

export function isClosedStatus(status: CaseStatus): boolean {
  return (closedCaseStatuses as readonly CaseStatus[]).includes(status);
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return transitions[from].includes(to);
}

/** The statuses a case in `from` may move to, in the order the console offers them. */
export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return transitions[from];
}

/** Why a transition is refused, in words an analyst reads in a bulk result; null when it is allowed. */
export function transitionRefusal(from: CaseStatus, to: CaseStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `already ${caseStatusLabel(to).toLowerCase()}`;
  return `a ${caseStatusLabel(from).toLowerCase()} case can only be reopened (to investigating)`;
}

/**
 * closed_at records when the case was decided: set on entering a decision, cleared on reopening,
 * untouched between open and investigating (it stays null there).
 */
export function closedAtAfter(to: CaseStatus, now: Date): Date | null {
  return isClosedStatus(to) ? now : null;
}

const statusLabels: Record<CaseStatus, string> = {
  open: "Open",
  investigating: "Investigating",
  confirmed_counterfeit: "Confirmed counterfeit",
  dismissed: "Dismissed",
  resolved: "Resolved",
};

export function caseStatusLabel(status: CaseStatus): string {
  return statusLabels[status];
}

const severityLabels: Record<CaseSeverity, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export function caseSeverityLabel(severity: CaseSeverity): string {
  return severityLabels[severity];
}

/** Worst first, as filters and legends list them. */
export const severitiesWorstFirst: readonly CaseSeverity[] = [...caseSeverities].reverse();

export function isCaseStatus(value: string): value is CaseStatus {
  return (caseStatuses as readonly string[]).includes(value);
}

export function isCaseSeverity(value: string): value is CaseSeverity {
  return (caseSeverities as readonly string[]).includes(value);
}
