// The insights page's data: rollups maintained by insertScans (counting only rows really inserted,
// bots apart), the same rollups rebuilt from the scans, the overview queries, tenant isolation, and
// the export's keyset pages.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/database";
import * as t from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { createOrganisation } from "./organisations";
import {
  dailyScanCounts,
  newCasesPerDay,
  probingSources,
  scanExportPage,
  scanExportPages,
  topSuspiciousCountries,
  topSuspiciousLots,
  topSuspiciousProducts,
  topSuspiciousSources,
  countScansInRange,
} from "./insights";
import { rebuildScanStats } from "./scan-stats";
import { insertScans, type NewScan } from "./scans";

let database: TestDatabase;
let brand: string;
let rival: string;
let unitId: number;

const GTIN = "09529999000019";
const OTHER_GTIN = "09529999000026";

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "insights-brand", name: "Insights brand", kind: "brand", companyPrefixes: ["9529999"] })).id;
  rival = (await createOrganisation(database.db, { slug: "insights-rival", name: "Rival", kind: "brand", companyPrefixes: ["9528888"] })).id;
  const [product] = await database.db
    .insert(t.products)
    .values({ organisationId: brand, gtin: GTIN, name: { en: "Serum" }, brandName: "Insights", category: "cosmetics" })
    .returning({ id: t.products.id });
  const [unit] = await database.db
    .insert(t.units)
    .values({ organisationId: brand, productId: product!.id, gtin: GTIN, serial: "KNOWN1", lot: "UNITLOT" })
    .returning({ id: t.units.id });
  unitId = unit!.id;
});

afterAll(async () => {
  await database?.drop();
});

let clock = 0;
function scan(overrides: Partial<NewScan> = {}): NewScan {
  clock++;
  return {
    ref: randomUUID(),
    scannedAt: new Date(Date.UTC(2026, 10, 10, 9, 0, 0, clock)).toISOString(),
    organisationId: brand,
    gtin: GTIN,
    serial: `S${clock}`,
    codeLot: "L1",
    codeExpiry: null,
    rawCode: null,
    country: "DE",
    region: null,
    city: null,
    latitude: null,
    longitude: null,
    sourceFingerprint: "k1.source-a",
    deviceFingerprint: "k1.device",
    userAgentClass: "browser",
    channel: "consumer",
    language: "de",
    linkType: null,
    context: null,
    verdict: "genuine",
    ...overrides,
  };
}

const rollups = async () => ({
  counts: await selectRows(database.db, sql`select organisation_id, day::text, channel, bot, verdict, scans from scan_daily_counts order by 1, 2, 3, 4, 5`),
  lots: await selectRows(database.db, sql`select organisation_id, day::text, gtin, lot, scans, suspicious, counterfeit from scan_daily_lots order by 1, 2, 3, 4`),
  monthlyLots: await selectRows(database.db, sql`select organisation_id, month::text, gtin, lot, scans, suspicious, counterfeit from scan_monthly_lots order by 1, 2, 3, 4`),
  countries: await selectRows(database.db, sql`select organisation_id, day::text, country, scans, suspicious from scan_daily_countries order by 1, 2, 3`),
  sources: await selectRows(database.db, sql`select organisation_id, day::text, source_fingerprint, suspicious, misses, probing, bots from scan_daily_sources order by 1, 2, 3`),
});

const NOV_10 = { from: "2026-11-10", to: "2026-11-10" };
const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };

