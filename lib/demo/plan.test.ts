import { describe, expect, it } from "vitest";
import { demoBrands } from "./catalogue";
import { planLifecycle, sgtinUrn } from "./lifecycle-plan";
import { createRandom } from "./random";
import { planScans } from "./scan-plan";
import { showcaseUnits } from "./showcase";

const NOW = new Date("2026-11-25T12:00:00Z");
const plan = () => {
  const random = createRandom(42);
  const lifecycle = planLifecycle(demoBrands, NOW, random);
  return { lifecycle, field: planScans(lifecycle.units, NOW, random) };
};

describe("demo plan", () => {
  it("is the same on every run", () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(plan()));
  });

  it("issues unique serials, at least 1,000 units", () => {
    const { lifecycle } = plan();
    expect(lifecycle.units.length).toBeGreaterThanOrEqual(1000);
    const keys = new Set(lifecycle.units.map((u) => `${u.gtin}|${u.serial}`));
    expect(keys.size).toBe(lifecycle.units.length);
  });

  it("puts every event in the past, and each unit's events in time order ending at its status", () => {
    const { lifecycle } = plan();
    const lastEvent = new Map<string, { at: number; disposition: string }>();
    for (const e of [...lifecycle.events].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())) {
      expect(e.eventTime.getTime()).toBeLessThan(NOW.getTime());
      for (const u of e.units) lastEvent.set(`${u.gtin}|${u.serial}`, { at: e.eventTime.getTime(), disposition: e.disposition });
    }
    const statusOf: Record<string, string> = { active: "commissioned", in_transit: "in_transit", sellable_not_accessible: "sellable", retail_sold: "retail_sold", dispensed: "dispensed", recalled: "recalled", stolen: "stolen" };
    for (const u of lifecycle.units) {
      const last = lastEvent.get(`${u.gtin}|${u.serial}`)!;
      expect(statusOf[last.disposition], u.serial).toBe(u.status);
      expect(last.at).toBe(u.statusSince.getTime());
    }
  });

  it("gives commissioning events the lot and expiry as ILMD", () => {
    const { lifecycle } = plan();
    const commissioning = lifecycle.events.filter((e) => e.bizStep === "commissioning");
    expect(commissioning).toHaveLength(lifecycle.lots.length);
    expect(commissioning[0]!.document.ilmd).toMatchObject({ "cbvmda:lotNumber": "CX24A17", "cbvmda:itemExpirationDate": expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it("opens a case for every clone, with impossible travel as evidence", () => {
    const { field } = plan();
    expect(field.cases.length).toBeGreaterThanOrEqual(2);
    expect(field.cases.map((c) => c.serial)).toContain(showcaseUnits.find((s) => s.fate === "clone")!.serial);
    for (const c of field.cases) expect(Number(c.evidence.find((e) => e.rule === "impossible_travel")!.detail.kmh)).toBeGreaterThan(900);
  });

  it("writes SGTIN EPC URNs with the company prefix split out", () => {
    expect(sgtinUrn("09506000134352", 7, "ABC/1")).toBe("urn:epc:id:sgtin:9506000.013435.ABC%2F1");
  });
});
