// Containment from AggregationEvents (case in pallet, unit in case) at a point in time, and the
// carrying of an event on a container to everything packed in it.
import type { EpcisAction, UnitStatus } from "@/db/schema/enums";

export interface AggregationRecord {
  readonly eventId?: string;
  readonly action: EpcisAction;
  /** parentID: SSCC or SGTIN of the case/pallet, as an EPC URN or Digital Link URI (normalised by the caller). */
  readonly parentId: string;
  /** childEPCs; empty on a DELETE means "everything in the parent". */
  readonly childEpcs: readonly string[];
  readonly eventTime: Date;
}

export interface Containment {
  /** parent → its direct children. */
  readonly children: ReadonlyMap<string, ReadonlySet<string>>;
  /** child → its direct parent (a unit is in one container at a time): the units.parentEpc column. */
  readonly parentOf: ReadonlyMap<string, string>;
}

function byTime(a: AggregationRecord, b: AggregationRecord): number {
  const t = a.eventTime.getTime() - b.eventTime.getTime();
  if (t !== 0) return t;
  const ka = a.eventId ?? "";
  const kb = b.eventId ?? "";
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Containment as it stood at `at` (inclusive), from the non-retracted aggregation events in any order.
 * ADD packs (moving a child out of any earlier parent), OBSERVE confirms (and so re-packs a child seen
 * elsewhere), DELETE unpacks the listed children or, with none listed, all of them.
 */
export function containmentAt(records: readonly AggregationRecord[], at: Date): Containment {
  const children = new Map<string, Set<string>>();
  const parentOf = new Map<string, string>();
  const unpack = (child: string) => {
    const parent = parentOf.get(child);
    if (parent === undefined) return;
    children.get(parent)?.delete(child);
    parentOf.delete(child);
  };
  const cutoff = at.getTime();
  for (const record of [...records].sort(byTime)) {
    if (record.eventTime.getTime() > cutoff) break;
    const { parentId } = record;
    if (record.action === "DELETE") {
      const listed = record.childEpcs.length > 0 ? record.childEpcs : [...(children.get(parentId) ?? [])];
      for (const child of listed) if (parentOf.get(child) === parentId) unpack(child);
      continue;
    }
    for (const child of record.childEpcs) {
      if (child === parentId || isWithin(parentId, child, parentOf)) continue; // a cycle is a data error
      unpack(child);
      parentOf.set(child, parentId);
      let set = children.get(parentId);
      if (!set) children.set(parentId, (set = new Set()));
      set.add(child);
    }
  }
  for (const [parent, set] of children) if (set.size === 0) children.delete(parent);
  return { children, parentOf };
}

// True when `epc` is (transitively) inside `container`.
function isWithin(epc: string, container: string, parentOf: ReadonlyMap<string, string>): boolean {
  for (let p = parentOf.get(epc), hops = 0; p !== undefined && hops < 64; p = parentOf.get(p), hops++) {
    if (p === container) return true;
  }
  return false;
}

/**
 * Everything packed (recursively: pallet → cases → units) in the given EPCs, excluding the EPCs
 * themselves, each once, nearest first.
 */
export function expandToContained(epcs: readonly string[], containment: Containment): string[] {
  const seen = new Set(epcs);
  const contained: string[] = [];
  const queue = [...epcs];
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i];
    if (parent === undefined) continue;
    for (const child of containment.children.get(parent) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      contained.push(child);
      queue.push(child);
    }
  }
  return contained;
}

/**
 * Statuses that an event on a container carries to its contents: where the goods are and who holds
 * them. Not commissioning, decommissioning or destruction of the container itself (an SSCC label is
 * retired when a pallet is broken down; the products live on), nor expiry or dispensing.
 */
export const carriedToContents: ReadonlySet<UnitStatus> = new Set([
  "in_transit",
  "sellable",
  "returned",
  "retail_sold",
  "stolen",
  "recalled",
]);
