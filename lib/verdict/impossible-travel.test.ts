import { describe, expect, it } from "vitest";
import { evaluateVerdict } from "./evaluate-verdict";
import { haversineKm } from "./geo";
import { NOW, currentScanOf, hoursAgo, inputOf, pastScan, places, type Place } from "./testing/builders";
import type { ScanFacts, VerdictInput } from "./types";

const HOUR_MS = 3_600_000;
const parisToNewYorkKm = haversineKm(places.paris, places.newYork);
/** The last moment before NOW from which reaching New York from Paris needs more than 900 km/h. */
const msAt900 = (parisToNewYorkKm / 900) * HOUR_MS;
const before = (ms: number) => new Date(NOW.getTime() - ms);

/** A previous scan by person 1 at `from`, `ms` before the current scan in New York by another person. */
const hop = (ms: number, from: Place = places.paris, extra: Partial<ScanFacts> = {}): VerdictInput =>
  inputOf({ history: [pastScan(before(ms), 1, { place: from, ...extra })], scan: currentScanOf({ place: places.newYork }) });

/** Latitude degrees for a north–south distance in km (precise, unrounded). */
const degreesFor = (km: number) => (km / 6371.0088) * (180 / Math.PI);
const near = (km: number): Place => ({ country: "FR", lat: places.paris.lat + degreesFor(km), lon: places.paris.lon });

type Case = [name: string, input: VerdictInput, fires: boolean];

const cases: Case[] = [
  ["Paris → New York at exactly 900 km/h", hop(Math.ceil(msAt900)), false],
  ["Paris → New York just faster than 900 km/h", hop(Math.floor(msAt900) - 1), true],
  ["Paris → New York in one hour", hop(HOUR_MS), true],
  ["Paris → New York at the same instant", hop(0), true],
  ["limit raised to 10000 km/h by the brand: one hour is fine", { ...hop(HOUR_MS), brandPolicy: { maxTravelSpeedKmh: 10_000 } }, false],
  ["limit lowered to 100 km/h by the product: a 2 h flight's worth", { ...hop(10 * HOUR_MS), product: { category: "luxury", intendedMarkets: ["FR", "US"], policy: { maxTravelSpeedKmh: 100 } } }, true],
  // The 50 km floor: IP geolocation and 0.1° rounding are not more precise
  ["49.9 km at the same instant", inputOf({ history: [pastScan(NOW, 1)], scan: currentScanOf({ place: near(49.9) }) }), false],
  ["50.1 km at the same instant", inputOf({ history: [pastScan(NOW, 1)], scan: currentScanOf({ place: near(50.1) }) }), true],
  ["0.4° apart (44 km) after rounding, a minute apart", inputOf({ history: [pastScan(before(60_000), 1)], scan: currentScanOf({ place: { country: "FR", lat: 49.3, lon: 2.3 } }) }), false],
  ["0.5° apart (56 km) after rounding, a minute apart", inputOf({ history: [pastScan(before(60_000), 1)], scan: currentScanOf({ place: { country: "FR", lat: 49.4, lon: 2.3 } }) }), true],
  ["floor raised to 100 km by the brand", { ...inputOf({ history: [pastScan(NOW, 1)], scan: currentScanOf({ place: near(80) }) }), brandPolicy: { minTravelDistanceKm: 100 } }, false],
  // No coordinates
  ["current scan without coordinates", inputOf({ history: [pastScan(before(HOUR_MS), 1)], scan: currentScanOf({ place: { country: "US", lat: null, lon: null } }) }), false],
  ["previous scan without coordinates: compare with the one before it", inputOf({
    history: [pastScan(before(HOUR_MS), 1, { place: { country: "FR", lat: null, lon: null } }), pastScan(before(2 * HOUR_MS), 2)],
    scan: currentScanOf({ place: places.newYork }),
  }), true],
  ["coordinates out of range are ignored", inputOf({ history: [pastScan(before(HOUR_MS), 1, { place: { country: "FR", lat: 200, lon: 2 } })], scan: currentScanOf({ place: places.newYork }) }), false],
  ["no scans with coordinates at all", inputOf({ history: [pastScan(before(HOUR_MS), 1, { place: { country: null, lat: null, lon: null } })], scan: currentScanOf({ place: { country: null, lat: null, lon: null } }) }), false],
  // Bots and single devices
  ["a bot in Paris an hour ago", hop(HOUR_MS, places.paris, { userAgentClass: "bot" }), false],
  ["the current scan is a bot", inputOf({ history: [pastScan(before(HOUR_MS), 1)], scan: currentScanOf({ place: places.newYork, userAgentClass: "bot" }) }), false],
  ["one phone jumping (VPN, roaming) is not two packs", hop(HOUR_MS, places.paris, { deviceFingerprint: "k1.dev-current" }), false],
  // Within the history
  ["an impossible hop earlier in the history", inputOf({
    history: [pastScan(hoursAgo(24), 2, { place: places.tokyo }), pastScan(hoursAgo(25), 1, { place: places.paris })],
    scan: currentScanOf({ place: places.tokyo }),
  }), true],
  ["only consecutive scans are compared: Paris, Lyon, Berlin over days", inputOf({
    history: [pastScan(hoursAgo(48), 1, { place: places.paris }), pastScan(hoursAgo(24), 2, { place: places.lyon })],
    scan: currentScanOf({ place: places.berlin }),
  }), false],
];

