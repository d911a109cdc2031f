// The digital thread: EPCIS 2.0 events as captured, the units each one touches, and capture jobs.
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { epcisActions, epcisEventTypes, jobStatuses, unitEventRoles } from "./enums";
import type { CaptureError } from "./json-types";
import { apiKeys, organisations, users } from "./organisations";
import { units } from "./catalogue";

export const captureJobs = pgTable(
  "capture_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: text("status", { enum: jobStatuses }).notNull().default("queued"),
    eventCount: integer("event_count").notNull().default(0),
    processedCount: integer("processed_count").notNull().default(0),
    errors: jsonb("errors").$type<CaptureError[]>().notNull().default([]),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByApiKeyId: uuid("created_by_api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("capture_jobs_organisation_idx").on(t.organisationId, t.createdAt)],
);

export const epcisEvents = pgTable(
  "epcis_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The event's own eventID, or "ni:///sha-256;…" (the CBV event hash) when it has none. */
    eventId: text("event_id").notNull(),
    type: text("type", { enum: epcisEventTypes }).notNull(),
    action: text("action", { enum: epcisActions }),
    bizStep: text("biz_step"),
    disposition: text("disposition"),
    eventTime: timestamp("event_time", { withTimezone: true }).notNull(),
    /** The "+02:00" the event was recorded in; eventTime itself is stored in UTC. */
    eventTimeZoneOffset: text("event_time_zone_offset").notNull(),
    recordTime: timestamp("record_time", { withTimezone: true }).notNull().defaultNow(),
    readPoint: text("read_point"),
    bizLocation: text("biz_location"),
    /** The event exactly as received (JSON-LD), so queries can return it faithfully. */
    document: jsonb("document").$type<Record<string, unknown>>().notNull(),
    captureJobId: uuid("capture_job_id").references(() => captureJobs.id, { onDelete: "set null" }),
    /** Set when a later errorDeclaration retracts this event. */
    retractedAt: timestamp("retracted_at", { withTimezone: true }),
    retractionReason: text("retraction_reason"),
  },
  (t) => [
    uniqueIndex("epcis_events_event_id_key").on(t.organisationId, t.eventId),
    index("epcis_events_time_idx").on(t.organisationId, t.eventTime),
    index("epcis_events_biz_step_idx").on(t.organisationId, t.bizStep, t.eventTime),
  ],
);

/** Which units an event touches and how; feeds lifecycle state and a unit's provenance timeline. */
export const unitEvents = pgTable(
  "unit_events",
  {
    unitId: bigint("unit_id", { mode: "number" })
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => epcisEvents.id, { onDelete: "cascade" }),
    role: text("role", { enum: unitEventRoles }).notNull(),
    eventTime: timestamp("event_time", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.eventId, t.role] }),
    index("unit_events_unit_time_idx").on(t.unitId, t.eventTime),
    index("unit_events_event_idx").on(t.eventId),
  ],
);