describe("rollup maintenance in insertScans", () => {
  const batch: NewScan[] = [];

  it("counts a batch once, however often it is retried", async () => {
    batch.push(
      scan(),
      scan(),
      scan({ verdict: "suspect", country: "NG", sourceFingerprint: "k1.source-b" }),
      scan({ verdict: "counterfeit", country: "NG", sourceFingerprint: "k1.source-b", reasons: ["distinct_scanners"] }),
      scan({ userAgentClass: "bot", sourceFingerprint: "k1.crawler" }),
      scan({ channel: "api", country: null }),
    );
    expect(await insertScans(database.db, batch)).toBe(6);
    const first = await rollups();
    expect(await insertScans(database.db, batch)).toBe(0);
    expect(await rollups()).toEqual(first);
    // A batch mixing old and new rows adds only the new ones.
    expect(await insertScans(database.db, [batch[0]!, scan({ verdict: "caution" })])).toBe(1);
    const counts = await dailyScanCounts(database.db, brand, NOV_10);
    expect(counts.map((c) => [c.channel, c.bot, c.verdict, c.scans])).toEqual(
      expect.arrayContaining([
        ["consumer", false, "genuine", 2],
        ["consumer", false, "suspect", 1],
        ["consumer", false, "counterfeit", 1],
        ["consumer", false, "caution", 1],
        ["consumer", true, "genuine", 1],
        ["api", false, "genuine", 1],
      ]),
    );
    expect(counts.reduce((n, c) => n + c.scans, 0)).toBe(7);
  });

  it("keeps bots out of the product, lot and country rollups", async () => {
    const [lot] = await topSuspiciousLots(database.db, brand, NOV_10);
    // 6 human scans of lot L1 (the bot's is not one of them), 2 of them suspicious.
    expect(lot).toMatchObject({ gtin: GTIN, lot: "L1", productName: { en: "Serum" }, scans: 6, suspicious: 2, counterfeit: 1 });
    const countries = await selectRows<{ country: string; scans: number }>(
      database.db,
      sql`select country, scans from scan_daily_countries where organisation_id = ${brand} order by country`,
    );
    expect(countries).toEqual([
      { country: "", scans: 1 },
      { country: "DE", scans: 3 },
      { country: "NG", scans: 2 },
    ]);
  });

  it("rolls up per source only suspicious scans and misses, bots included", async () => {
    await insertScans(database.db, [
      ...Array.from({ length: 6 }, (_, i) =>
        scan({ serial: `GUESS${i}`, verdict: "counterfeit", reasons: i < 3 ? ["unknown_serial"] : ["unknown_serial", "probing"], sourceFingerprint: "k1.prober", userAgentClass: "bot", country: "NG" }),
      ),
      scan({ serial: "TYPO", verdict: "counterfeit", reasons: ["unknown_serial"], sourceFingerprint: "k1.typo" }),
    ]);
    const sources = await selectRows<{ source_fingerprint: string; suspicious: number; misses: number; probing: number; bots: number }>(
      database.db,
      sql`select source_fingerprint, suspicious, misses, probing, bots from scan_daily_sources where organisation_id = ${brand} order by 1`,
    );
    expect(sources).toEqual([
      { source_fingerprint: "k1.prober", suspicious: 6, misses: 6, probing: 3, bots: 6 },
      { source_fingerprint: "k1.source-b", suspicious: 2, misses: 0, probing: 0, bots: 0 },
      { source_fingerprint: "k1.typo", suspicious: 1, misses: 1, probing: 0, bots: 0 },
    ]);
    // One mistyped code is not probing; six guesses (three over budget) are.
    const probing = await probingSources(database.db, brand, NOV_10);
    expect(probing.map((p) => [p.sourceFingerprint, p.misses, p.probing, p.days])).toEqual([["k1.prober", 6, 3, 1]]);
    const top = await topSuspiciousSources(database.db, brand, NOV_10);
    expect(top.map((s) => s.sourceFingerprint)).toEqual(["k1.prober", "k1.source-b", "k1.typo"]);
  });

  it("takes the lot from the unit when the code carried none", async () => {
    await insertScans(database.db, [scan({ serial: "KNOWN1", unitId, codeLot: null, verdict: "suspect", scannedAt: "2026-11-11T23:59:59.999Z" })]);
    const lots = await topSuspiciousLots(database.db, brand, { from: "2026-11-11", to: "2026-11-11" });
    expect(lots).toEqual([{ gtin: GTIN, lot: "UNITLOT", productName: { en: "Serum" }, scans: 1, suspicious: 1, counterfeit: 0 }]);
  });

  it("leaves scans of no organisation out, and rebuilding from the scans gives the same rollups", async () => {
    await insertScans(database.db, [scan({ organisationId: null, gtin: "09999999999999", verdict: "counterfeit", reasons: ["unknown_gtin"] })]);
    await insertScans(database.db, [scan({ organisationId: rival, gtin: OTHER_GTIN, verdict: "counterfeit", sourceFingerprint: "k1.rival-source" })]);
    const incremental = await rollups();
    expect(incremental.counts.every((r) => r.organisation_id !== null)).toBe(true);
    await rebuildScanStats(database.db);
    expect(await rollups()).toEqual(incremental);
    await rebuildScanStats(database.db, { organisationId: rival });
    expect(await rollups()).toEqual(incremental);
  });
});

