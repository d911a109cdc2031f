import { describe, expect, it } from "vitest";
import { evaluateVerdict } from "./evaluate-verdict";
import { NOW, currentScanOf, inputOf, minutesAgo, pastScan, places, productOf, unitOf } from "./testing/builders";
import type { ReasonCode, VerdictInput } from "./types";

const fires = (input: VerdictInput, code: ReasonCode) => evaluateVerdict(input).reasons.some((r) => r.code === code);

describe("out of market", () => {
  const cases: [name: string, input: VerdictInput, fires: boolean][] = [
    ["scanned in a market the unit was shipped to", inputOf(), false],
    ["scanned in another country", inputOf({ scan: currentScanOf({ place: places.berlin }) }), true],
    ["country codes compare case-insensitively", inputOf({ scan: currentScanOf({ place: { ...places.paris, country: "fr" } }) }), false],
    ["the unit's markets win over the product's (DE intended, unit shipped to FR)", inputOf({ scan: currentScanOf({ place: places.berlin }) }), true],
    ["no unit markets: the product's intended markets", inputOf({ unit: unitOf({ markets: [] }), scan: currentScanOf({ place: places.berlin }) }), false],
    ["no unit markets, outside the intended ones", inputOf({ unit: unitOf({ markets: [] }), scan: currentScanOf({ place: places.newYork }) }), true],
    ["no markets anywhere: silent", inputOf({ unit: unitOf({ markets: [] }), product: productOf({ intendedMarkets: [] }), scan: currentScanOf({ place: places.newYork }) }), false],
    ["no country on the scan: silent", inputOf({ scan: currentScanOf({ place: { country: null, lat: null, lon: null } }) }), false],
    ["a bot's location says nothing", inputOf({ scan: currentScanOf({ place: places.newYork, userAgentClass: "bot" }) }), false],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(fires(input, "out_of_market")).toBe(expected);
  });

  it("is a caution on its own, naming the country and the markets", () => {
    const verdict = evaluateVerdict(inputOf({ scan: currentScanOf({ place: places.newYork }) }));
    expect(verdict.level).toBe("caution");
    expect(verdict.openCase).toBe(false);
    expect(verdict.publicReasons).toEqual(["outside_market"]);
    expect(verdict.reasons[0]!.evidence).toEqual({ country: "US", markets: ["FR"], marketsFrom: "unit" });
  });
});

describe("burst", () => {
  /** n past scans by n people in the last `withinMinutes` (spread evenly, none at NOW). */
  const recent = (n: number, withinMinutes = 9) => Array.from({ length: n }, (_, i) => pastScan(minutesAgo(((i + 1) * withinMinutes) / n), i));
  const cases: [name: string, input: VerdictInput, fires: boolean][] = [
    ["5 scans in 10 minutes (the limit)", inputOf({ history: recent(4) }), false],
    ["6 scans in 10 minutes", inputOf({ history: recent(5) }), true],
    ["a scan exactly 10 minutes old is outside the window", inputOf({ history: [...recent(4), pastScan(minutesAgo(10), "edge")] }), false],
    ["a scan 9:59 old is inside", inputOf({ history: [...recent(4), pastScan(new Date(NOW.getTime() - 599_999), "edge")] }), true],
    ["bots are not counted", inputOf({ history: [...recent(4), ...recent(10).map((s) => ({ ...s, userAgentClass: "bot" as const }))] }), false],
    ["an old burst is not this scan's", inputOf({ history: recent(20).map((s) => ({ ...s, at: new Date(s.at.getTime() - 86_400_000) })) }), false],
    ["brand limit 2: 3 scans", inputOf({ history: recent(2), brandPolicy: { burstLimit: 2 } }), true],
    ["product window 1 minute: 6 scans over 9 minutes", inputOf({ history: recent(5), product: productOf({ policy: { burstWindowMinutes: 1 } }) }), false],
    ["one person scanning 6 times also bursts (it counts scans, not people)", inputOf({ history: recent(5).map((s) => ({ ...s, deviceFingerprint: "k1.dev-current" })) }), true],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(fires(input, "burst")).toBe(expected);
  });

  it("is a caution with the count, limit and window", () => {
    const verdict = evaluateVerdict(inputOf({ history: recent(5) }));
    expect(verdict.level).toBe("caution");
    expect(verdict.reasons[0]!.evidence).toMatchObject({ scans: 6, limit: 5, windowMinutes: 10, lastAt: NOW.toISOString() });
  });
});

describe("probing", () => {
  const cases: [name: string, input: VerdictInput, fires: boolean][] = [
    ["no misses", inputOf(), false],
    ["sourceMisses not given", inputOf({ sourceMisses: undefined }), false],
    ["19 misses", inputOf({ sourceMisses: 19 }), false],
    ["20 misses (the limit)", inputOf({ sourceMisses: 20 }), true],
    ["brand limit 5: 5 misses", inputOf({ sourceMisses: 5, brandPolicy: { probingMissLimit: 5 } }), true],
    ["a probing source hitting an unknown serial", inputOf({ unit: null, sourceMisses: 40 }), true],
    ["a probing script announcing itself as a bot", inputOf({ sourceMisses: 40, scan: currentScanOf({ userAgentClass: "bot" }) }), true],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(fires(input, "probing")).toBe(expected);
  });

  it("makes a hit by a prober suspect and opens a case", () => {
    const verdict = evaluateVerdict(inputOf({ sourceMisses: 25 }));
    expect(verdict.level).toBe("suspect");
    expect(verdict.openCase).toBe(true);
    expect(verdict.reasons[0]!.evidence).toEqual({ sourceMisses: 25, limit: 20, source: "k1.src-current" });
  });

  it("opens no case for a bot", () => {
    const verdict = evaluateVerdict(inputOf({ sourceMisses: 40, scan: currentScanOf({ userAgentClass: "bot" }) }));
    expect(verdict.level).toBe("suspect");
    expect(verdict.openCase).toBe(false);
    expect(verdict.caseSeverity).toBeNull();
  });
});
