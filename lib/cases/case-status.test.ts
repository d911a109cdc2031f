import { describe, expect, it } from "vitest";
import { caseStatuses, type CaseStatus } from "@/db/schema";
import { canTransition, caseStatusLabel, closedAtAfter, isCaseSeverity, isCaseStatus, isClosedStatus, nextStatuses, severitiesWorstFirst, transitionRefusal } from "./case-status";

// Every (from, to) pair the lifecycle allows; anything not listed is refused.
const allowed: [CaseStatus, CaseStatus][] = [
  ["open", "investigating"],
  ["open", "confirmed_counterfeit"],
  ["open", "dismissed"],
  ["open", "resolved"],
  ["investigating", "open"],
  ["investigating", "confirmed_counterfeit"],
  ["investigating", "dismissed"],
  ["investigating", "resolved"],
  ["confirmed_counterfeit", "investigating"],
  ["dismissed", "investigating"],
  ["resolved", "investigating"],
];

const pairs = caseStatuses.flatMap((from) => caseStatuses.map((to) => [from, to] as [CaseStatus, CaseStatus]));

describe("canTransition", () => {
  it.each(pairs)("%s → %s", (from, to) => {
    const expected = allowed.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(expected);
    expect(transitionRefusal(from, to) === null).toBe(expected);
    expect(nextStatuses(from).includes(to)).toBe(expected);
  });
});

describe("transitionRefusal", () => {
  it.each([
    ["open", "open", "already open"],
    ["dismissed", "dismissed", "already dismissed"],
    ["dismissed", "confirmed_counterfeit", "a dismissed case can only be reopened (to investigating)"],
    ["resolved", "open", "a resolved case can only be reopened (to investigating)"],
    ["confirmed_counterfeit", "dismissed", "a confirmed counterfeit case can only be reopened (to investigating)"],
  ] as const)("%s → %s: %s", (from, to, reason) => {
    expect(transitionRefusal(from, to)).toBe(reason);
  });
});

describe("closedAtAfter", () => {
  const now = new Date("2026-03-01T10:00:00Z");
  it.each([
    ["confirmed_counterfeit", now],
    ["dismissed", now],
    ["resolved", now],
    ["investigating", null],
    ["open", null],
  ] as const)("entering %s sets closed_at to %s", (to, expected) => {
    expect(closedAtAfter(to, now)).toEqual(expected);
  });
});

describe("vocabulary", () => {
  it.each([
    ["open", false, "Open"],
    ["investigating", false, "Investigating"],
    ["confirmed_counterfeit", true, "Confirmed counterfeit"],
    ["dismissed", true, "Dismissed"],
    ["resolved", true, "Resolved"],
  ] as const)("%s: closed %s, labelled %s", (status, closed, label) => {
    expect(isClosedStatus(status)).toBe(closed);
    expect(caseStatusLabel(status)).toBe(label);
  });

  it.each([
    ["open", true],
    ["closed", false],
    ["", false],
  ] as const)("isCaseStatus(%j) is %s", (value, expected) => {
    expect(isCaseStatus(value)).toBe(expected);
  });

  it("lists severities worst first and recognises them", () => {
    expect(severitiesWorstFirst).toEqual(["critical", "high", "medium", "low"]);
    expect(isCaseSeverity("high")).toBe(true);
    expect(isCaseSeverity("info")).toBe(false);
  });
});
