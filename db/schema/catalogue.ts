// What a brand makes: products (GTIN), lots (GTIN + lot) and serialized units (GTIN + serial).
import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { productCategories, unitStatuses } from "./enums";
import type { LocalizedText, ProductImage, ProvenanceFact, VerdictPolicy } from "./json-types";
import { organisations, users } from "./organisations";

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Always the 14-digit form; GTIN-8/12/13 are padded on the way in. Globally unique. */
    gtin: text("gtin").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull().default({}),
    brandName: text("brand_name").notNull(),
    category: text("category", { enum: productCategories }).notNull(),
    images: jsonb("images").$type<ProductImage[]>().notNull().default([]),
    facts: jsonb("facts").$type<ProvenanceFact[]>().notNull().default([]),
    /** Overrides of the brand's verdict policy for this product's category. */
    verdictPolicy: jsonb("verdict_policy").$type<VerdictPolicy>().notNull().default({}),
    /** ISO 3166-1 alpha-2 codes of the markets the product is meant for. */
    intendedMarkets: text("intended_markets").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("products_gtin_key").on(t.gtin), index("products_organisation_idx").on(t.organisationId)],
);

export const lots = pgTable(
  "lots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    gtin: text("gtin").notNull(),
    lot: text("lot").notNull(),
    productionDate: date("production_date"),
    expiryDate: date("expiry_date"),
    bestBeforeDate: date("best_before_date"),
    /** Human name of the production site, and its GLN where known. */
    site: text("site"),
    siteGln: text("site_gln"),
    facts: jsonb("facts").$type<ProvenanceFact[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lots_gtin_lot_key").on(t.gtin, t.lot), index("lots_organisation_idx").on(t.organisationId)],
);

/** A reservation of serial numbers for a GTIN (+ lot), with the print files made from it (issue 5). */
export const serialBatches = pgTable(
  "serial_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    lotId: uuid("lot_id").references(() => lots.id, { onDelete: "set null" }),
    quantity: integer("quantity").notNull(),
    /** Idempotency key supplied by the caller so a retried request reserves nothing twice. */
    requestKey: text("request_key"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("serial_batches_organisation_idx").on(t.organisationId, t.createdAt),
    uniqueIndex("serial_batches_request_key").on(t.organisationId, t.requestKey),
  ],
);

export const units = pgTable(
  "units",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    gtin: text("gtin").notNull(),
    serial: text("serial").notNull(),
    lotId: uuid("lot_id").references(() => lots.id, { onDelete: "set null" }),
    lot: text("lot"),
    expiryDate: date("expiry_date"),
    status: text("status", { enum: unitStatuses }).notNull().default("issued"),
    statusSince: timestamp("status_since", { withTimezone: true }).notNull().defaultNow(),
    /** eventTime of the lifecycle event that set the status: an older late event never overwrites it. */
    statusEventTime: timestamp("status_event_time", { withTimezone: true }),
    /** ISO 3166-1 alpha-2 markets the unit was shipped to, for out-of-market checks. */
    markets: text("markets").array().notNull().default(sql`'{}'::text[]`),
    /** EPC of the case or pallet the unit is packed in, if any (aggregation). */
    parentEpc: text("parent_epc"),
    serialBatchId: uuid("serial_batch_id").references(() => serialBatches.id, { onDelete: "set null" }),
    commissionedAt: timestamp("commissioned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("units_gtin_serial_key").on(t.gtin, t.serial),
    index("units_organisation_status_idx").on(t.organisationId, t.status),
    index("units_lot_idx").on(t.lotId),
    index("units_parent_epc_idx").on(t.parentEpc),
    // Exports page through a serial batch in id order.
    index("units_serial_batch_idx").on(t.serialBatchId, t.id),
  ],
);
