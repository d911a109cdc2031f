// Closed vocabularies of the data model. Stored as text (not PostgreSQL enums) so a later issue can
// add a value with a code change instead of an ALTER TYPE migration; TypeScript keeps them closed.

export const organisationKinds = ["brand", "retailer"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const roles = ["owner", "analyst", "editor", "retailer"] as const;
export type Role = (typeof roles)[number];

export const productCategories = [
  "pharmaceutical",
  "medical_device",
  "luxury",
  "apparel",
  "electronics",
  "automotive",
  "food_beverage",
  "cosmetics",
  "other",
] as const;
export type ProductCategory = (typeof productCategories)[number];

/** Where a serialized unit is in its life; derived from EPCIS bizStep + disposition (issue 5). */
export const unitStatuses = [
  "issued", // serial reserved, not yet commissioned
  "commissioned", // active, not yet shipped (not released to the market)
  "in_transit",
  "sellable",
  "retail_sold",
  "dispensed",
  "returned",
  "decommissioned",
  "destroyed",
  "stolen",
  "recalled",
  "expired",
] as const;
export type UnitStatus = (typeof unitStatuses)[number];

export const epcisEventTypes = [
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
] as const;
export type EpcisEventType = (typeof epcisEventTypes)[number];

export const epcisActions = ["ADD", "OBSERVE", "DELETE"] as const;
export type EpcisAction = (typeof epcisActions)[number];

/** How a unit takes part in an EPCIS event. */
export const unitEventRoles = ["epc", "parent", "child", "input", "output"] as const;
export type UnitEventRole = (typeof unitEventRoles)[number];

export const jobStatuses = ["queued", "running", "success", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const verdictLevels = ["genuine", "caution", "suspect", "counterfeit", "recalled", "expired"] as const;
export type VerdictLevel = (typeof verdictLevels)[number];

export const userAgentClasses = ["browser", "in_app", "scanner", "bot", "unknown"] as const;
export type UserAgentClass = (typeof userAgentClasses)[number];

export const scanChannels = ["consumer", "api", "retailer"] as const;
export type ScanChannel = (typeof scanChannels)[number];

export const caseStatuses = ["open", "investigating", "confirmed_counterfeit", "dismissed", "resolved"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseSeverities = ["low", "medium", "high", "critical"] as const;
export type CaseSeverity = (typeof caseSeverities)[number];

export const caseActivityKinds = ["opened", "rule_fired", "comment", "status_changed", "assigned", "blacklisted", "exported"] as const;
export type CaseActivityKind = (typeof caseActivityKinds)[number];

export const recallClasses = ["class_1", "class_2", "class_3", "withdrawal", "safety_notice"] as const;
export type RecallClass = (typeof recallClasses)[number];

export const contentStatuses = ["draft", "published"] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export const webhookEvents = [
  "case.opened",
  "case.status_changed",
  "unit.status_changed",
  "recall.published",
  "capture.completed",
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const deliveryStatuses = ["pending", "delivered", "failed", "dead"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
