// The declarative map from CBV 2.0 vocabulary to unit status: disposition first, then (for ObjectEvents)
// the action, then the bizStep. Every CBV 2.0 term has a row, so a reviewer reads what each one does.
import type { UnitStatus } from "@/db/schema/enums";
import type { CbvBizStep, CbvDisposition } from "./vocabulary";

export type TermEffect =
  /** The term names a lifecycle state. */
  | { readonly kind: "sets"; readonly status: UnitStatus; readonly why: string }
  /** The term says the lifecycle state does not change; nothing later in the precedence is consulted. */
  | { readonly kind: "keeps"; readonly why: string }
  /** The term says nothing about the lifecycle; the action and bizStep decide. */
  | { readonly kind: "defers"; readonly why: string };

const sets = (status: UnitStatus, why: string): TermEffect => ({ kind: "sets", status, why });
const keeps = (why: string): TermEffect => ({ kind: "keeps", why });
const defers = (why: string): TermEffect => ({ kind: "defers", why });

export const dispositionEffects: Readonly<Record<CbvDisposition, TermEffect>> = {
  active: sets("commissioned", "commissioned and in the legitimate supply chain (EU FMD 'active')"),
  available: defers("asset availability (returnable assets), not a product lifecycle state"),
  completeness_inferred: defers("aggregation check result"),
  completeness_verified: defers("aggregation check result"),
  conformant: defers("inspection result"),
  container_closed: defers("state of a container, not of the units in it"),
  container_open: defers("state of a container, not of the units in it"),
  damaged: sets("decommissioned", "taken out of sale; no 'damaged' unit status yet (see README)"),
  destroyed: sets("destroyed", "physically destroyed"),
  dispensed: sets("dispensed", "supplied to the patient"),
  disposed: sets("destroyed", "thrown away / end of life: the unit no longer exists as a product"),
  encoded: keeps("identifier written to a tag, object not yet commissioned"),
  expired: sets("expired", "past its expiry date"),
  in_progress: defers("a business process is under way; the bizStep says which"),
  in_transit: sets("in_transit", "shipped, between parties"),
  inactive: sets("decommissioned", "decommissioned (CBV: may be reactivated)"),
  mismatch_class: defers("aggregation check result"),
  mismatch_instance: defers("aggregation check result"),
  mismatch_quantity: defers("aggregation check result"),
  needs_replacement: defers("asset maintenance state"),
  no_pedigree_match: sets("decommissioned", "quarantined: provenance does not match (suspect product)"),
  non_conformant: defers("inspection result; a later disposition says what happens to the unit"),
  non_sellable_other: sets("decommissioned", "may not be sold, for another reason"),
  partially_dispensed: sets("dispensed", "a pack opened for dispensing is decommissioned (EU FMD)"),
  recalled: sets("recalled", "recalled"),
  reserved: keeps("serial reserved for a third party, not commissioned: the unit stays as it is"),
  retail_sold: sets("retail_sold", "sold to the consumer"),
  returned: sets("returned", "returned; must be verified before resale"),
  sellable_accessible: sets("sellable", "on sale, reachable by consumers"),
  sellable_not_accessible: sets("sellable", "saleable, in a back room or warehouse"),
  stolen: sets("stolen", "stolen"),
  unavailable: defers("asset availability (returnable assets), not a product lifecycle state"),
  unknown: defers("the sender does not know the state"),
};

export const bizStepEffects: Readonly<Record<CbvBizStep, TermEffect>> = {
  accepting: keeps("possession changes inside a location; the disposition says more"),
  arriving: keeps("arrival at a location; receiving follows"),
  assembling: keeps("assembly of parts; no change for the finished unit"),
  collecting: keeps("collection of used products; the disposition says more"),
  commissioning: sets("commissioned", "identifier associated with the object"),
  consigning: sets("in_transit", "transfer of possession to a carrier or consignee"),
  creating_class_instance: sets("commissioned", "an instance created"),
  cycle_counting: keeps("counting stock"),
  decommissioning: sets("decommissioned", "identifier disassociated from the object"),
  departing: sets("in_transit", "left the shipping location"),
  destroying: sets("destroyed", "physically destroyed"),
  disassembling: keeps("taken apart; the disposition says what happens to the parts"),
  dispensing: sets("dispensed", "supplied to the patient"),
  encoding: keeps("identifier written, not yet commissioned"),
  entering_exiting: keeps("entering or leaving a location"),
  holding: keeps("held (inspection, quarantine); the disposition says whether saleable"),
  inspecting: keeps("inspection"),
  installing: keeps("installed into a larger object"),
  killing: keeps("an RFID tag killed; says nothing about the product"),
  loading: keeps("loaded on a conveyance; departing/shipping follows"),
  other: keeps("unspecified"),
  packing: keeps("packed; containment is recorded by the aggregation module"),
  picking: keeps("picked for an order"),
  receiving: sets("sellable", "received into inventory"),
  removing: keeps("removed from a larger object"),
  repackaging: keeps("repackaged"),
  repairing: keeps("repaired"),
  replacing: keeps("replaced"),
  reserving: keeps("serials reserved, not commissioned"),
  retail_selling: sets("retail_sold", "sold at retail"),
  sampling: sets("decommissioned", "taken as a sample (EU FMD 'sample')"),
  sensor_reporting: keeps("sensor data only"),
  shipping: sets("in_transit", "shipped"),
  staging_outbound: keeps("staged for shipping; shipping follows"),
  stock_taking: keeps("inventory count"),
  stocking: sets("sellable", "moved to the sales floor"),
  storing: keeps("moved into storage"),
  transporting: sets("in_transit", "moved between locations"),
  unloading: keeps("unloaded from a conveyance; receiving follows"),
  unpacking: keeps("unpacked; containment is recorded by the aggregation module"),
  void_shipping: keeps("a shipment cancelled; the disposition (usually sellable_*) sets the state"),
};
