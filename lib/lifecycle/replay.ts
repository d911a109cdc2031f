// Recompute a unit from its events: for a late event that belongs in the middle of the history, and
// for an errorDeclaration that retracts an event. Sorting first makes the arrival order irrelevant.
import { decideInOrder } from "./decide-transition";
import { defaultPolicy, type LifecyclePolicy } from "./policy";
import type { LifecycleDecision, LifecycleEvent, UnitState } from "./types";

/** The unit after one decision; the caller writes the same fields to the units row. */
export function applyDecision(unit: UnitState, event: LifecycleEvent, decision: LifecycleDecision): UnitState {
  const markets = decision.addMarkets.length > 0 ? [...(unit.markets ?? []), ...decision.addMarkets] : unit.markets;
  // Refused and applied events count as recorded, so an older event arriving after them is out of order.
  const recorded = decision.kind !== "ignore" ? laterOf(unit.lastEventTime, event.eventTime) : unit.lastEventTime;
  if (decision.kind !== "apply") return { ...unit, markets, lastEventTime: recorded ?? null };
  return {
    ...unit,
    ...decision.set,
    status: decision.status,
    statusEventTime: decision.statusEventTime,
    lastStatusParty: decision.statusParty,
    decommissionedAt: decision.decommissionedAt,
    lastEventTime: recorded ?? null,
    markets,
  };
}

function laterOf(a: Date | null | undefined, b: Date): Date {
  return a && a.getTime() > b.getTime() ? a : b;
}

/** eventTime order; ties by eventId, then by content, so every arrival order sorts the same way. */
export function compareEvents(a: LifecycleEvent, b: LifecycleEvent): number {
  const byTime = a.eventTime.getTime() - b.eventTime.getTime();
  if (byTime !== 0) return byTime;
  const keyA = a.eventId ?? tieKey(a);
  const keyB = b.eventId ?? tieKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

function tieKey(e: LifecycleEvent): string {
  return `~${e.eventType}|${e.action}|${e.bizStep ?? ""}|${e.disposition ?? ""}|${e.party ?? ""}|${e.role ?? ""}`;
}

export interface ReplayStep {
  readonly event: LifecycleEvent;
  readonly decision: LifecycleDecision;
}

export interface ReplayResult {
  readonly state: UnitState;
  readonly steps: readonly ReplayStep[];
}

/**
 * The unit's state after applying the (non-retracted) events, in any order, in eventTime order.
 * `initial` is the unit before any event (e.g. issued, or commissioned by serial issuance, with its
 * lot and markets from other sources); the caller overwrites the row with `state`.
 */
export function replayStatus(
  events: readonly LifecycleEvent[],
  initial: UnitState,
  policy: LifecyclePolicy = defaultPolicy,
): ReplayResult {
  let state = initial;
  const steps: ReplayStep[] = [];
  for (const event of [...events].sort(compareEvents)) {
    const decision = decideInOrder(state, event, policy);
    steps.push({ event, decision });
    state = applyDecision(state, event, decision);
  }
  return { state, steps };
}

export interface RetractionResult extends ReplayResult {
  /** The history without the retracted event. */
  readonly events: readonly LifecycleEvent[];
  /** False when no event had that id: nothing changed (the errorDeclaration may precede its event). */
  readonly found: boolean;
}

/**
 * An errorDeclaration names an event (by eventID) that did not happen as recorded: drop it from the
 * unit's history and replay the rest. Corrective events arrive as ordinary events.
 */
export function retractEvent(
  events: readonly LifecycleEvent[],
  retractedEventId: string,
  initial: UnitState,
  policy: LifecyclePolicy = defaultPolicy,
): RetractionResult {
  const remaining = events.filter((e) => e.eventId !== retractedEventId);
  return { ...replayStatus(remaining, initial, policy), events: remaining, found: remaining.length < events.length };
}