describe("overview queries", () => {
  it("answer only the organisation's own figures", async () => {
    const ours = await topSuspiciousProducts(database.db, brand, NOVEMBER);
    expect(ours.map((p) => p.gtin)).toEqual([GTIN]);
    const theirs = await topSuspiciousProducts(database.db, rival, NOVEMBER);
    expect(theirs).toEqual([{ gtin: OTHER_GTIN, productName: null, scans: 1, suspicious: 1, counterfeit: 1 }]);
    expect((await topSuspiciousSources(database.db, rival, NOVEMBER)).map((s) => s.sourceFingerprint)).toEqual(["k1.rival-source"]);
    expect(await probingSources(database.db, rival, NOVEMBER)).toEqual([]);
    expect(await countScansInRange(database.db, rival, NOVEMBER)).toBe(1);
  });

  it("read whole months from the monthly lots and loose days from the daily ones, with the same totals", async () => {
    const days = [...(await topSuspiciousLots(database.db, brand, NOV_10)), ...(await topSuspiciousLots(database.db, brand, { from: "2026-11-11", to: "2026-11-11" }))];
    // November 1–30 is one whole month: read from scan_monthly_lots alone.
    const month = await topSuspiciousLots(database.db, brand, NOVEMBER);
    expect(month.map((l) => [l.lot, l.scans, l.suspicious, l.counterfeit])).toEqual(days.map((l) => [l.lot, l.scans, l.suspicious, l.counterfeit]));
    // October 20 – December 5: loose days around a whole November.
    expect(await topSuspiciousLots(database.db, brand, { from: "2026-10-20", to: "2026-12-05" })).toEqual(month);
    expect(await topSuspiciousProducts(database.db, brand, { from: "2026-11-09", to: "2026-11-10" })).toEqual([
      { gtin: GTIN, productName: { en: "Serum" }, scans: days[0]!.scans, suspicious: days[0]!.suspicious, counterfeit: days[0]!.counterfeit },
    ]);
  });

  it("read only the days of the range", async () => {
    expect(await dailyScanCounts(database.db, brand, { from: "2026-11-12", to: "2026-11-30" })).toEqual([]);
    const days = new Set((await dailyScanCounts(database.db, brand, NOVEMBER)).map((r) => r.day));
    expect([...days].sort()).toEqual(["2026-11-10", "2026-11-11"]);
    const countries = await topSuspiciousCountries(database.db, brand, NOV_10);
    // The prober's six scans came from a bot: not in the country figures.
    expect(countries).toEqual([
      { country: "NG", scans: 2, suspicious: 2 },
      { country: "DE", scans: 4, suspicious: 1 },
    ]);
  });

  it("counts new cases per UTC day", async () => {
    const base = { organisationId: brand, gtin: GTIN, severity: "high" as const, risk: 80, firstSeenAt: new Date(), lastSeenAt: new Date() };
    await database.db.insert(t.cases).values([
      { ...base, number: 1, createdAt: new Date("2026-11-10T00:00:00Z") },
      { ...base, number: 2, createdAt: new Date("2026-11-10T23:59:59Z") },
      { ...base, number: 3, createdAt: new Date("2026-11-12T08:00:00Z") },
      { ...base, number: 4, createdAt: new Date("2026-11-13T00:00:00Z") },
      { ...base, organisationId: rival, number: 1, createdAt: new Date("2026-11-10T12:00:00Z") },
    ]);
    expect(await newCasesPerDay(database.db, brand, { from: "2026-11-10", to: "2026-11-12" })).toEqual([
      { day: "2026-11-10", count: 2 },
      { day: "2026-11-12", count: 1 },
    ]);
  });
});

describe("scans export pages", () => {
  it("walks a range page by page: every scan once, in time order, ties and microseconds included", async () => {
    const day = "2026-10-05";
    await insertScans(
      database.db,
      Array.from({ length: 23 }, (_, i) => scan({ scannedAt: `${day}T10:00:00.${String(100 + (i % 4)).padStart(3, "0")}${i % 2 ? "5" : "0"}21Z`, serial: `E${i}` })),
    );
    await insertScans(database.db, [scan({ scannedAt: "2026-10-06T00:00:00Z", serial: "NEXT-DAY" }), scan({ organisationId: rival, gtin: OTHER_GTIN, scannedAt: `${day}T11:00:00Z` })]);
    const range = { start: new Date(`${day}T00:00:00Z`), end: new Date("2026-10-06T00:00:00Z") };
    const pages = [];
    for await (const page of scanExportPages(database.db, brand, { ...range, pageSize: 5 })) pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const rows = pages.flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(23);
    expect(rows.map((r) => r.serial).sort()).toEqual(Array.from({ length: 23 }, (_, i) => `E${i}`).sort());
    const order = rows.map((r) => `${r.cursor.scannedAt}|${String(r.id).padStart(12, "0")}`);
    expect(order).toEqual([...order].sort());
    expect(rows[0]).toMatchObject({ gtin: GTIN, lot: "L1", channel: "consumer", userAgentClass: "browser", verdict: "genuine" });
  });

  it("shows no other organisation's scans", async () => {
    const page = await scanExportPage(database.db, rival, { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z"), after: null, limit: 100 });
    expect(page.map((r) => r.gtin)).toEqual([OTHER_GTIN, OTHER_GTIN]);
  });
});
