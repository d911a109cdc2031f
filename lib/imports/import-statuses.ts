// The status words a CSV may use, each as the CBV 2.0 action + bizStep + disposition that lib/lifecycle
// reads as that unit status — so an imported status and a captured EPCIS event mean exactly the same.
import type { EpcisAction, UnitStatus } from "@/db/schema/enums";

export interface StatusEvent {
  /** The unit status lib/lifecycle derives from this event (the tests hold the table to it). */
  status: UnitStatus;
  action: EpcisAction;
  bizStep?: string;
  disposition: string;
}

const commissioned: StatusEvent = { status: "commissioned", action: "ADD", bizStep: "commissioning", disposition: "active" };
const shipped: StatusEvent = { status: "in_transit", action: "OBSERVE", bizStep: "shipping", disposition: "in_transit" };
const received: StatusEvent = { status: "sellable", action: "OBSERVE", bizStep: "receiving", disposition: "sellable_not_accessible" };
const sellable: StatusEvent = { status: "sellable", action: "OBSERVE", bizStep: "stocking", disposition: "sellable_accessible" };
const sold: StatusEvent = { status: "retail_sold", action: "OBSERVE", bizStep: "retail_selling", disposition: "retail_sold" };
const dispensed: StatusEvent = { status: "dispensed", action: "OBSERVE", bizStep: "dispensing", disposition: "dispensed" };
const returned: StatusEvent = { status: "returned", action: "OBSERVE", bizStep: "receiving", disposition: "returned" };
const decommissioned: StatusEvent = { status: "decommissioned", action: "DELETE", bizStep: "decommissioning", disposition: "inactive" };
const destroyed: StatusEvent = { status: "destroyed", action: "OBSERVE", bizStep: "destroying", disposition: "destroyed" };
// CBV has no business step for these: the disposition alone says what happened.
const stolen: StatusEvent = { status: "stolen", action: "OBSERVE", disposition: "stolen" };
const recalled: StatusEvent = { status: "recalled", action: "OBSERVE", disposition: "recalled" };
const expired: StatusEvent = { status: "expired", action: "OBSERVE", disposition: "expired" };

/** Accepted words (case-insensitive; spaces and hyphens read as "_"), the unit statuses and common synonyms. */
export const IMPORT_STATUSES: Readonly<Record<string, StatusEvent>> = {
  commissioned, active: commissioned,
  shipped, in_transit: shipped,
  received,
  sellable, stocked: sellable,
  sold, retail_sold: sold,
  dispensed,
  returned,
  decommissioned, inactive: decommissioned,
  destroyed,
  stolen,
  recalled,
  expired,
};

/** The canonical word for a status as written, or null when it is not one we know. */
export function importStatusName(value: string): string | null {
  const word = value.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return Object.hasOwn(IMPORT_STATUSES, word) ? word : null;
}
