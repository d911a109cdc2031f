// A unit's lifecycle in words a consumer understands: EPCIS business steps and dispositions become a
// short closed list of steps, so every language can name each one. Partners' locations never show.

export const journeySteps = [
  "batch",
  "made",
  "packed",
  "inspected",
  "shipped",
  "received",
  "sold",
  "dispensed",
  "returned",
  "held",
  "unpacked",
  "decommissioned",
  "destroyed",
  "recalled",
  "stolen",
  "recorded",
] as const;
export type JourneyStep = (typeof journeySteps)[number];

const byBizStep: Record<string, JourneyStep> = {
  commissioning: "made",
  packing: "packed",
  inspecting: "inspected",
  shipping: "shipped",
  receiving: "received",
  retail_selling: "sold",
  dispensing: "dispensed",
  holding: "held",
  unpacking: "unpacked",
  decommissioning: "decommissioned",
  destroying: "destroyed",
};

const byDisposition: Record<string, JourneyStep> = { recalled: "recalled", stolen: "stolen", returned: "returned" };

/** "shipping", "urn:epcglobal:cbv:bizstep:shipping" and "https://ref.gs1.org/cbv/BizStep-shipping" alike. */
export function bareVocabularyTerm(value: string | null): string {
  return value?.replace(/^.*[:/]/, "").replace(/^(BizStep|Disp)-/, "") ?? "";
}

/** The disposition wins where it is the news (recalled, stolen); otherwise the business step names it. */
export function journeyStepOf(bizStep: string | null, disposition: string | null): JourneyStep {
  return byDisposition[bareVocabularyTerm(disposition)] ?? byBizStep[bareVocabularyTerm(bizStep)] ?? "recorded";
}
