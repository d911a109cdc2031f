// Brand protection: cases opened by anomaly rules, their activity, blacklisted serials and recalls.
import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { caseActivityKinds, caseSeverities, caseStatuses, recallClasses } from "./enums";
import type { LocalizedText, RuleEvidence } from "./json-types";
import { organisations, users } from "./organisations";
import { products, units } from "./catalogue";

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Human-friendly number, unique per brand ("#42"). */
    number: integer("number").notNull(),
    unitId: bigint("unit_id", { mode: "number" }).references(() => units.id, { onDelete: "set null" }),
    productId: uuid("product_id").references(() => products.id, { onDelete: "set null" }),
    gtin: text("gtin").notNull(),
    serial: text("serial"),
    lot: text("lot"),
    status: text("status", { enum: caseStatuses }).notNull().default("open"),
    severity: text("severity", { enum: caseSeverities }).notNull(),
    risk: smallint("risk").notNull(),
    rules: text("rules").array().notNull().default(sql`'{}'::text[]`),
    evidence: jsonb("evidence").$type<RuleEvidence[]>().notNull().default([]),
    scanCount: integer("scan_count").notNull().default(0),
    countries: text("countries").array().notNull().default(sql`'{}'::text[]`),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("cases_number_key").on(t.organisationId, t.number),
    // At most one active case per unit: new evidence updates it instead of opening another.
    uniqueIndex("cases_active_unit_key")
      .on(t.organisationId, t.unitId)
      .where(sql`${t.status} in ('open', 'investigating') and ${t.unitId} is not null`),
    index("cases_queue_idx").on(t.organisationId, t.status, t.risk),
    index("cases_recent_idx").on(t.organisationId, t.lastSeenAt),
    // The analysts' queue at scale (measured in lib/cases/README.md): its default view (active cases,
    // riskiest first) and every-status view with their keyset pages, then one index per filter.
    index("cases_active_risk_idx")
      .on(t.organisationId, t.risk.desc().nullsFirst(), t.lastSeenAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} in ('open', 'investigating')`),
    index("cases_risk_idx").on(t.organisationId, t.risk.desc().nullsFirst(), t.lastSeenAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("cases_serial_idx").on(t.organisationId, t.serial),
    index("cases_gtin_lot_idx").on(t.organisationId, t.gtin, t.lot),
    index("cases_rules_idx").using("gin", t.rules),
    index("cases_countries_idx").using("gin", t.countries),
    index("cases_assignee_idx").on(t.organisationId, t.assigneeId).where(sql`${t.assigneeId} is not null`),
    index("cases_severity_idx").on(t.organisationId, t.severity, t.status),
    // New cases per day on the insights page.
    index("cases_created_idx").on(t.organisationId, t.createdAt),
  ],
);

export const caseActivities = pgTable(
  "case_activities",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: caseActivityKinds }).notNull(),
    body: text("body"),
    fromStatus: text("from_status", { enum: caseStatuses }),
    toStatus: text("to_status", { enum: caseStatuses }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_activities_case_idx").on(t.caseId, t.createdAt)],
);

/** Serials the brand declared counterfeit: every later scan answers counterfeit. */
export const blacklistEntries = pgTable(
  "blacklist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    gtin: text("gtin").notNull(),
    serial: text("serial").notNull(),
    reason: text("reason").notNull(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("blacklist_entries_unit_key").on(t.organisationId, t.gtin, t.serial)],
);

/** A recall of some lots of a product (or all of it): every later scan of those units shows it. */
export const recalls = pgTable(
  "recalls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    gtin: text("gtin").notNull(),
    /** Affected lots; empty (with no serials either) means every lot of the product. */
    lots: text("lots").array().notNull().default(sql`'{}'::text[]`),
    /** Affected serials, for a recall narrower than a lot. */
    serials: text("serials").array().notNull().default(sql`'{}'::text[]`),
    reason: text("reason"),
    affectedUnits: integer("affected_units").notNull().default(0),
    recallClass: text("recall_class", { enum: recallClasses }).notNull(),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    message: jsonb("message").$type<LocalizedText>().notNull(),
    /** What the holder should do, and where to read more. */
    action: jsonb("action").$type<LocalizedText>().notNull().default({}),
    moreInfoUrl: text("more_info_url"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("recalls_gtin_idx").on(t.gtin, t.startedAt), index("recalls_organisation_idx").on(t.organisationId)],
);
