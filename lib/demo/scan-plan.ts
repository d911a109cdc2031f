// Consumer scan histories for the demo: ordinary scans in the unit's market, cloned codes scanned
// around the world, a source probing for serials, crawlers — plus the cases the clones opened. Pure.
import type { CaseSeverity, RuleEvidence, UserAgentClass, VerdictLevel } from "@/db/schema";
import type { PlannedUnit } from "./lifecycle-plan";
import { placesIn, places, type Place } from "./places";
import type { Random } from "./random";
import { DAY_MS, addDays, daysBefore } from "./time";

export interface PlannedScan {
  brandSlug: string | null;
  gtin: string;
  serial: string;
  /** Whether the serial names a real unit (false: an invented serial). */
  known: boolean;
  scannedAt: Date;
  place: Place;
  sourceFingerprint: string;
  deviceFingerprint: string;
  userAgentClass: UserAgentClass;
  verdict: VerdictLevel | null;
  risk: number;
  reasons: string[];
}

export interface PlannedCase {
  brandSlug: string;
  gtin: string;
  serial: string;
  lot: string;
  severity: CaseSeverity;
  risk: number;
  rules: string[];
  evidence: RuleEvidence[];
  scanCount: number;
  countries: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
}

const EARTH_RADIUS_KM = 6371;

