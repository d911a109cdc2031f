import { describe, expect, it } from "vitest";
import { unitStatuses } from "@/db/schema/enums";
import { classifyEvent } from "./classify-event";
import { defaultPolicy } from "./policy";
import { bizStepEffects, dispositionEffects } from "./state-table";
import { objectEvent } from "./testing/builders";
import type { LifecycleEvent } from "./types";
import { cbvBizSteps, cbvDispositions, toCbvBizStep, toCbvDisposition, toCbvSourceDestType } from "./vocabulary";

describe("CBV 2.0 coverage", () => {
  it("has a row for each of the 33 dispositions and 41 bizSteps, and only those", () => {
    expect(cbvDispositions).toHaveLength(33);
    expect(cbvBizSteps).toHaveLength(41);
    expect(Object.keys(dispositionEffects).sort()).toEqual([...cbvDispositions].sort());
    expect(Object.keys(bizStepEffects).sort()).toEqual([...cbvBizSteps].sort());
  });

  it("only names statuses the units table knows", () => {
    for (const effect of [...Object.values(dispositionEffects), ...Object.values(bizStepEffects)]) {
      if (effect.kind === "sets") expect(unitStatuses).toContain(effect.status);
    }
  });
});

describe("reading CBV terms in every form", () => {
  it.each([
    ["shipping", "shipping"],
    ["urn:epcglobal:cbv:bizstep:shipping", "shipping"],
    ["https://ns.gs1.org/cbv/BizStep-shipping", "shipping"],
    ["https://ref.gs1.org/cbv/BizStep-retail_selling", "retail_selling"],
    ["cbv:BizStep-receiving", "receiving"],
    ["urn:example:bizstep:shipping", null],
    ["Shipping", null],
    ["https://ns.gs1.org/cbv/Disp-shipping", null],
  ])("bizStep %s → %s", (value, expected) => {
    expect(toCbvBizStep(value)).toBe(expected);
  });

  it.each([
    ["sellable_accessible", "sellable_accessible"],
    ["urn:epcglobal:cbv:disp:in_transit", "in_transit"],
    ["https://ns.gs1.org/cbv/Disp-recalled", "recalled"],
    ["cbv:Disp-active", "active"],
    ["urn:epcglobal:cbv:bizstep:active", null],
    ["made_up", null],
  ])("disposition %s → %s", (value, expected) => {
    expect(toCbvDisposition(value)).toBe(expected);
  });

  it("reads source/destination types", () => {
    expect(toCbvSourceDestType("urn:epcglobal:cbv:sdt:location")).toBe("location");
    expect(toCbvSourceDestType("https://ns.gs1.org/cbv/SDT-possessing_party")).toBe("possessing_party");
    expect(toCbvSourceDestType("owner")).toBeNull();
  });
});

type Case = [string, LifecycleEvent, string];
const delete_ = (bizStep: string | null, disposition: string | null): LifecycleEvent =>
  objectEvent(bizStep, disposition, 0, { action: "DELETE" });
const add = (bizStep: string | null, disposition: string | null): LifecycleEvent =>
  objectEvent(bizStep, disposition, 0, { action: "ADD" });

// Precedence: disposition, then the ObjectEvent action, then the bizStep.
const precedence: Case[] = [
  ["commissioning ADD active", add("commissioning", "active"), "commissioned"],
  ["ADD alone creates", add(null, null), "commissioned"],
  ["ADD encoded keeps (written, not commissioned)", add("encoding", "encoded"), "none"],
  ["shipping in_transit", objectEvent("shipping", "in_transit", 0), "in_transit"],
  ["shipping without disposition (bizStep fallback)", objectEvent("shipping", null, 0), "in_transit"],
  ["receiving in_progress defers to bizStep", objectEvent("receiving", "in_progress", 0), "sellable"],
  ["receiving sellable_not_accessible", objectEvent("receiving", "sellable_not_accessible", 0), "sellable"],
  ["receiving returned", objectEvent("receiving", "returned", 0), "returned"],
  ["retail_selling", objectEvent("retail_selling", null, 0), "retail_sold"],
  ["dispensing partially_dispensed", objectEvent("dispensing", "partially_dispensed", 0), "dispensed"],
  ["holding sellable_not_accessible", objectEvent("holding", "sellable_not_accessible", 0), "sellable"],
  ["holding alone keeps", objectEvent("holding", null, 0), "none"],
  ["packing in_progress keeps", objectEvent("packing", "in_progress", 0), "none"],
  ["inspecting non_conformant keeps", objectEvent("inspecting", "non_conformant", 0), "none"],
  ["DELETE alone decommissions", delete_(null, null), "decommissioned"],
  ["decommissioning DELETE inactive", delete_("decommissioning", "inactive"), "decommissioned"],
  ["destroying DELETE destroyed (disposition beats action)", delete_("destroying", "destroyed"), "destroyed"],
  ["disposition recalled on any step", objectEvent("holding", "recalled", 0), "recalled"],
  ["stolen", objectEvent(null, "stolen", 0), "stolen"],
  ["expired", objectEvent("inspecting", "expired", 0), "expired"],
  ["sampling (FMD sample)", objectEvent("sampling", null, 0), "decommissioned"],
  ["URI forms", objectEvent("urn:epcglobal:cbv:bizstep:shipping", "https://ns.gs1.org/cbv/Disp-in_transit", 0), "in_transit"],
  ["extension disposition without policy mapping defers", objectEvent("shipping", "urn:example:disp:x", 0), "in_transit"],
  ["unknown bizStep and no disposition", objectEvent("urn:example:bizstep:x", null, 0), "none"],
  ["AggregationEvent DELETE unpacks, does not decommission", { ...delete_("unpacking", null), eventType: "AggregationEvent" }, "none"],
  ["AggregationEvent ADD packs, does not commission", { ...add("packing", null), eventType: "AggregationEvent" }, "none"],
  ["TransformationEvent output is created", { ...objectEvent("commissioning", null, 0), eventType: "TransformationEvent", role: "output" }, "commissioned"],
  ["TransformationEvent input defers to bizStep", { ...objectEvent("repackaging", null, 0), eventType: "TransformationEvent", role: "input" }, "none"],
];

describe("which status an event names", () => {
  it.each(precedence)("%s → %s", (_name, event, expected) => {
    const effect = classifyEvent(event, defaultPolicy);
    expect(effect.kind === "sets" ? effect.status : "none").toBe(expected);
  });

  it("reads a brand's extension dispositions from the policy", () => {
    const policy = { ...defaultPolicy, extensionDispositions: { "urn:example:disp:exported": "decommissioned" as const } };
    const effect = classifyEvent(objectEvent("shipping", "urn:example:disp:exported", 0), policy);
    expect(effect).toMatchObject({ kind: "sets", status: "decommissioned", decidedBy: "extension_disposition" });
  });
});
