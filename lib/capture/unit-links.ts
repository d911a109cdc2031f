// Which units each captured event touches, and how: serialized trade items named directly, units
// packed in a case or pallet the event names (containment as the database knows it), and the
// packing itself (AggregationEvent ADD/DELETE moves units in and out of containers).
import type { NormalisedEvent } from "@/lib/epcis";
import type { UnitEventRole } from "@/db/schema";

export interface UnitKey {
  gtin: string;
  serial: string;
}

export const unitKey = (u: UnitKey) => `${u.gtin}|${u.serial}`;

/** Serialized trade items (GTIN + serial instances) an event names, with their role. */
export function namedUnits(event: NormalisedEvent): { key: UnitKey; role: UnitEventRole }[] {
  const out: { key: UnitKey; role: UnitEventRole }[] = [];
  for (const id of event.identifiers) {
    if (id.kind !== "instance" || !id.gtin || !id.serial) continue;
    const role: UnitEventRole = id.role === "quantity" ? "epc" : id.role;
    out.push({ key: { gtin: id.gtin, serial: id.serial }, role });
  }
  return out;
}

/** Containers (anything that is not a serialized trade item) the event names as its objects. */
export function namedContainers(event: NormalisedEvent): string[] {
  return event.identifiers.filter((id) => (id.role === "epc" || id.role === "parent") && !(id.gtin && id.serial)).map((id) => id.raw);
}

/** For packing events: the container and the units put in or taken out. */
export function packing(event: NormalisedEvent): { parent: string; children: UnitKey[]; action: "ADD" | "DELETE" } | null {
  if (event.type !== "AggregationEvent" || (event.action !== "ADD" && event.action !== "DELETE")) return null;
  const parent = event.identifiers.find((id) => id.role === "parent");
  if (!parent) return null;
  const children = event.identifiers.filter((id) => id.role === "child" && id.gtin && id.serial).map((id) => ({ gtin: id.gtin!, serial: id.serial! }));
  return { parent: parent.raw, children, action: event.action };
}
