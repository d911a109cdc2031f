import { describe, expect, it } from "vitest";
import { unitStatuses } from "@/db/schema/enums";
import { describeLifecycleStep, summarizeStatus, unknownUnit } from "./status-summary";

const TODAY = "2026-11-25";

describe("summarizeStatus", () => {
  it.each([
    ["sellable", null, "good", "Registered by the brand"],
    ["retail_sold", "2027-01-01", "good", "Registered by the brand"],
    ["sellable", "2026-11-24", "bad", "Expired"],
    ["dispensed", null, "warn", "Already dispensed"],
    ["recalled", "2020-01-01", "bad", "Recalled"],
    ["stolen", null, "bad", "Reported stolen"],
    ["destroyed", null, "bad", "Recorded as destroyed"],
  ] as const)("%s, expiry %s → %s %s", (status, expiry, tone, headline) => {
    expect(summarizeStatus(status, expiry, TODAY)).toMatchObject({ tone, headline });
  });

  it("answers unreleased units exactly like unknown ones", () => {
    expect(summarizeStatus("commissioned", null, TODAY)).toEqual(unknownUnit);
    expect(summarizeStatus("issued", null, TODAY)).toEqual(unknownUnit);
  });

  it("has words for every status", () => {
    for (const status of unitStatuses) expect(summarizeStatus(status, null, TODAY).headline).not.toBe("");
  });
});

describe("describeLifecycleStep", () => {
  it.each([
    ["commissioning", "active", "Made and registered"],
    ["urn:epcglobal:cbv:bizstep:shipping", "in_transit", "Shipped"],
    ["https://ref.gs1.org/cbv/BizStep-receiving", null, "Received by a distributor or store"],
    ["holding", "recalled", "Recalled"],
    ["repairing", null, "repairing"],
    [null, null, "Recorded"],
  ])("%s / %s → %s", (bizStep, disposition, label) => {
    expect(describeLifecycleStep(bizStep, disposition)).toBe(label);
  });
});
