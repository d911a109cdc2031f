// Daily rollups of the scans table for the insights page: the overview reads these, never the scans.
// They are maintained in the same statement that inserts scans (db/queries/scans.ts), counting only
// rows actually inserted, and rebuilt from the scans by rebuildScanStats (db/queries/scan-stats.ts).
// Days are UTC dates. A missing dimension (no lot in the code, no country) is stored as '' so it can
// take part in the primary key; scans without an organisation (unknown GTINs) belong to no brand and
// are not rolled up. Bots are counted in scan_daily_counts only, so they never skew the top lists —
// except per source, where a crawler probing for serials is exactly what an analyst wants to see.
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/** Scans per day by channel, bot or not, and verdict ('' when none was computed): a few rows a day. */
export const scanDailyCounts = pgTable(
  "scan_daily_counts",
  {
    organisationId: uuid("organisation_id").notNull(),
    day: date("day").notNull(),
    channel: text("channel").notNull(),
    bot: boolean("bot").notNull(),
    verdict: text("verdict").notNull(),
    scans: integer("scans").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day, t.channel, t.bot, t.verdict] })],
);

/** Human scans per day by product and lot (at most one row per lot scanned that day). */
export const scanDailyLots = pgTable(
  "scan_daily_lots",
  {
    organisationId: uuid("organisation_id").notNull(),
    day: date("day").notNull(),
    gtin: text("gtin").notNull(),
    lot: text("lot").notNull(),
    scans: integer("scans").notNull(),
    /** Verdict suspect or counterfeit. */
    suspicious: integer("suspicious").notNull(),
    counterfeit: integer("counterfeit").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day, t.gtin, t.lot] })],
);

/**
 * The same per calendar month (`month` is its first day): a year's top lots read 12 rows per lot
 * instead of 365. Ranges that do not start or end on a month's edge take those days from the daily table.
 */
export const scanMonthlyLots = pgTable(
  "scan_monthly_lots",
  {
    organisationId: uuid("organisation_id").notNull(),
    month: date("month").notNull(),
    gtin: text("gtin").notNull(),
    lot: text("lot").notNull(),
    scans: integer("scans").notNull(),
    suspicious: integer("suspicious").notNull(),
    counterfeit: integer("counterfeit").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.month, t.gtin, t.lot] })],
);

/** Human scans per day by country. */
export const scanDailyCountries = pgTable(
  "scan_daily_countries",
  {
    organisationId: uuid("organisation_id").notNull(),
    day: date("day").notNull(),
    country: text("country").notNull(),
    scans: integer("scans").notNull(),
    suspicious: integer("suspicious").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day, t.country] })],
);

/**
 * Per source (keyed network fingerprint) and day, only the scans that matter to an analyst: suspicious
 * verdicts and misses (codes naming no unit). Ordinary genuine scans are left out on purpose — they
 * are most of the traffic and would make this table as large as the scans.
 */
export const scanDailySources = pgTable(
  "scan_daily_sources",
  {
    organisationId: uuid("organisation_id").notNull(),
    day: date("day").notNull(),
    sourceFingerprint: text("source_fingerprint").notNull(),
    suspicious: integer("suspicious").notNull(),
    /** Scans whose reasons include unknown_serial: a serial never issued for the GTIN. */
    misses: integer("misses").notNull(),
    /** Scans flagged probing (over the source's miss budget). */
    probing: integer("probing").notNull(),
    bots: integer("bots").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.day, t.sourceFingerprint] }),
    // Probing sources: the few rows with misses, without reading every suspicious source's row.
    index("scan_daily_sources_misses_idx").on(t.organisationId, t.day).where(sql`${t.misses} > 0 or ${t.probing} > 0`),
  ],
);
