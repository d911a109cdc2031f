import { describe, expect, it } from "vitest";
import { carriedToContents, containmentAt, expandToContained, type AggregationRecord } from "./aggregation";
import { day } from "./testing/builders";

const PALLET = "urn:epc:id:sscc:4012345.0000000001";
const CASE1 = "urn:epc:id:sgtin:4012345.100001.C1";
const CASE2 = "urn:epc:id:sgtin:4012345.100001.C2";
const u = (n: number) => `urn:epc:id:sgtin:4012345.000001.U${n}`;

const agg = (action: AggregationRecord["action"], parentId: string, childEpcs: string[], days: number, eventId?: string): AggregationRecord => ({
  action,
  parentId,
  childEpcs,
  eventTime: day(days),
  eventId,
});

// Day 1 units into cases, day 2 cases onto the pallet, day 3 one more unit into case 2 (after shipping on 2.5).
const packing: AggregationRecord[] = [
  agg("ADD", CASE1, [u(1), u(2)], 1),
  agg("ADD", CASE2, [u(3)], 1),
  agg("ADD", PALLET, [CASE1, CASE2], 2),
  agg("ADD", CASE2, [u(4)], 3),
];

type Case = [name: string, records: AggregationRecord[], at: number, epcs: string[], expected: string[]];

const cases: Case[] = [
  ["pallet → cases → units", packing, 2.5, [PALLET], [CASE1, CASE2, u(1), u(2), u(3)]],
  ["a unit packed after the event is not carried", packing, 2.5, [CASE2], [u(3)]],
  ["later, it is", packing, 3, [CASE2], [u(3), u(4)]],
  ["before the pallet was built, the pallet carries nothing", packing, 1.5, [PALLET], []],
  ["order of the records does not matter", [...packing].reverse(), 2.5, [PALLET], [CASE1, CASE2, u(1), u(2), u(3)]],
  ["a unit is nobody's child", packing, 3, [u(1)], []],
  ["DELETE with children unpacks those", [...packing, agg("DELETE", CASE1, [u(1)], 2.2)], 2.5, [PALLET], [CASE1, CASE2, u(2), u(3)]],
  ["DELETE without children unpacks all", [...packing, agg("DELETE", PALLET, [], 2.2)], 2.5, [PALLET], []],
  ["DELETE of a child in another parent does nothing", [...packing, agg("DELETE", CASE2, [u(1)], 2.2)], 2.5, [CASE1], [u(1), u(2)]],
  ["ADD into another case moves the unit", [...packing, agg("ADD", CASE2, [u(1)], 2.2)], 2.5, [CASE1], [u(2)]],
  ["OBSERVE confirms (and re-packs) a child", [agg("OBSERVE", CASE1, [u(9)], 1)], 2, [CASE1], [u(9)]],
  ["several EPCs in one event, each unit once", packing, 2.5, [CASE1, PALLET], [u(1), u(2), CASE2, u(3)]],
  ["a cycle is refused, not followed", [agg("ADD", CASE1, [CASE2], 1), agg("ADD", CASE2, [CASE1], 2)], 3, [CASE1], [CASE2]],
  ["equal times: eventId order", [agg("ADD", CASE1, [u(1)], 1, "b"), agg("DELETE", CASE1, [], 1, "a")], 1, [CASE1], [u(1)]],
];

describe("containment and expandToContained", () => {
  it.each(cases)("%s", (_name, records, at, epcs, expected) => {
    expect(expandToContained(epcs, containmentAt(records, day(at)))).toEqual(expected);
  });

  it("gives each unit's direct parent (units.parentEpc)", () => {
    const { parentOf } = containmentAt(packing, day(3));
    expect([parentOf.get(u(4)), parentOf.get(CASE1), parentOf.get(PALLET)]).toEqual([CASE2, PALLET, undefined]);
  });

  it("carries custody states, not the container's own life", () => {
    expect([...carriedToContents].sort()).toEqual(["in_transit", "recalled", "retail_sold", "returned", "sellable", "stolen"]);
  });
});
