import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideTransition } from "./decide-transition";
import { defaultPolicy, euFmdPolicy, type LifecyclePolicy } from "./policy";
import { applyDecision, replayStatus, retractEvent } from "./replay";
import { objectEvent, unitAt } from "./testing/builders";
import type { LifecycleEvent, UnitState } from "./types";

const issued = unitAt("issued", null);
const ev = (id: string, bizStep: string | null, disposition: string | null, days: number, extra: Partial<LifecycleEvent> = {}) =>
  objectEvent(bizStep, disposition, days, { eventId: id, ...extra });

const history: LifecycleEvent[] = [
  ev("e1", "commissioning", "active", 1, { action: "ADD", ilmd: { lot: "L1", expiryDate: "2027-01-31" } }),
  ev("e2", "shipping", "in_transit", 2, { markets: ["DE"] }),
  ev("e3", "receiving", "sellable_accessible", 3),
  ev("e4", "retail_selling", "retail_sold", 4),
];

describe("replayStatus", () => {
  it("applies events in eventTime order whatever their order in the list", () => {
    const { state } = replayStatus([...history].reverse(), issued);
    expect(state).toMatchObject({ status: "retail_sold", statusEventTime: history[3]?.eventTime, lot: "L1", expiryDate: "2027-01-31", markets: ["DE"] });
  });

  it("inserts a late event in the middle: a destruction recorded late wins over what followed it", () => {
    const late = ev("e2b", "destroying", "destroyed", 2.5, { action: "DELETE" });
    const { state, steps } = replayStatus([...history, late], issued);
    expect(state.status).toBe("destroyed");
    expect(steps.map((s) => s.decision.kind)).toEqual(["apply", "apply", "apply", "refuse", "refuse"]);
  });

  it("sets the ILMD fields even when commissioning arrives after shipping", () => {
    const [commissioning, ...rest] = history;
    const { state } = replayStatus([...rest, commissioning as LifecycleEvent], issued);
    expect(state).toMatchObject({ lot: "L1", commissionedAt: commissioning?.eventTime });
  });
});

describe("retractEvent (errorDeclaration)", () => {
  it("recomputes the status without the retracted event", () => {
    const result = retractEvent(history, "e4", issued);
    expect(result).toMatchObject({ found: true, state: { status: "sellable" } });
    expect(result.events.map((e) => e.eventId)).toEqual(["e1", "e2", "e3"]);
  });

  it("lets a refused event count once the event that blocked it is retracted", () => {
    const stolen = ev("s", null, "stolen", 2.5);
    expect(replayStatus([...history, stolen], issued).state.status).toBe("stolen");
    expect(retractEvent([...history, stolen], "s", issued).state.status).toBe("retail_sold");
  });

  it("undoes an EU FMD decommissioning that was declared an error, outside the reversal window", () => {
    const dispensed = ev("d", "dispensing", "dispensed", 5, { party: "A" });
    const result = retractEvent([...history.slice(0, 3), dispensed], "d", issued, euFmdPolicy);
    expect(result.state.status).toBe("sellable");
  });

  it("reports an unknown event id and changes nothing", () => {
    expect(retractEvent(history, "nope", issued)).toMatchObject({ found: false, state: { status: "retail_sold" } });
  });
});

// Events over a small vocabulary, few parties and a coarse clock, so ties, refusals and FMD reversals
// all happen often.
const terms: Array<[string | null, string | null, LifecycleEvent["action"]]> = [
  ["commissioning", "active", "ADD"],
  ["shipping", "in_transit", "OBSERVE"],
  ["receiving", "sellable_accessible", "OBSERVE"],
  ["retail_selling", "retail_sold", "OBSERVE"],
  ["dispensing", "dispensed", "OBSERVE"],
  [null, "active", "OBSERVE"],
  ["decommissioning", "inactive", "DELETE"],
  ["destroying", "destroyed", "DELETE"],
  [null, "recalled", "OBSERVE"],
  [null, "stolen", "OBSERVE"],
  [null, "expired", "OBSERVE"],
  ["packing", "in_progress", "OBSERVE"],
];
const eventArb = fc.record({
  term: fc.constantFrom(...terms),
  hours: fc.integer({ min: 0, max: 24 * 30 }).map((h) => h - (h % 6)),
  party: fc.constantFrom("A", "B", undefined),
  market: fc.constantFrom("DE", "FR", "XX"),
});
const historyArb = fc
  .uniqueArray(eventArb, { maxLength: 12, selector: (e) => `${e.hours}|${e.term.join()}|${e.party}` })
  .map((list) =>
    list.map(({ term: [bizStep, disposition, action], hours, party, market }, i): LifecycleEvent =>
      ev(`e${String(i).padStart(2, "0")}`, bizStep, disposition, hours / 24, { action, party, markets: [market] }),
    ),
  );
const arrivalArb = historyArb.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })));

/** What a capture does: decide each arriving event, and replay the unit's history when told to. */
function captureInArrivalOrder(arrival: readonly LifecycleEvent[], policy: LifecyclePolicy): UnitState {
  let state = issued;
  const seen: LifecycleEvent[] = [];
  for (const event of arrival) {
    seen.push(event);
    const decision = decideTransition(state, event, policy);
    state = decision.kind === "ignore" && decision.replay ? replayStatus(seen, issued, policy).state : applyDecision(state, event, decision);
  }
  return state;
}

const comparable = (s: UnitState) => ({
  status: s.status,
  statusEventTime: s.statusEventTime?.toISOString() ?? null,
  lastStatusParty: s.lastStatusParty ?? null,
  markets: [...(s.markets ?? [])].sort(),
});

describe("an event older than a refused one (FMD)", () => {
  // Dispensed by A on day 1; B's shipping on day 5 is refused; then A's undo of day 3 arrives.
  const events = [
    ev("d", "dispensing", "dispensed", 1, { party: "A" }),
    ev("s", "shipping", "in_transit", 5, { party: "B" }),
    ev("u", null, "sellable_accessible", 3, { party: "A" }),
  ];

  it("is flagged out of order, because in eventTime order the shipping would have applied", () => {
    const afterTwo = captureInArrivalOrder(events.slice(0, 2), euFmdPolicy);
    expect(afterTwo).toMatchObject({ status: "dispensed", lastEventTime: events[1]?.eventTime });
    expect(decideTransition(afterTwo, events[2] as LifecycleEvent, euFmdPolicy)).toMatchObject({ reason: "out_of_order", replay: true });
    expect(captureInArrivalOrder(events, euFmdPolicy).status).toBe("in_transit");
    expect(replayStatus(events, issued, euFmdPolicy).state.status).toBe("in_transit");
  });
});

describe.each([
  ["general", defaultPolicy],
  ["EU FMD", euFmdPolicy],
])("arrival order does not matter (%s policy)", (_name, policy) => {
  it("replayStatus gives the same state for every permutation", () => {
    fc.assert(
      fc.property(arrivalArb, ([events, arrival]) => {
        expect(comparable(replayStatus(arrival, issued, policy).state)).toEqual(comparable(replayStatus(events, issued, policy).state));
      }),
      { numRuns: 300 },
    );
  });

  it("deciding events as they arrive (replaying when asked) ends where eventTime order ends", () => {
    fc.assert(
      fc.property(arrivalArb, ([events, arrival]) => {
        expect(comparable(captureInArrivalOrder(arrival, policy))).toEqual(comparable(replayStatus(events, issued, policy).state));
      }),
      { numRuns: 300 },
    );
  });
});
