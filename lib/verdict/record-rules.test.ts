import { describe, expect, it } from "vitest";
import { evaluateVerdict } from "./evaluate-verdict";
import { currentScanOf, inputOf, places, unitOf } from "./testing/builders";
import type { PublicReason, ReasonCode, VerdictInput } from "./types";
import type { VerdictLevel } from "@/db/schema/enums";

type Case = [name: string, input: VerdictInput, level: VerdictLevel, codes: ReasonCode[], publicReasons: PublicReason[]];

const cases: Case[] = [
  ["an ordinary genuine unit", inputOf(), "genuine", [], ["none"]],
  // Never issued
  ["unknown GTIN", inputOf({ product: null, unit: null }), "counterfeit", ["unknown_gtin"], ["unknown"]],
  ["unknown GTIN wins even if a unit row came along", inputOf({ product: null }), "counterfeit", ["unknown_gtin"], ["unknown"]],
  ["serial never issued", inputOf({ unit: null }), "counterfeit", ["unknown_serial"], ["unknown"]],
  // Not released: same outward answer as unknown, own internal code
  ["issued, not commissioned", inputOf({ unit: unitOf({ status: "issued", markets: [] }) }), "counterfeit", ["not_released"], ["unknown"]],
  ["commissioned, never shipped", inputOf({ unit: unitOf({ status: "commissioned", markets: [] }) }), "counterfeit", ["not_released"], ["unknown"]],
  ["commissioned, shippedEver unknown, no markets", inputOf({ unit: unitOf({ status: "commissioned", markets: [], shippedEver: undefined }) }), "counterfeit", ["not_released"], ["unknown"]],
  ["commissioned after an FMD reversal of a shipped unit", inputOf({ unit: unitOf({ status: "commissioned", markets: [], shippedEver: true }) }), "genuine", [], ["none"]],
  ["commissioned with a recorded market (shipped once)", inputOf({ unit: unitOf({ status: "commissioned", markets: ["FR"] }) }), "genuine", [], ["none"]],
  ["in transit is released", inputOf({ unit: unitOf({ status: "in_transit", markets: [] }) }), "genuine", [], ["none"]],
  ["shippedEver false but a recorded market proves a shipment", inputOf({ unit: unitOf({ status: "commissioned", shippedEver: false, markets: ["FR"] }) }), "genuine", [], ["none"]],
  // Forged code
  ["code lot differs from the record", inputOf({ scan: currentScanOf({ codeLot: "LOT2" }) }), "counterfeit", ["forged_code"], ["unknown"]],
  ["code expiry differs from the record", inputOf({ scan: currentScanOf({ codeExpiry: "2028-01-31" }) }), "counterfeit", ["forged_code"], ["unknown"]],
  ["lot comparison is exact (case matters in AI 10)", inputOf({ scan: currentScanOf({ codeLot: "lot1" }) }), "counterfeit", ["forged_code"], ["unknown"]],
  ["code without lot or expiry: nothing to compare", inputOf({ scan: currentScanOf({ codeLot: null, codeExpiry: null }) }), "genuine", [], ["none"]],
  ["record without lot or expiry: nothing to compare", inputOf({ unit: unitOf({ lot: null, expiryDate: null }), scan: currentScanOf({ codeLot: "X", codeExpiry: "2030-01-31" }) }), "genuine", [], ["none"]],
  ["code matching the record", inputOf({ scan: currentScanOf({ codeLot: "LOT1", codeExpiry: "2027-12-31" }) }), "genuine", [], ["none"]],
  // Blacklist
  ["blacklisted serial", inputOf({ blacklisted: true }), "counterfeit", ["blacklisted"], ["not_genuine"]],
  // Statuses
  ["destroyed", inputOf({ unit: unitOf({ status: "destroyed" }) }), "counterfeit", ["destroyed"], ["destroyed"]],
  ["decommissioned", inputOf({ unit: unitOf({ status: "decommissioned" }) }), "counterfeit", ["decommissioned"], ["decommissioned"]],
  ["stolen", inputOf({ unit: unitOf({ status: "stolen" }) }), "suspect", ["stolen"], ["stolen"]],
  ["recalled", inputOf({ unit: unitOf({ status: "recalled" }) }), "recalled", ["recalled"], ["recalled"]],
  ["expired status", inputOf({ unit: unitOf({ status: "expired" }) }), "expired", ["expired"], ["expired"]],
  ["returned is fine", inputOf({ unit: unitOf({ status: "returned" }) }), "genuine", [], ["none"]],
  ["retail sold durable is fine", inputOf({ unit: unitOf({ status: "retail_sold" }) }), "genuine", [], ["none"]],
  // Expiry dates are inclusive (usable through the day, UTC); NOW is 2025-06-15
  ["expired yesterday", inputOf({ unit: unitOf({ expiryDate: "2025-06-14" }), scan: currentScanOf({ codeExpiry: "2025-06-14" }) }), "expired", ["expired"], ["expired"]],
  ["expires today", inputOf({ unit: unitOf({ expiryDate: "2025-06-15" }), scan: currentScanOf({ codeExpiry: "2025-06-15" }) }), "genuine", [], ["none"]],
  ["no record expiry: the code's past expiry counts", inputOf({ unit: unitOf({ expiryDate: null }), scan: currentScanOf({ codeExpiry: "2025-01-31" }) }), "expired", ["expired"], ["expired"]],
];

