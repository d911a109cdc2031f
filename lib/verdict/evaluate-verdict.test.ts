import { describe, expect, it } from "vitest";
import { toRuleEvidence } from "./case-evidence";
import { evaluateVerdict } from "./evaluate-verdict";
import { NOW, currentScanOf, daysAgo, hoursAgo, inputOf, pastScan, peopleScans, places, productOf, unitOf } from "./testing/builders";

describe("evaluateVerdict", () => {
  it("a cloned handbag: many people, several continents, hours apart", () => {
    const cities = [places.paris, places.newYork, places.tokyo, places.berlin];
    const history = Array.from({ length: 30 }, (_, i) => pastScan(hoursAgo(3 * (i + 1)), i, { place: cities[i % cities.length]! }));
    const verdict = evaluateVerdict(inputOf({ history, scan: currentScanOf({ place: places.newYork }) }));
    expect(verdict.level).toBe("suspect");
    expect(verdict.reasons.map((r) => r.code)).toEqual(["distinct_scanners", "impossible_travel", "out_of_market"]);
    expect(verdict.openCase).toBe(true);
    expect(verdict.caseSeverity).toBe("critical");
    expect(verdict.publicReasons).toEqual(["suspicious_activity", "outside_market"]);
  });

  it("a pack checked by the pharmacist and the family stays genuine", () => {
    const pharma = productOf({ category: "pharmaceutical", intendedMarkets: ["FR"] });
    const unit = unitOf({ status: "dispensed", statusEventTime: hoursAgo(5) });
    const history = [pastScan(hoursAgo(5.1), "pharmacist"), pastScan(hoursAgo(2), "spouse", { sourceFingerprint: "k1.src-current" })];
    expect(evaluateVerdict(inputOf({ product: pharma, unit, history })).level).toBe("genuine");
  });

  it("skips the current scan if the caller also put it in the history", () => {
    const history = peopleScans(3);
    const alone = evaluateVerdict(inputOf({ history, sourceMisses: 0 }));
    const doubled = evaluateVerdict(inputOf({ history: [{ ...currentScanOf() }, ...history] }));
    expect(doubled).toEqual(alone);
  });

  it("ignores history entries with an invalid time", () => {
    const history = [...peopleScans(2), pastScan(new Date(Number.NaN), "broken", { place: places.tokyo })];
    expect(evaluateVerdict(inputOf({ history }))).toEqual(evaluateVerdict(inputOf({ history: peopleScans(2) })));
  });

  // Speed is measured by benchmarks, not asserted here: this checks a long history is handled whole.
  it("answers a 20,000-scan history", () => {
    const cities = Object.values(places);
    const history = Array.from({ length: 20_000 }, (_, i) =>
      pastScan(new Date(NOW.getTime() - i * 60_000), i % 500, { place: cities[i % cities.length]!, userAgentClass: i % 7 === 0 ? "bot" : "browser" }),
    );
    const verdict = evaluateVerdict(inputOf({ history }));
    expect(verdict.level).toBe("suspect");
  });

  it("uses now, not the clock, for expiry", () => {
    const unit = unitOf({ expiryDate: "2025-06-14" });
    const scan = currentScanOf({ codeExpiry: "2025-06-14" });
    expect(evaluateVerdict(inputOf({ unit, scan, now: daysAgo(2) })).level).toBe("genuine");
    expect(evaluateVerdict(inputOf({ unit, scan })).level).toBe("expired");
  });
});

describe("toRuleEvidence", () => {
  it("maps reasons onto the cases.evidence shape", () => {
    const verdict = evaluateVerdict(inputOf({ unit: unitOf({ status: "stolen" }), scan: currentScanOf({ place: places.newYork }) }));
    expect(toRuleEvidence(verdict)).toEqual([
      { rule: "stolen", severity: "high", detail: { status: "stolen", statusEventTime: daysAgo(30).toISOString(), weight: 0.75 } },
      { rule: "out_of_market", severity: "medium", detail: { country: "US", markets: ["FR"], marketsFrom: "unit", weight: 0.25 } },
    ]);
  });
});
