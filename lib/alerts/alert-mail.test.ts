import { describe, expect, it } from "vitest";
import { alertMail, type AlertMailCase } from "./alert-mail";

const base: AlertMailCase = {
  number: 42,
  status: "open",
  severity: "critical",
  risk: 95,
  gtin: "09506000134352",
  serial: "CLONE42",
  lot: "L7",
  rules: ["distinct_scanners", "impossible_travel"],
  countries: ["FR", "AU"],
  scanCount: 7,
  productName: { en: "Amoxil 500 mg", fr: "Amoxil 500 mg (FR)" },
  organisationSlug: "medivia",
  organisationName: "Medivia Pharma",
};

describe("alertMail", () => {
  it("names the case, product, serial, severity and the rules that fired, and links to the case", () => {
    const { subject, text } = alertMail({ origin: "https://genuine.example/", ruleName: "Clones", event: "case.opened", case: base });
    expect(subject).toBe("[genuine] Case #42 opened: critical · Amoxil 500 mg · CLONE42");
    expect(text).toContain('Alert rule "Clones" matched case #42 of Medivia Pharma.');
    expect(text).toContain("Product:   Amoxil 500 mg (GTIN 09506000134352)");
    expect(text).toContain("Serial:    CLONE42 (lot L7)");
    expect(text).toContain("Severity:  critical (risk 95 of 100)");
    expect(text).toContain("Scans:     7 from FR, AU");
    expect(text).toMatch(/ {2}- distinct_scanners: More distinct devices/);
    expect(text).toMatch(/ {2}- impossible_travel: Two consecutive scans/);
    expect(text).toContain("Open the case: https://genuine.example/console/medivia/cases/42");
    expect(text).toContain("https://genuine.example/console/medivia/alerts");
  });

  it.each<[string, Partial<AlertMailCase>, string]>([
    ["a status change", { status: "confirmed_counterfeit" }, "[genuine] Case #42 now confirmed counterfeit: critical · Amoxil 500 mg · CLONE42"],
    ["no serial and no product", { status: "investigating", serial: null, productName: null }, "[genuine] Case #42 now investigating: critical · Unknown product"],
    ["a product name with line breaks (no header injection)", { status: "open", productName: { en: "Evil\r\nBcc: x@y.example" } }, "[genuine] Case #42 now open: critical · Evil Bcc: x@y.example · CLONE42"],
  ])("subject for %s", (_label, over, subject) => {
    expect(alertMail({ origin: "https://g.example", ruleName: "R", event: "case.status_changed", case: { ...base, ...over } }).subject).toBe(subject);
  });

  it("names the status a change came from", () => {
    const { text } = alertMail({ origin: "https://g.example", ruleName: "R", event: "case.status_changed", case: { ...base, status: "confirmed_counterfeit", previousStatus: "investigating" } });
    expect(text).toContain("Status:    confirmed counterfeit (was investigating)\n");
  });

  it("says so when the code carries no serial", () => {
    const { text } = alertMail({ origin: "https://g.example", ruleName: "R", event: "case.opened", case: { ...base, serial: null, lot: null, countries: [] } });
    expect(text).toContain("Serial:    none in the code\n");
    expect(text).toContain("Scans:     7\n");
  });
});