function distanceKm(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

export function planScans(units: PlannedUnit[], now: Date, random: Random): { scans: PlannedScan[]; cases: PlannedCase[] } {
  const scans: PlannedScan[] = [];
  const cases: PlannedCase[] = [];
  const scanOf = (u: PlannedUnit, at: Date, place: Place, verdict: VerdictLevel | null, risk: number, reasons: string[] = []) =>
    scans.push({
      brandSlug: u.brandSlug,
      gtin: u.gtin,
      serial: u.serial,
      known: true,
      scannedAt: at,
      place,
      sourceFingerprint: random.hex(16),
      deviceFingerprint: random.hex(16),
      userAgentClass: "browser",
      verdict,
      risk,
      reasons,
    });
  const ordinaryVerdict = (u: PlannedUnit): VerdictLevel =>
    u.status === "recalled" ? "recalled" : u.expiryDate && u.expiryDate < now.toISOString().slice(0, 10) ? "expired" : "genuine";

  // Ordinary scans: about a third of the units on the market, one to three times, where they were sold.
  const onMarket = units.filter((u) => u.receivedAt && !u.showcase);
  for (const u of onMarket) {
    if (!random.chance(0.35)) continue;
    const home = placesIn(u.market!);
    const from = (u.soldAt ?? u.receivedAt!).getTime();
    for (let i = random.int(1, 3); i > 0; i--) {
      const at = new Date(from + random.next() * (now.getTime() - from));
      scanOf(u, at, random.pick(home.length ? home : places), ordinaryVerdict(u), random.int(0, 8));
    }
  }
  for (const u of units.filter((x) => x.showcase && x.showcase.fate !== "clone" && x.receivedAt)) {
    scanOf(u, daysBefore(now, 3), random.pick(placesIn(u.market!)), ordinaryVerdict(u), 5);
  }

  // Clones: the showcase handbag plus a few others, scanned by many phones on several continents.
  const clones = [
    ...units.filter((u) => u.showcase?.fate === "clone"),
    ...onMarket.filter((u) => u.status === "retail_sold" || u.status === "dispensed").slice(0, 3),
  ];
  for (const u of clones) {
    const start = daysBefore(now, random.int(10, 16));
    const count = random.int(28, 45);
    const cloneScans: PlannedScan[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const at = new Date(start.getTime() + (i / count) * (now.getTime() - start.getTime() - DAY_MS / 4));
      const place = i < 2 ? random.pick(placesIn(u.market!)) : random.pick(places);
      seen.add(place.country);
      const risk = Math.min(95, 10 + i * 4);
      const verdict: VerdictLevel = i < 2 ? "genuine" : risk >= 70 ? "counterfeit" : "suspect";
      const reasons = i < 2 ? [] : ["distinct_scanners", ...(place.country !== u.market ? ["out_of_market"] : [])];
      scanOf(u, at, place, verdict, risk, reasons);
      cloneScans.push(scans[scans.length - 1]!);
    }
    cases.push(caseFor(u, cloneScans, [...seen]));
  }

  // A source probing for valid serials of one product: many invented serials in a few minutes.
  const target = units.find((u) => u.gtin === "09506000134352") ?? units[0]!;
  const prober = { source: random.hex(16), device: random.hex(16), place: placesIn("NG")[0]! };
  const probeStart = daysBefore(now, 2);
  for (let i = 0; i < 40; i++) {
    scans.push({
      brandSlug: target.brandSlug,
      gtin: target.gtin,
      serial: random.code(10),
      known: false,
      scannedAt: new Date(probeStart.getTime() + i * 37_000),
      place: prober.place,
      sourceFingerprint: prober.source,
      deviceFingerprint: prober.device,
      userAgentClass: "browser",
      verdict: "counterfeit",
      risk: Math.min(99, 60 + i),
      reasons: i < 5 ? ["unknown_serial"] : ["unknown_serial", "probing"],
    });
  }

  // Crawlers following links: recorded, classed as bots, never counted as scanners.
  for (let i = 0; i < 20; i++) {
    const u = random.pick(onMarket);
    scans.push({ ...scanTemplate(u, random), scannedAt: addDays(now, -random.int(1, 30)), userAgentClass: "bot" as const });
  }
  return { scans, cases };
}

function scanTemplate(u: PlannedUnit, random: Random): PlannedScan {
  return {
    brandSlug: u.brandSlug,
    gtin: u.gtin,
    serial: u.serial,
    known: true,
    scannedAt: new Date(0),
    place: random.pick(places),
    sourceFingerprint: random.hex(16),
    deviceFingerprint: random.hex(16),
    userAgentClass: "unknown",
    verdict: null,
    risk: 0,
    reasons: [],
  };
}

function caseFor(u: PlannedUnit, cloneScans: PlannedScan[], countries: string[]): PlannedCase {
  // The fastest implied travel between consecutive scans: the evidence analysts look at first.
  let fastest = { kmh: 0, km: 0, hours: 0, from: "", to: "" };
  for (let i = 1; i < cloneScans.length; i++) {
    const a = cloneScans[i - 1]!;
    const b = cloneScans[i]!;
    const km = distanceKm(a.place, b.place);
    const hours = (b.scannedAt.getTime() - a.scannedAt.getTime()) / 3_600_000;
    if (km >= 50 && hours > 0 && km / hours > fastest.kmh) {
      fastest = { kmh: Math.round(km / hours), km: Math.round(km), hours: Math.round(hours * 10) / 10, from: a.place.country, to: b.place.country };
    }
  }
  const outside = countries.filter((c) => c !== u.market);
  const evidence: RuleEvidence[] = [
    { rule: "distinct_scanners", severity: "high", detail: { devices: cloneScans.length, limit: 10 } },
    { rule: "impossible_travel", severity: "high", detail: fastest },
    { rule: "out_of_market", severity: "medium", detail: { countries: outside, markets: [u.market] } },
  ];
  const last = cloneScans[cloneScans.length - 1]!;
  return {
    brandSlug: u.brandSlug,
    gtin: u.gtin,
    serial: u.serial,
    lot: u.lot,
    severity: last.risk >= 90 ? "critical" : "high",
    risk: last.risk,
    rules: evidence.map((e) => e.rule),
    evidence,
    scanCount: cloneScans.length,
    countries,
    firstSeenAt: cloneScans[0]!.scannedAt,
    lastSeenAt: last.scannedAt,
  };
}
