// The whole data model. Tables live in one file per area; relations and inferred row types are here.
import { relations } from "drizzle-orm";
import { apiKeys, auditLog, invitations, memberships, organisations, retailerGrants, signingKeys, ssoAccounts, users } from "./organisations";
import { lots, products, serialBatches, units } from "./catalogue";
import { captureJobs, epcisEvents, unitEvents } from "./lifecycle";
import { contentPages, resolverAnchors, resolverLinks } from "./resolver";
import { consumerReports, scans, verifications } from "./scans";
import { blacklistEntries, caseActivities, cases, recalls } from "./protection";
import { webhookDeliveries, webhooks } from "./webhooks";
import { alertNotifications, alertRules } from "./alerts";
import { scanDailyCounts, scanDailyCountries, scanDailyLots, scanDailySources, scanMonthlyLots } from "./scan-stats";

export * from "./enums";
export type * from "./json-types";
export {
  alertNotifications,
  alertRules,
  apiKeys,
  auditLog,
  blacklistEntries,
  captureJobs,
  caseActivities,
  cases,
  consumerReports,
  contentPages,
  epcisEvents,
  invitations,
  lots,
  memberships,
  organisations,
  products,
  recalls,
  resolverAnchors,
  resolverLinks,
  retailerGrants,
  scanDailyCounts,
  scanDailyCountries,
  scanDailyLots,
  scanDailySources,
  scanMonthlyLots,
  scans,
  serialBatches,
  signingKeys,
  ssoAccounts,
  unitEvents,
  units,
  users,
  verifications,
  webhookDeliveries,
  webhooks,
};

export const organisationsRelations = relations(organisations, ({ many }) => ({
  memberships: many(memberships),
  products: many(products),
  apiKeys: many(apiKeys),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
  ssoAccounts: many(ssoAccounts),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organisation: one(organisations, { fields: [memberships.organisationId], references: [organisations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export const productsRelations = relations(products, ({ one, many }) => ({
  organisation: one(organisations, { fields: [products.organisationId], references: [organisations.id] }),
  lots: many(lots),
  units: many(units),
  contentPages: many(contentPages),
  recalls: many(recalls),
}));

export const lotsRelations = relations(lots, ({ one, many }) => ({
  product: one(products, { fields: [lots.productId], references: [products.id] }),
  units: many(units),
}));

export const unitsRelations = relations(units, ({ one, many }) => ({
  product: one(products, { fields: [units.productId], references: [products.id] }),
  lotRecord: one(lots, { fields: [units.lotId], references: [lots.id] }),
  events: many(unitEvents),
}));

export const epcisEventsRelations = relations(epcisEvents, ({ many }) => ({
  units: many(unitEvents),
}));

export const unitEventsRelations = relations(unitEvents, ({ one }) => ({
  unit: one(units, { fields: [unitEvents.unitId], references: [units.id] }),
  event: one(epcisEvents, { fields: [unitEvents.eventId], references: [epcisEvents.id] }),
}));

export const casesRelations = relations(cases, ({ one, many }) => ({
  unit: one(units, { fields: [cases.unitId], references: [units.id] }),
  product: one(products, { fields: [cases.productId], references: [products.id] }),
  activities: many(caseActivities),
}));

export const caseActivitiesRelations = relations(caseActivities, ({ one }) => ({
  case: one(cases, { fields: [caseActivities.caseId], references: [cases.id] }),
}));

export const contentPagesRelations = relations(contentPages, ({ one }) => ({
  product: one(products, { fields: [contentPages.productId], references: [products.id] }),
  lot: one(lots, { fields: [contentPages.lotId], references: [lots.id] }),
}));

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Lot = typeof lots.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type EpcisEventRow = typeof epcisEvents.$inferSelect;
export type ResolverLink = typeof resolverLinks.$inferSelect;
export type ContentPage = typeof contentPages.$inferSelect;
export type Scan = typeof scans.$inferSelect;
export type NewScan = typeof scans.$inferInsert;
export type Case = typeof cases.$inferSelect;
export type Recall = typeof recalls.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Webhook = typeof webhooks.$inferSelect;
export type AlertRule = typeof alertRules.$inferSelect;
