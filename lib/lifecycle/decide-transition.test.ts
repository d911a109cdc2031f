import { describe, expect, it } from "vitest";
import { decideTransition } from "./decide-transition";
import { day, objectEvent, unitAt } from "./testing/builders";
import type { LifecycleEvent, UnitState } from "./types";

const ship = (days: number, extra: Partial<LifecycleEvent> = {}) => objectEvent("shipping", "in_transit", days, extra);
const receive = (days: number) => objectEvent("receiving", "sellable_accessible", days);
const destroy = (days: number) => objectEvent("destroying", "destroyed", days, { action: "DELETE" });
const recall = (days: number) => objectEvent(null, "recalled", days);
const stolen = (days: number) => objectEvent(null, "stolen", days);

type Case = [name: string, unit: UnitState, event: LifecycleEvent, expected: string];

// expected: "apply <status>", "unchanged <status>", "ignore <reason>" or "refuse <reason>".
const generalRules: Case[] = [
  ["issued → commissioned", unitAt("issued", null), objectEvent("commissioning", "active", 1, { action: "ADD" }), "apply commissioned"],
  ["commissioned → in_transit", unitAt("commissioned", 1), ship(2), "apply in_transit"],
  ["in_transit → sellable", unitAt("in_transit", 2), receive(3), "apply sellable"],
  ["sellable → retail_sold", unitAt("sellable", 3), objectEvent("retail_selling", "retail_sold", 4), "apply retail_sold"],
  ["retail_sold → returned (general: a sale may come back)", unitAt("retail_sold", 4), objectEvent("receiving", "returned", 5), "apply returned"],
  ["dispensed → sellable (general: open)", unitAt("dispensed", 4), receive(5), "apply sellable"],
  ["decommissioned → commissioned (general: re-commissioning)", unitAt("decommissioned", 4), objectEvent("commissioning", null, 5, { action: "ADD" }), "apply commissioned"],
  ["expired → sellable (general: expiry extended)", unitAt("expired", 4), receive(5), "apply sellable"],
  ["sellable → recalled", unitAt("sellable", 3), recall(4), "apply recalled"],
  ["in_transit → stolen", unitAt("in_transit", 3), stolen(4), "apply stolen"],
  ["recalled → sellable refused", unitAt("recalled", 4), receive(5), "refuse final"],
  ["recalled → returned refused (the recall keeps showing)", unitAt("recalled", 4), objectEvent("receiving", "returned", 5), "refuse final"],
  ["recalled → destroyed", unitAt("recalled", 4), destroy(5), "apply destroyed"],
  ["stolen → in_transit refused", unitAt("stolen", 4), ship(5), "refuse final"],
  ["stolen → recalled", unitAt("stolen", 4), recall(5), "apply recalled"],
  ["destroyed → anything refused", unitAt("destroyed", 4), receive(5), "refuse terminal"],
  ["destroyed → recalled refused", unitAt("destroyed", 4), recall(5), "refuse terminal"],
  ["destroyed again: unchanged", unitAt("destroyed", 4), destroy(5), "unchanged destroyed"],
  ["shipping again: unchanged, statusEventTime refreshed", unitAt("in_transit", 2), ship(3), "unchanged in_transit"],
  ["packing: no state change", unitAt("commissioned", 1), objectEvent("packing", "in_progress", 2), "ignore no_state_change"],
  ["observation without vocabulary", unitAt("sellable", 1), objectEvent(null, null, 2), "ignore no_state_change"],
];

const ordering: Case[] = [
  ["older than the status: late", unitAt("sellable", 5), ship(3), "ignore late"],
  ["late even if it would be terminal", unitAt("sellable", 5), destroy(3), "ignore late"],
  ["same eventTime as the status: out of order (tie)", unitAt("in_transit", 5), receive(5), "ignore out_of_order"],
  ["older than a refused event: out of order", unitAt("stolen", 1, { lastEventTime: day(6) }), recall(4), "ignore out_of_order"],
  ["newer than everything: decided", unitAt("stolen", 1, { lastEventTime: day(6) }), recall(7), "apply recalled"],
  ["late without state effect: just no change", unitAt("sellable", 5), objectEvent("packing", null, 3), "ignore no_state_change"],
];

