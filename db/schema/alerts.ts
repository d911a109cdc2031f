// Brand protection alerts: a brand's rules for who hears about a case, and the e-mails they produce.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { caseSeverities, deliveryStatuses } from "./enums";
import { organisations, users } from "./organisations";
import { cases } from "./protection";
import { webhooks } from "./webhooks";

/**
 * "When a case opens (or changes status) at this severity or worse, for these rules, tell these people
 * and call this endpoint." Empty rule codes mean any rule.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Case events that trigger the rule: "case.opened", "case.status_changed". */
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    minSeverity: text("min_severity", { enum: caseSeverities }).notNull().default("low"),
    /** Verdict rule codes the case must carry one of; empty means any. */
    ruleCodes: text("rule_codes").array().notNull().default(sql`'{}'::text[]`),
    emails: text("emails").array().notNull().default(sql`'{}'::text[]`),
    /** A registered endpoint of the brand to call, signed like every webhook delivery. */
    webhookId: uuid("webhook_id").references(() => webhooks.id, { onDelete: "set null" }),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_rules_organisation_idx").on(t.organisationId)],
);

/** One e-mail an alert rule asked for: an outbox, so a slow mail server never holds up a scan. */
export const alertNotifications = pgTable(
  "alert_notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    alertRuleId: uuid("alert_rule_id").references(() => alertRules.id, { onDelete: "set null" }),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    event: text("event").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("alert_notifications_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("alert_notifications_organisation_idx").on(t.organisationId, t.createdAt),
  ],
);
