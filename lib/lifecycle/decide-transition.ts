// The lifecycle decision for one unit and one event: apply a status, ignore the event, or refuse it.
import type { UnitStatus } from "@/db/schema/enums";
import { classifyEvent } from "./classify-event";
import { newMarkets } from "./iso-3166";
import { activeStatuses, defaultPolicy, exitRuleOf, overridingEntries, type LifecyclePolicy } from "./policy";
import type { DecidedBy, LifecycleDecision, LifecycleEvent, RefuseDecision, UnitFields, UnitState } from "./types";

const DAY_MS = 86_400_000;

/** Every status past the FMD 'active' state: the unit has left the legitimate supply chain. */
export function isDecommissionedStatus(status: UnitStatus): boolean {
  return status !== "issued" && !activeStatuses.has(status);
}

/** GS1 expiry dates are inclusive: the unit is usable through the whole day (UTC). */
export function isExpiredAt(expiryDate: string, at: Date): boolean {
  return at.toISOString().slice(0, 10) > expiryDate;
}

/**
 * Decide what an event does to a unit, given the unit's current state. Events must be decided in
 * eventTime order: an older one is ignored ("late") and, when it could change history, flagged
 * `replay` so the caller recomputes the unit with replayStatus.
 */
export function decideTransition(
  unit: UnitState,
  event: LifecycleEvent,
  policy: LifecyclePolicy = defaultPolicy,
): LifecycleDecision {
  const at = event.eventTime.getTime();
  const hasEffect = classifyEvent(event, policy).kind === "sets";
  const addMarkets = newMarkets(unit.markets, event.markets);
  if (hasEffect && unit.statusEventTime && at < unit.statusEventTime.getTime()) {
    const detail = `eventTime ${event.eventTime.toISOString()} precedes the status set at ${unit.statusEventTime.toISOString()}`;
    return { kind: "ignore", reason: "late", detail, replay: true, addMarkets };
  }
  const newest = Math.max(unit.statusEventTime?.getTime() ?? -Infinity, unit.lastEventTime?.getTime() ?? -Infinity);
  if (hasEffect && at <= newest) {
    const detail = "an event at or after this eventTime was already recorded for the unit";
    return { kind: "ignore", reason: "out_of_order", detail, replay: true, addMarkets };
  }
  return decideInOrder(unit, event, policy);
}

/** The rules without the ordering check; replayStatus calls it with events already sorted. */
export function decideInOrder(unit: UnitState, event: LifecycleEvent, policy: LifecyclePolicy): LifecycleDecision {
  const addMarkets = newMarkets(unit.markets, event.markets);
  const effect = classifyEvent(event, policy);
  if (effect.kind === "none") {
    return { kind: "ignore", reason: "no_state_change", detail: effect.why, replay: false, addMarkets };
  }
  const target = effect.status;
  const refuse = (reason: RefuseDecision["reason"], detail: string): RefuseDecision => ({
    kind: "refuse",
    reason,
    detail,
    requested: target,
    addMarkets,
  });

  if (target === unit.status) return reassert(unit, event, effect.decidedBy, addMarkets);

  const rule = exitRuleOf(unit.status, policy);
  const overrides = overridingEntries[rule].has(target);
  let reversal = false;
  if (rule === "terminal") return refuse("terminal", `${unit.status} is terminal`);
  if (rule === "final" && !overrides) return refuse("final", `${unit.status} may only become recalled or destroyed`);
  if (rule === "reversible" && !overrides) {
    if (!activeStatuses.has(target)) {
      return refuse("already_decommissioned", `${unit.status} may only be reverted to an active status`);
    }
    const refusal = checkReversal(unit, event, policy);
    if (refusal) return refuse(refusal.reason, refusal.detail);
    reversal = true;
  }

  return {
    kind: "apply",
    status: target,
    statusChanged: true,
    statusEventTime: event.eventTime,
    statusParty: event.party ?? null,
    decommissionedAt: isDecommissionedStatus(target) ? event.eventTime : null,
    decidedBy: effect.decidedBy,
    reversal,
    ...commissioningFields(unit, event, target),
    addMarkets,
  };
}

// A newer event that names the current status refreshes statusEventTime (so a still older event stays
// late) but keeps the party and decommissioning time: the FMD window runs from the first one.
function reassert(unit: UnitState, event: LifecycleEvent, decidedBy: DecidedBy, addMarkets: string[]): LifecycleDecision {
  return {
    kind: "apply",
    status: unit.status,
    statusChanged: false,
    statusEventTime: event.eventTime,
    statusParty: unit.lastStatusParty ?? event.party ?? null,
    decommissionedAt: isDecommissionedStatus(unit.status) ? (unit.decommissionedAt ?? unit.statusEventTime ?? event.eventTime) : null,
    decidedBy,
    reversal: false,
    ...commissioningFields(unit, event, unit.status),
    addMarkets,
  };
}

function checkReversal(
  unit: UnitState,
  event: LifecycleEvent,
  policy: LifecyclePolicy,
): { reason: RefuseDecision["reason"]; detail: string } | null {
  if (!event.party || !unit.lastStatusParty) {
    return { reason: "reversal_party_unknown", detail: "a reversal needs the party of both events" };
  }
  if (event.party !== unit.lastStatusParty) {
    return { reason: "reversal_other_party", detail: `only ${unit.lastStatusParty} may revert this decommissioning` };
  }
  const since = unit.decommissionedAt ?? unit.statusEventTime;
  if (!since || event.eventTime.getTime() - since.getTime() > policy.reversalWindowDays * DAY_MS) {
    return { reason: "reversal_window_passed", detail: `more than ${policy.reversalWindowDays} days after the decommissioning` };
  }
  if (unit.expiryDate && isExpiredAt(unit.expiryDate, event.eventTime)) {
    return { reason: "reversal_expired", detail: `the unit expired on ${unit.expiryDate}` };
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// ILMD belongs to the commissioning event; elsewhere it is ignored rather than trusted.
function commissioningFields(
  unit: UnitState,
  event: LifecycleEvent,
  target: UnitStatus,
): { set: UnitFields; warnings: string[] } {
  const set: UnitFields = {};
  const warnings: string[] = [];
  if (target !== "commissioned") return { set, warnings };
  set.commissionedAt = event.eventTime;
  const ilmd = event.ilmd ?? {};
  const lot = ilmd.lot?.trim();
  if (lot) {
    if (unit.lot && unit.lot !== lot) warnings.push(`lot_changed:${unit.lot}->${lot}`);
    set.lot = lot;
  }
  for (const field of ["expiryDate", "productionDate", "bestBeforeDate"] as const) {
    const value = ilmd[field]?.trim();
    if (!value) continue;
    if (!ISO_DATE.test(value)) warnings.push(`${field}_invalid:${value}`);
    else set[field] = value;
  }
  if (set.expiryDate && unit.expiryDate && unit.expiryDate !== set.expiryDate) {
    warnings.push(`expiryDate_changed:${unit.expiryDate}->${set.expiryDate}`);
  }
  return { set, warnings };
}