function summary(unit: UnitState, event: LifecycleEvent): string {
  const d = decideTransition(unit, event);
  if (d.kind === "apply") return `${d.statusChanged ? "apply" : "unchanged"} ${d.status}`;
  return `${d.kind} ${d.reason}`;
}

describe("decideTransition, general policy", () => {
  it.each(generalRules)("%s", (_name, unit, event, expected) => {
    expect(summary(unit, event)).toBe(expected);
  });
});

describe("decideTransition, eventTime order", () => {
  it.each(ordering)("%s", (_name, unit, event, expected) => {
    expect(summary(unit, event)).toBe(expected);
  });

  it("asks for a replay only when the late event could change history", () => {
    expect(decideTransition(unitAt("sellable", 5), ship(3))).toMatchObject({ kind: "ignore", replay: true });
    expect(decideTransition(unitAt("sellable", 5), objectEvent("packing", null, 3))).toMatchObject({ replay: false });
  });
});

describe("what an applied decision sets", () => {
  it("records the time and party of a status change", () => {
    const d = decideTransition(unitAt("commissioned", 1), ship(2, { party: "gln:4000001000005" }));
    expect(d).toMatchObject({ kind: "apply", statusEventTime: day(2), statusParty: "gln:4000001000005", decommissionedAt: null });
  });

  it("starts the decommissioning clock when a unit leaves the active states", () => {
    expect(decideTransition(unitAt("sellable", 1), objectEvent("dispensing", null, 2))).toMatchObject({ decommissionedAt: day(2) });
  });

  it("keeps the original party and clock when a status is re-asserted", () => {
    const unit = unitAt("dispensed", 1, { lastStatusParty: "A", decommissionedAt: day(1) });
    const d = decideTransition(unit, objectEvent("dispensing", null, 3, { party: "B" }));
    expect(d).toMatchObject({ kind: "apply", statusChanged: false, statusEventTime: day(3), statusParty: "A", decommissionedAt: day(1) });
  });

  it("adds only new, valid markets — also from ignored and refused events", () => {
    const unit = unitAt("in_transit", 2, { markets: ["DE"] });
    expect(decideTransition(unit, ship(3, { markets: ["de", "at", "XX", "AT"] })).addMarkets).toEqual(["AT"]);
    expect(decideTransition(unit, ship(1, { markets: ["FR"] }))).toMatchObject({ reason: "late", addMarkets: ["FR"] });
    expect(decideTransition(unitAt("destroyed", 2), ship(3, { markets: ["FR"] }))).toMatchObject({ kind: "refuse", addMarkets: ["FR"] });
  });
});

describe("ILMD on commissioning", () => {
  const commission = (ilmd: LifecycleEvent["ilmd"]) => objectEvent("commissioning", "active", 1, { action: "ADD", ilmd });

  it.each([
    ["lot and dates", { lot: "LOT1", expiryDate: "2027-12-31", productionDate: "2025-02-01" }, { lot: "LOT1", expiryDate: "2027-12-31", productionDate: "2025-02-01" }, []],
    ["best-before only", { bestBeforeDate: "2026-06-30" }, { bestBeforeDate: "2026-06-30" }, []],
    ["blank lot ignored", { lot: "  " }, {}, []],
    ["malformed date dropped with a warning", { expiryDate: "271231" }, {}, ["expiryDate_invalid:271231"]],
  ] as const)("%s", (_name, ilmd, fields, warnings) => {
    const d = decideTransition(unitAt("issued", null), commission(ilmd));
    expect(d).toMatchObject({ kind: "apply", set: { ...fields, commissionedAt: day(1) }, warnings });
  });

  it("sets the fields on a unit serial issuance already made commissioned, and warns of a changed lot", () => {
    const d = decideTransition(unitAt("commissioned", null, { lot: "LOT0" }), commission({ lot: "LOT1" }));
    expect(d).toMatchObject({ kind: "apply", statusChanged: false, set: { lot: "LOT1" }, warnings: ["lot_changed:LOT0->LOT1"] });
  });

  it("ignores ILMD on events that are not commissioning", () => {
    const d = decideTransition(unitAt("commissioned", 1), ship(2, { ilmd: { lot: "X" } }));
    expect(d).toMatchObject({ kind: "apply", set: {} });
  });
});
