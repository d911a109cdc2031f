import { describe, expect, it } from "vitest";
import { alertRuleFieldsFromForm, createAlertRuleSchema, parseRecipients, updateAlertRuleSchema } from "./alert-rule-form";

// An unchecked checkbox sends nothing: undefined drops the field.
const form = (over: Record<string, string | undefined> = {}) =>
  Object.fromEntries(Object.entries({ name: "Clones", minSeverity: "high", emails: "a@brand.example", "event:case.opened": "on", ...over }).filter(([, v]) => v !== undefined));

describe("parseRecipients", () => {
  it.each([
    ["a@x.example", ["a@x.example"]],
    ["a@x.example, b@x.example;c@x.example\nd@x.example", ["a@x.example", "b@x.example", "c@x.example", "d@x.example"]],
    ["a@x.example A@X.example", ["a@x.example"]],
    ["  ", []],
  ])("%j → %j", (raw, emails) => {
    expect(parseRecipients(raw)).toEqual({ ok: true, emails });
  });

  it.each([
    ["not-an-address", /"not-an-address" is not an e-mail address/],
    ["a@x.example, b@", /"b@" is not/],
    [Array.from({ length: 26 }, (_, i) => `p${i}@x.example`).join(","), /At most 25 recipients/],
  ])("refuses %j", (raw, message) => {
    const result = parseRecipients(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});

describe("the alert rule form", () => {
  it("folds the checkboxes into lists and keeps the catalogue's order", () => {
    const parsed = createAlertRuleSchema.parse(form({ "event:case.status_changed": "on", "rule:impossible_travel": "on", "rule:unknown_serial": "on", "rule:made_up": "on", webhookId: "" }));
    expect(alertRuleFieldsFromForm(parsed)).toEqual({
      name: "Clones",
      minSeverity: "high",
      events: ["case.opened", "case.status_changed"],
      ruleCodes: ["unknown_serial", "impossible_travel"],
      emails: ["a@brand.example"],
      webhookId: null,
    });
  });

  it.each<[string, Record<string, string | undefined>, string, RegExp]>([
    ["no event", { "event:case.opened": undefined }, "events", /at least one event/],
    ["no recipient and no webhook", { emails: "" }, "emails", /tells no one/],
    ["a bad address", { emails: "ops@brand.example, nope" }, "emails", /"nope" is not/],
    ["no name", { name: "   " }, "name", /Name the rule/],
    ["an unknown severity", { minSeverity: "urgent" }, "minSeverity", /minimum severity/],
    ["a webhook that is no id", { webhookId: "https://x" }, "webhookId", /webhooks/],
  ])("refuses %s", (_label, over, field, message) => {
    const result = createAlertRuleSchema.safeParse(form(over));
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });

  it("accepts a webhook-only rule, and an edit needs the rule's id", () => {
    const webhookId = "00000000-0000-4000-8000-000000000001";
    expect(alertRuleFieldsFromForm(createAlertRuleSchema.parse(form({ emails: "", webhookId }))).webhookId).toBe(webhookId);
    expect(updateAlertRuleSchema.safeParse(form()).success).toBe(false);
    expect(updateAlertRuleSchema.safeParse(form({ ruleId: webhookId })).success).toBe(true);
  });
});
