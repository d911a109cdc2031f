// What each Digital Link resolves to (per link type, language, context, media type), and the
// provenance pages editors write.
import { boolean, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { contentStatuses } from "./enums";
import type { LocalizedText } from "./json-types";
import { organisations, users } from "./organisations";
import { lots, products } from "./catalogue";

export const resolverLinks = pgTable(
  "resolver_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /**
     * The identifier the link hangs on, as a canonical Digital Link path without the stem:
     * "/01/09506000134352", "/01/09506000134352/10/LOT1", "/01/09506000134352/21/ABC".
     * Resolution walks up from the most specific anchor (serial → lot → product).
     */
    anchor: text("anchor").notNull(),
    primaryKey: text("primary_key_ai").notNull(),
    primaryValue: text("primary_value").notNull(),
    /** GS1 Web Vocabulary link type, stored lower-case as "gs1:pip". */
    linkType: text("link_type").notNull(),
    /** Target URL; may hold {gtin}, {lot}, {serial} templates filled in at resolution. */
    href: text("href").notNull(),
    title: text("title").notNull(),
    /** BCP 47 language of the target, or "und". */
    hreflang: text("hreflang").notNull().default("und"),
    context: text("context"),
    mediaType: text("media_type"),
    /** The link answered when no link type is requested. */
    isDefault: boolean("is_default").notNull().default(false),
    /** Pass the request's query string on to the target. */
    forwardQuery: boolean("forward_query").notNull().default(false),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("resolver_links_anchor_idx").on(t.anchor),
    index("resolver_links_primary_idx").on(t.primaryKey, t.primaryValue),
    // One link per anchor, type, language, context and media type; absent context/media type count as equal.
    unique("resolver_links_identity_key")
      .on(t.anchor, t.linkType, t.hreflang, t.context, t.mediaType)
      .nullsNotDistinct(),
    index("resolver_links_organisation_idx").on(t.organisationId),
  ],
);

/**
 * What a brand says about one anchor as a whole (GS1 Resolver CE's itemDescription); links of the
 * anchor live in resolver_links.
 */
export const resolverAnchors = pgTable(
  "resolver_anchors",
  {
    anchor: text("anchor").primaryKey(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    itemDescription: text("item_description").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resolver_anchors_organisation_idx").on(t.organisationId, t.anchor)],
);

/** A provenance / story page for a product or a lot, in one language. */
export const contentPages = pgTable(
  "content_pages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    lotId: uuid("lot_id").references(() => lots.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    title: text("title").notNull(),
    /** Markdown written by editors; sanitized when rendered. */
    body: text("body").notNull(),
    status: text("status", { enum: contentStatuses }).notNull().default("draft"),
    highlights: jsonb("highlights").$type<LocalizedText[]>().notNull().default([]),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // NULLS NOT DISTINCT: one product-level page (lot_id null) per locale, too.
    unique("content_pages_target_key").on(t.productId, t.lotId, t.locale).nullsNotDistinct(),
    index("content_pages_organisation_idx").on(t.organisationId),
  ],
);
