import { describe, expect, it } from "vitest";
import { decideTransition } from "./decide-transition";
import { euFmdPolicy, policyForCategory } from "./policy";
import { day, objectEvent, unitAt } from "./testing/builders";
import type { LifecycleEvent, UnitState } from "./types";

// A pharmacy (A) dispensed the pack on day 10; B is another pharmacy.
const dispensedByA = (extra: Partial<UnitState> = {}) =>
  unitAt("dispensed", 10, { lastStatusParty: "A", decommissionedAt: undefined, expiryDate: "2027-12-31", ...extra });
const undo = (days: number, party: string | null, disposition = "active") => objectEvent(null, disposition, days, { party });

type Case = [name: string, unit: UnitState, event: LifecycleEvent, expected: string];

const cases: Case[] = [
  // Art. 13: reverting a decommissioning
  ["undo by the same party after 1 day", dispensedByA(), undo(11, "A"), "apply commissioned reversal"],
  ["undo back to the shelf (sellable)", dispensedByA(), undo(11, "A", "sellable_accessible"), "apply sellable reversal"],
  ["undo exactly 10 days later", dispensedByA(), undo(20, "A"), "apply commissioned reversal"],
  ["undo 10 days and a minute later", dispensedByA(), undo(20.001, "A"), "refuse reversal_window_passed"],
  ["undo after 30 days", dispensedByA(), undo(40, "A"), "refuse reversal_window_passed"],
  ["undo by another party", dispensedByA(), undo(11, "B"), "refuse reversal_other_party"],
  ["undo without a party", dispensedByA(), undo(11, null), "refuse reversal_party_unknown"],
  ["undo when the decommissioning party is unknown", dispensedByA({ lastStatusParty: null }), undo(11, "A"), "refuse reversal_party_unknown"],
  ["undo of an expired pack", dispensedByA({ expiryDate: "2025-03-15" }), undo(16, "A"), "refuse reversal_expired"],
  ["undo on the expiry day itself", dispensedByA({ expiryDate: "2025-03-12" }), undo(11, "A"), "apply commissioned reversal"],
  ["window runs from the decommissioning, not a later re-assertion", dispensedByA({ statusEventTime: day(12), decommissionedAt: day(2) }), undo(13, "A"), "refuse reversal_window_passed"],
  ["undo of a generic decommissioning (sample, exported…)", unitAt("decommissioned", 10, { lastStatusParty: "A" }), undo(12, "A"), "apply commissioned reversal"],
  ["undo of a retail sale", unitAt("retail_sold", 10, { lastStatusParty: "A" }), undo(12, "A"), "apply commissioned reversal"],
  // A decommissioned pack is not decommissioned a second time
  ["dispensed → destroyed", dispensedByA(), objectEvent("destroying", "destroyed", 11, { party: "A" }), "refuse already_decommissioned"],
  ["dispensed → decommissioned", dispensedByA(), objectEvent("decommissioning", "inactive", 11, { party: "A" }), "refuse already_decommissioned"],
  ["dispensed → expired", dispensedByA(), objectEvent(null, "expired", 11), "refuse already_decommissioned"],
  // …but a recall still reaches the holder
  ["dispensed → recalled", dispensedByA(), objectEvent(null, "recalled", 11, { party: "MAH" }), "apply recalled"],
  // Irreversible
  ["recalled → active", unitAt("recalled", 10, { lastStatusParty: "A" }), undo(11, "A"), "refuse terminal"],
  ["recalled → destroyed", unitAt("recalled", 10, { lastStatusParty: "A" }), objectEvent("destroying", "destroyed", 11), "refuse terminal"],
  ["stolen → active", unitAt("stolen", 10, { lastStatusParty: "A" }), undo(11, "A"), "refuse terminal"],
  ["stolen → recalled", unitAt("stolen", 10), objectEvent(null, "recalled", 11), "refuse terminal"],
  ["expired → sellable", unitAt("expired", 10, { lastStatusParty: "A" }), undo(11, "A", "sellable_accessible"), "refuse terminal"],
  ["destroyed → active", unitAt("destroyed", 10, { lastStatusParty: "A" }), undo(11, "A"), "refuse terminal"],
  // Active packs move freely
  ["active → dispensed", unitAt("sellable", 5), objectEvent("dispensing", "dispensed", 11, { party: "A" }), "apply dispensed"],
  ["active → stolen", unitAt("in_transit", 5), objectEvent(null, "stolen", 11), "apply stolen"],
  ["returned → sellable", unitAt("returned", 5), objectEvent("receiving", "sellable_accessible", 11), "apply sellable"],
];

describe("EU FMD policy", () => {
  it.each(cases)("%s", (_name, unit, event, expected) => {
    const d = decideTransition(unit, event, euFmdPolicy);
    const summary = d.kind === "apply" ? `apply ${d.status}${d.reversal ? " reversal" : ""}` : `${d.kind} ${d.reason}`;
    expect(summary).toBe(expected);
  });

  it("a reversal clears the decommissioning clock and takes the reverting party", () => {
    const d = decideTransition(dispensedByA(), undo(11, "A"), euFmdPolicy);
    expect(d).toMatchObject({ kind: "apply", decommissionedAt: null, statusParty: "A" });
  });

  it("honours a configured window", () => {
    const policy = { ...euFmdPolicy, reversalWindowDays: 3 };
    expect(decideTransition(dispensedByA(), undo(14, "A"), policy)).toMatchObject({ reason: "reversal_window_passed" });
  });

  it("is the policy for pharmaceutical products only", () => {
    expect(policyForCategory("pharmaceutical").euFmd).toBe(true);
    expect(policyForCategory("luxury").euFmd).toBe(false);
  });
});
