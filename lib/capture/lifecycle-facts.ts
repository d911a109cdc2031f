// What the lifecycle rules read from a captured event, built the same way whether the event comes
// from this capture (in memory) or from the database (a unit's stored history): so a unit replays
// to the same state whichever path its events took.
import type { EpcisAction, EpcisEventType, UnitEventRole } from "@/db/schema";
import { readIlmd, type NormalisedEvent } from "@/lib/epcis";
import { indexLocations, marketsOfEvent, type LifecycleEvent } from "@/lib/lifecycle";

const noLocations = indexLocations({});

/** The parts of a stored event the rules need: its columns plus three members of its document. */
export interface EventFacts {
  eventId: string;
  type: EpcisEventType;
  action: EpcisAction | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: Date;
  bizLocation: string | null;
  /** document.destinationList, document.ilmd and document["@context"] as stored (JSON). */
  destinationList: unknown;
  ilmd: unknown;
  context: unknown;
}

function destinations(list: unknown) {
  return (Array.isArray(list) ? list : [])
    .filter((d): d is { type: string; destination: string } => typeof d === "object" && d !== null && typeof (d as { type?: unknown }).type === "string")
    .map((d) => ({ type: d.type, destination: String(d.destination) }));
}

/** The facts of an event of this capture, as they will read once stored under `eventId`. */
export function factsOfEvent(e: NormalisedEvent, eventId: string): EventFacts {
  return {
    eventId,
    type: e.type,
    action: e.action ?? null,
    bizStep: e.bizStep ?? null,
    disposition: e.disposition ?? null,
    eventTime: e.eventTime,
    bizLocation: e.bizLocation ?? null,
    destinationList: e.raw.destinationList,
    ilmd: e.raw.ilmd,
    context: e.raw["@context"],
  };
}

/** The event for the rules, without the unit's role in it (markets and ILMD are read once per event). */
export function lifecycleEventOf(facts: EventFacts, party: string): LifecycleEvent {
  // The document's own @context only, as stored: the same reading for stored and in-memory events.
  const ilmd = facts.ilmd === undefined ? {} : readIlmd({ ilmd: facts.ilmd, ...(facts.context === undefined ? {} : { "@context": facts.context }) });
  return {
    eventId: facts.eventId,
    eventType: facts.type,
    action: facts.action ?? "OBSERVE",
    bizStep: facts.bizStep,
    disposition: facts.disposition,
    eventTime: facts.eventTime,
    party,
    markets: marketsOfEvent({ bizStep: facts.bizStep, disposition: facts.disposition, bizLocation: facts.bizLocation, destinationList: destinations(facts.destinationList) }, noLocations).markets,
    ilmd,
  };
}

/** Lifecycle events built from facts once per (event, role), shared by every unit the event touches. */
export class LifecycleEvents {
  private readonly byRow = new Map<number, Partial<Record<UnitEventRole, LifecycleEvent>>>();

  constructor(private readonly party: string) {}

  of(rowId: number, facts: () => EventFacts, role: UnitEventRole): LifecycleEvent {
    let roles = this.byRow.get(rowId);
    if (!roles) this.byRow.set(rowId, (roles = {}));
    let event = roles[role];
    if (!event) {
      const base = Object.values(roles)[0] ?? lifecycleEventOf(facts(), this.party);
      event = roles[role] = { ...base, role };
    }
    return event;
  }
}