describe("record and status rules", () => {
  it.each(cases)("%s", (_name, input, level, codes, publicReasons) => {
    const verdict = evaluateVerdict(input);
    expect(verdict.level).toBe(level);
    expect(verdict.reasons.map((r) => r.code).sort()).toEqual([...codes].sort());
    expect(verdict.publicReasons).toEqual(publicReasons);
  });
});

describe("not released vs unknown", () => {
  const unknown = evaluateVerdict(inputOf({ unit: null }));
  const notReleased = evaluateVerdict(inputOf({ unit: unitOf({ status: "commissioned", markets: [] }) }));

  it("gives the same outward answer", () => {
    expect(notReleased.level).toBe(unknown.level);
    expect(notReleased.publicReasons).toEqual(unknown.publicReasons);
    expect(notReleased.risk).toBe(unknown.risk);
    expect(notReleased.reasons.map((r) => r.publicReason)).toEqual(unknown.reasons.map((r) => r.publicReason));
  });

  it("keeps a different internal code", () => {
    expect(unknown.reasons.map((r) => r.code)).toEqual(["unknown_serial"]);
    expect(notReleased.reasons.map((r) => r.code)).toEqual(["not_released"]);
  });

  it("masks other public reasons that would confirm the serial exists", () => {
    const abroad = evaluateVerdict(
      inputOf({ unit: unitOf({ status: "commissioned", markets: [] }), scan: currentScanOf({ place: places.newYork }) }),
    );
    expect(abroad.reasons.map((r) => r.code)).toEqual(["not_released", "out_of_market"]);
    expect(abroad.publicReasons).toEqual(["unknown"]);
    expect(abroad.reasons.every((r) => r.publicReason === "unknown")).toBe(true);
  });

  it("masks a forged code's other reasons too", () => {
    const verdict = evaluateVerdict(inputOf({ unit: unitOf({ status: "recalled" }), scan: currentScanOf({ codeLot: "LOT9" }) }));
    expect(verdict.level).toBe("counterfeit");
    expect(verdict.publicReasons).toEqual(["unknown"]);
  });
});

describe("evidence", () => {
  it("names the mismatching fields of a forged code", () => {
    const verdict = evaluateVerdict(inputOf({ scan: currentScanOf({ codeLot: "LOT2", codeExpiry: "2028-01-31" }) }));
    expect(verdict.reasons[0]!.evidence).toEqual({
      mismatches: [
        { field: "lot", code: "LOT2", record: "LOT1" },
        { field: "expiry", code: "2028-01-31", record: "2027-12-31" },
      ],
    });
  });

  it("says where an expiry came from", () => {
    const verdict = evaluateVerdict(inputOf({ unit: unitOf({ expiryDate: "2025-06-01" }), scan: currentScanOf({ codeExpiry: "2025-06-01" }) }));
    expect(verdict.reasons[0]!.evidence).toMatchObject({ expiryDate: "2025-06-01", today: "2025-06-15", source: "record" });
  });
});