describe("impossible travel", () => {
  it.each(cases)("%s", (_name, input, fires) => {
    const verdict = evaluateVerdict(input);
    const reason = verdict.reasons.find((r) => r.code === "impossible_travel");
    expect(reason !== undefined).toBe(fires);
    if (reason) expect(reason.severity).toBe("suspect");
  });

  it("names both scans, the distance, the hours and the speed", () => {
    const reason = evaluateVerdict(hop(2 * HOUR_MS)).reasons.find((r) => r.code === "impossible_travel")!;
    expect(reason.evidence).toMatchObject({
      limitKmh: 900,
      minDistanceKm: 50,
      impossibleHops: 1,
      involvesCurrentScan: true,
      fastest: {
        from: { at: before(2 * HOUR_MS).toISOString(), country: "FR", lat: 48.9, lon: 2.3, current: false, device: "k1.dev-1" },
        to: { at: NOW.toISOString(), country: "US", current: true, device: "k1.dev-current" },
        distanceKm: Math.round(parisToNewYorkKm * 10) / 10,
        hours: 2,
        speedKmh: Math.round(parisToNewYorkKm / 2),
      },
    });
  });

  it("reports a same-instant hop with a null speed (JSON has no Infinity)", () => {
    const reason = evaluateVerdict(hop(0)).reasons.find((r) => r.code === "impossible_travel")!;
    expect(reason.evidence).toMatchObject({ fastest: { hours: 0, speedKmh: null } });
  });

  it("lists the fastest hops first, at most three", () => {
    const cities = [places.paris, places.newYork, places.tokyo, places.berlin, places.newYork];
    const history = cities.map((place, i) => pastScan(hoursAgo(cities.length - i), i, { place }));
    const reason = evaluateVerdict(inputOf({ history, scan: currentScanOf({ place: places.tokyo }) })).reasons.find((r) => r.code === "impossible_travel")!;
    expect(reason.evidence.impossibleHops).toBe(5);
    const hops = reason.evidence.hops as readonly { speedKmh: number }[];
    expect(hops).toHaveLength(3);
    expect(hops[0]!.speedKmh).toBeGreaterThanOrEqual(hops[1]!.speedKmh);
    expect(hops[1]!.speedKmh).toBeGreaterThanOrEqual(hops[2]!.speedKmh);
  });
});

describe("haversineKm", () => {
  it.each([
    ["the same point", places.paris, places.paris, 0, 0],
    ["Paris–New York", places.paris, places.newYork, 5_840, 20],
    ["Paris–Berlin", places.paris, places.berlin, 880, 10],
    ["0.1° of latitude", { lat: 0, lon: 0 }, { lat: 0.1, lon: 0 }, 11.1, 0.1],
    ["antipodes", { lat: 0, lon: 0 }, { lat: 0, lon: 180 }, 20_015, 1],
  ])("%s", (_name, a, b, km, tolerance) => {
    expect(Math.abs(haversineKm(a, b) - km)).toBeLessThanOrEqual(tolerance);
  });
});
