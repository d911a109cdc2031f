import { describe, expect, it } from "vitest";
import type { UnitStatus } from "@/db/schema/enums";
import { consumerStatusOf, publicVerification, type VerificationFacts } from "./public-verification";

const code = { gtin: "09506000134352", serial: "S1", lot: "CODELOT", expiry: "2031-01-31" };
const record = { lot: "L1", expiryDate: "2030-12-31", status: "sellable" as UnitStatus };
const facts = (verdict: VerificationFacts["verdict"], unit: VerificationFacts["unit"] = record, productName: string | null = "Cardiolex"): VerificationFacts => ({
  ref: "r",
  scannedAt: new Date("2026-03-01T10:00:00Z"),
  code,
  verdict,
  productName,
  unit,
});
const masked = { level: "counterfeit", risk: 95, reasons: [{ code: "unknown_serial", publicReason: "unknown" }] };

describe("publicVerification", () => {
  it.each([
    ["unknown serial", ["unknown_serial"], null],
    ["not released", ["not_released"], { ...record, status: "commissioned" as UnitStatus }],
    ["not released and more", ["not_released", "distinct_scanners", "out_of_market", "probing"], { ...record, status: "commissioned" as UnitStatus }],
    ["forged code", ["forged_code", "impossible_travel"], record],
  ])("answers %s with the one masked shape and the code's own data", (_, codes, unit) => {
    const answer = publicVerification(facts({ level: "counterfeit", risk: 99, codes }, unit));
    expect(answer.verdict).toEqual(masked);
    expect(answer.unit).toEqual({ gtin: code.gtin, serial: "S1", lot: "CODELOT", expiryDate: "2031-01-31", status: "unknown", productName: "Cardiolex" });
  });

  it("names the GTIN unknown when no product has it", () => {
    expect(publicVerification(facts({ level: "counterfeit", risk: 95, codes: ["unknown_gtin"] }, null, null)).verdict?.reasons).toEqual([{ code: "unknown_gtin", publicReason: "unknown" }]);
  });

  it("tells a released unit's reasons with their public words, leaving out bot scans and unknown codes", () => {
    const answer = publicVerification(facts({ level: "suspect", risk: 80, codes: ["impossible_travel", "out_of_market", "bot_scan", "legacy_code"] }));
    expect(answer.verdict).toEqual({
      level: "suspect",
      risk: 80,
      reasons: [
        { code: "impossible_travel", publicReason: "suspicious_activity" },
        { code: "out_of_market", publicReason: "outside_market" },
      ],
    });
    expect(answer.unit).toMatchObject({ lot: "L1", expiryDate: "2030-12-31", status: "active" });
  });

  it("hides an unreleased unit even when no verdict was recorded", () => {
    const answer = publicVerification(facts(null, { ...record, status: "issued" }));
    expect(answer).toMatchObject({ verdict: null, unit: { status: "unknown", lot: "CODELOT" } });
  });

  it.each<[UnitStatus, string]>([
    ["issued", "unknown"],
    ["commissioned", "unknown"],
    ["in_transit", "active"],
    ["returned", "active"],
    ["retail_sold", "sold"],
    ["dispensed", "dispensed"],
    ["stolen", "stolen"],
  ])("reads status %s as %s", (status, expected) => {
    expect(consumerStatusOf(status)).toBe(expected);
  });
});
