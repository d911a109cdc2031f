// Evidence from the field: every scan of a code, retailers' verifications and consumers' reports.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { scanChannels, userAgentClasses, verdictLevels } from "./enums";
import { organisations, users } from "./organisations";

/**
 * One row per scan; the big table (billions of rows). Append-only: rows are never updated.
 * The primary key leads with scanned_at so the table can be range-partitioned by time with a DDL
 * change alone. unit_id and organisation_id carry no foreign keys on purpose: scans of unknown or
 * forged codes have no unit, and cascading deletes over billions of rows are not how retention is
 * done (dropping old partitions is).
 */
export const scans = pgTable(
  "scans",
  {
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The id the resolver gives a scan before it is written: retried writes are idempotent by it, and
     * the verification page finds its scan by it.
     */
    ref: uuid("ref"),
    organisationId: uuid("organisation_id"),
    unitId: bigint("unit_id", { mode: "number" }),
    gtin: text("gtin"),
    serial: text("serial"),
    /** Lot and expiry as printed in the scanned code: compared with the record to spot forged codes. */
    codeLot: text("code_lot"),
    codeExpiry: date("code_expiry"),
    /** The scanned link (path and query, truncated) when it did not name a known unit. */
    rawCode: text("raw_code"),
    /** Coarse location only: country, region, and coordinates rounded to 0.1° (about 11 km). */
    country: text("country"),
    region: text("region"),
    city: text("city"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    /** Keyed hashes (HMAC) of the network address and of the device's stable traits; never the IP. */
    sourceFingerprint: text("source_fingerprint"),
    deviceFingerprint: text("device_fingerprint"),
    userAgentClass: text("user_agent_class", { enum: userAgentClasses }).notNull().default("unknown"),
    channel: text("channel", { enum: scanChannels }).notNull().default("consumer"),
    language: text("language"),
    /** What the scanner asked the resolver for (linkType and context parameters). */
    linkType: text("link_type"),
    context: text("context"),
    verdict: text("verdict", { enum: verdictLevels }),
    risk: smallint("risk").notNull().default(0),
    /** Codes of the rules that fired, e.g. {"distinct_scanners","impossible_travel"}. */
    reasons: text("reasons").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.scannedAt, t.id] }),
    uniqueIndex("scans_ref_key").on(t.ref, t.scannedAt),
    // A unit's recent history: the verdict engine reads a bounded slice of it per scan. Ascending on
    // purpose: a backward scan serves ORDER BY scanned_at DESC (drizzle's .desc() adds NULLS LAST, which
    // plain DESC queries cannot use).
    index("scans_unit_time_idx").on(t.unitId, t.scannedAt).where(sql`${t.unitId} is not null`),
    index("scans_organisation_time_idx").on(t.organisationId, t.scannedAt),
    // The scans of a code that names no unit (a case page for an unknown or forged serial).
    index("scans_code_time_idx").on(t.organisationId, t.gtin, t.serial, t.scannedAt).where(sql`${t.unitId} is null`),
    // Probing detection: what one source scanned lately.
    index("scans_source_time_idx").on(t.sourceFingerprint, t.scannedAt),
    // Time-range scans over an append-only table: BRIN is tiny and as good as a B-tree here.
    index("scans_time_brin_idx").using("brin", t.scannedAt),
  ],
);

/** A retailer's check of a returned unit (DSCSA saleable returns / VRS), kept as its verifiable record. */
export const verifications = pgTable(
  "verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requesterOrganisationId: uuid("requester_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    brandOrganisationId: uuid("brand_organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    gtin: text("gtin").notNull(),
    serial: text("serial").notNull(),
    lot: text("lot"),
    expiryDate: date("expiry_date"),
    verified: boolean("verified").notNull(),
    failureReason: text("failure_reason"),
    additionalInfo: text("additional_info").array().notNull().default(sql`'{}'::text[]`),
    /** The unit's status when checked, as evidence. */
    unitStatus: text("unit_status"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("verifications_requester_idx").on(t.requesterOrganisationId, t.createdAt),
    index("verifications_brand_idx").on(t.brandOrganisationId, t.createdAt),
  ],
);

/** A consumer's report of a suspicious product, optionally with photos. */
export const consumerReports = pgTable(
  "consumer_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    unitId: bigint("unit_id", { mode: "number" }),
    scanId: bigint("scan_id", { mode: "number" }),
    gtin: text("gtin"),
    serial: text("serial"),
    message: text("message").notNull(),
    /** Where the consumer bought it (free text) and the photos' storage keys. */
    purchasePlace: text("purchase_place"),
    photos: jsonb("photos").$type<{ key: string; mediaType: string; bytes: number }[]>().notNull().default([]),
    contactEmail: text("contact_email"),
    country: text("country"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consumer_reports_organisation_idx").on(t.organisationId, t.createdAt),
    index("consumer_reports_unit_idx").on(t.unitId),
  ],
);
