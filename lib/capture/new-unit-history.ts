// The history of a unit this capture creates is exactly the capture's own links to it: nothing is
// stored for it yet. Links to events retracted in the same capture do not count, as in a stored replay.
import type { UnitEventRole } from "@/db/schema";
import type { LifecycleEvent } from "@/lib/lifecycle";

/** A link from a unit, known by unitKey (new units have no id yet), to a stored event row. */
export interface KeyedLink {
  key: string;
  eventId: number;
  role: UnitEventRole;
  eventTime: Date;
}

/**
 * unitKey → lifecycle events, for the new units; each (unit, event, role) once, as unit_events keeps it.
 * `eventOf` answers the same object for the same (row, role), so a repeated link is found by identity.
 */
export function historyOfNewUnits(
  links: readonly KeyedLink[],
  newUnits: ReadonlyMap<string, unknown>,
  retracted: ReadonlySet<number>,
  eventOf: (rowId: number, role: UnitEventRole) => LifecycleEvent,
): Map<string, LifecycleEvent[]> {
  const history = new Map<string, LifecycleEvent[]>();
  for (const l of links) {
    if (!newUnits.has(l.key) || retracted.has(l.eventId)) continue;
    const event = eventOf(l.eventId, l.role);
    const list = history.get(l.key);
    if (!list) history.set(l.key, [event]);
    else if (!list.includes(event)) list.push(event);
  }
  return history;
}
