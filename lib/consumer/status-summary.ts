// What the consumer page says about a unit's recorded state. Not the verdict engine (that weighs scan
// history too); this is the plain reading of the record, shared by the page and its tests.
import type { UnitStatus } from "@/db/schema";
import { bareVocabularyTerm } from "./journey-steps";

export type Tone = "good" | "warn" | "bad";

export interface StatusSummary {
  tone: Tone;
  headline: string;
  detail: string;
}

const summaries: Record<UnitStatus, StatusSummary> = {
  // Not yet released gives the same answer as unknown, so the page helps no one harvest serials.
  issued: { tone: "bad", headline: "We have no record of this product", detail: "This serial number is not one the brand has released." },
  commissioned: { tone: "bad", headline: "We have no record of this product", detail: "This serial number is not one the brand has released." },
  in_transit: { tone: "good", headline: "Registered by the brand", detail: "This unit was made by the brand and is on its way to a store." },
  sellable: { tone: "good", headline: "Registered by the brand", detail: "This unit was made by the brand and delivered for sale." },
  retail_sold: { tone: "good", headline: "Registered by the brand", detail: "This unit was made by the brand and sold by an authorised store." },
  dispensed: { tone: "warn", headline: "Already dispensed", detail: "This pack was recorded as dispensed to a patient. If you just received it from a pharmacy, that is expected." },
  returned: { tone: "good", headline: "Registered by the brand", detail: "This unit was returned and checked." },
  decommissioned: { tone: "bad", headline: "Taken out of circulation", detail: "This unit was removed from the supply chain and should not be on sale." },
  destroyed: { tone: "bad", headline: "Recorded as destroyed", detail: "This unit was recorded as destroyed. A product carrying its code is not genuine." },
  stolen: { tone: "bad", headline: "Reported stolen", detail: "This unit belongs to a shipment reported stolen. Do not use it; please report where you got it." },
  recalled: { tone: "bad", headline: "Recalled", detail: "The brand has recalled this unit. Follow the instructions below." },
  expired: { tone: "bad", headline: "Expired", detail: "This unit is past its expiry date." },
};

export const unknownUnit: StatusSummary = summaries.issued;

export function summarizeStatus(status: UnitStatus, expiryDate: string | null, today: string): StatusSummary {
  if (status !== "recalled" && expiryDate && expiryDate < today && summaries[status].tone !== "bad") {
    return summaries.expired;
  }
  return summaries[status];
}

const stepLabels: Record<string, string> = {
  commissioning: "Made and registered",
  shipping: "Shipped",
  receiving: "Received by a distributor or store",
  retail_selling: "Sold in store",
  dispensing: "Dispensed",
  holding: "Held",
  decommissioning: "Taken out of circulation",
  destroying: "Destroyed",
  packing: "Packed",
  unpacking: "Unpacked",
  inspecting: "Inspected",
};

const dispositionLabels: Record<string, string> = { recalled: "Recalled", stolen: "Reported stolen" };


export function describeLifecycleStep(bizStep: string | null, disposition: string | null): string {
  const step = bareVocabularyTerm(bizStep);
  const disp = bareVocabularyTerm(disposition);
  return dispositionLabels[disp] ?? stepLabels[step] ?? (step ? step.replaceAll("_", " ") : "Recorded");
}
