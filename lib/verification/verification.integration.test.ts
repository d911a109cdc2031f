// Verdicts on real data, end to end: scans driven through the resolver (edge geo headers, device
// cookies, user agents), their deferred recording run, and the scan rows, cases and webhook queue read
// back; then the scan API (POST) and a recorded scan's verification data (GET).
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import { findCase, listCaseActivities, listCases } from "@/db/queries/cases";
import { createOrganisation } from "@/db/queries/organisations";
import { createWebhook } from "@/db/queries/webhooks";
import { blacklistEntries, products, units, type UnitStatus } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { createInProcessRateLimiter } from "@/lib/rate-limit/in-process-limiter";
import { publishRecall } from "@/lib/recalls/publish-recall";
import { handleResolverRequest, type ResolverDeps } from "@/lib/resolver/handle-resolver-request";
import { createResolverDeps } from "@/lib/resolver/resolver-deps";
import { parseEdgeConfig } from "@/lib/scans/edge-location";
import { scanHasher } from "@/lib/scans/scan-hashes";
import { loadScanVerification } from "./load-scan-verification";
import { recordApiScan } from "./record-api-scan";

const G = "09506000134352";
const ORIGIN = "https://id.brand.example";
const PARIS = { country: "FR", lat: 48.9, lon: 2.4 };
const SYDNEY = { country: "AU", lat: -33.9, lon: 151.2 };
const BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1";
const HOUR = 3_600_000;

let database: TestDatabase;
let brand: string;
let rival: string;
let deps: ResolverDeps;
let deferred: (() => void | Promise<void>)[] = [];
let clock = new Date("2026-03-02T09:00:00Z");

interface ScanOptions {
  at?: Date;
  ip?: string;
  device?: string;
  ua?: string;
  where?: { country: string; lat?: number; lon?: number };
  query?: string;
}

type RecordedScan = {
  ref: string;
  verdict: string | null;
  risk: number;
  reasons: string[];
  unit_id: number | null;
};

async function settle() {
  const tasks = deferred;
  deferred = [];
  for (const t of tasks) await t();
  await deps.writer.flush();
}

/** One consumer scan through the resolver, recorded; answers the scan row. */
async function scan(serial: string, o: ScanOptions = {}): Promise<RecordedScan> {
  if (o.at) clock = o.at;
  const headers: Record<string, string> = { "x-forwarded-for": o.ip ?? "203.0.113.10", "user-agent": o.ua ?? BROWSER };
  if (o.device) headers.cookie = `genuine_device=${o.device.padEnd(22, "0").slice(0, 22)}`;
  if (o.where) {
    headers["x-vercel-ip-country"] = o.where.country;
    if (o.where.lat !== undefined) headers["x-vercel-ip-latitude"] = String(o.where.lat);
    if (o.where.lon !== undefined) headers["x-vercel-ip-longitude"] = String(o.where.lon);
  }
  const url = new URL(`/01/${G}/21/${serial}${o.query ?? ""}`, ORIGIN);
  const response = await handleResolverRequest(new Request(url, { headers }), deps, url.pathname);
  expect(response.status).toBe(307);
  const ref = response.headers.getSetCookie().find((c) => c.startsWith("genuine_scan="))!.split("=")[1]!.split(".")[0]!;
  await settle();
  const [row] = await selectRows<RecordedScan>(database.db, sql`select ref, verdict, risk, reasons, unit_id from scans where ref = ${ref}`);
  return row!;
}

async function casesOf(serial: string) {
  return selectRows<{ id: string; number: number; status: string; rules: string[]; evidence: { rule: string; detail: Record<string, unknown> }[]; scan_count: number; countries: string[]; unit_id: number | null; severity: string }>(
    database.db,
    sql`select id, number, status, rules, evidence, scan_count, countries, unit_id, severity from cases where gtin = ${G} and serial = ${serial}`,
  );
}

async function addUnit(serial: string, status: UnitStatus, extra: { lot?: string; expiryDate?: string; markets?: string[]; statusEventTime?: Date } = {}) {
  const [product] = await selectRows<{ id: string }>(database.db, sql`select id from products where gtin = ${G}`);
  await database.db.insert(units).values({
    organisationId: brand,
    productId: product!.id,
    gtin: G,
    serial,
    status,
    lot: extra.lot ?? "L1",
    expiryDate: extra.expiryDate ?? "2030-12-31",
    markets: extra.markets ?? ["FR"],
    statusEventTime: extra.statusEventTime ?? null,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "verdict-brand", name: "Medivia", kind: "brand", companyPrefixes: ["9506000"] })).id;
  rival = (await createOrganisation(database.db, { slug: "verdict-rival", name: "Rival", kind: "brand", companyPrefixes: ["9521234"] })).id;
  await database.db.insert(products).values({ organisationId: brand, gtin: G, name: { en: "Cardiolex 20 mg", fr: "Cardiolex 20 mg (FR)" }, brandName: "Medivia", category: "pharmaceutical", intendedMarkets: ["FR"] });
  await createWebhook(database.db, { id: randomUUID(), organisationId: brand, url: "https://hooks.brand.example/genuine", events: ["case.opened"], secretEncrypted: "not-used-here" });
  for (const serial of ["GEN1", "MANY1", "MKT1", "BL1", "BOT1", "API1"]) await addUnit(serial, "sellable");
  await addUnit("CLONE1", "sellable", { markets: ["FR", "AU"] });
  await addUnit("FORGE1", "sellable", { lot: "L7", expiryDate: "2030-12-31" });
  await addUnit("REC1", "sellable", { lot: "LREC" });
  await addUnit("DISP1", "dispensed", { statusEventTime: new Date(clock.getTime() - 10 * 24 * HOUR) });
  await addUnit("NR1", "commissioned", { markets: [] });
  await database.db.insert(blacklistEntries).values({ organisationId: brand, gtin: G, serial: "BL1", reason: "seized copy" });
  deps = {
    ...createResolverDeps(database.db, {
      limiter: createInProcessRateLimiter(),
      hasher: scanHasher("v".repeat(32), "k1"),
      edges: parseEdgeConfig("vercel"),
      publicOrigin: null,
      probing: new Map(),
      writer: { spoolFile: path.join(mkdtempSync(path.join(tmpdir(), "genuine-verdict-")), "spool.jsonl"), lingerMs: 1, retryInitialMs: 60_000 },
    }),
    defer: (task) => void deferred.push(task),
    now: () => clock,
  };

});

afterAll(async () => {
  deps?.writer.close();
  await database?.drop();
});

describe("verdict per scan, through the resolver", () => {
  it("answers a genuine first scan genuine, and opens no case", async () => {
    const row = await scan("GEN1", { device: "gen-a", where: PARIS });
    expect(row).toMatchObject({ verdict: "genuine", risk: 0, reasons: [] });
    expect(row.unit_id).not.toBeNull();
    expect(await casesOf("GEN1")).toEqual([]);
  });

  it("finds a clone scanned in Paris then Sydney an hour apart: suspect, and a case with the travel evidence", async () => {
    const t = new Date("2026-03-02T10:00:00Z");
    expect((await scan("CLONE1", { at: t, device: "clone-a", ip: "198.51.100.1", where: PARIS })).verdict).toBe("genuine");
    const second = await scan("CLONE1", { at: new Date(t.getTime() + HOUR), device: "clone-b", ip: "198.51.100.2", where: SYDNEY });
    expect(second.verdict).toBe("suspect");
    expect(second.reasons).toContain("impossible_travel");
    const [opened, ...others] = await casesOf("CLONE1");
    expect(others).toEqual([]);
    expect(opened).toMatchObject({ status: "open", scan_count: 1, countries: ["AU"] });
    expect(opened!.rules).toContain("impossible_travel");
    const travel = opened!.evidence.find((e) => e.rule === "impossible_travel");
    expect(travel?.detail).toMatchObject({ scanRef: second.ref });
  });

  it("updates the unit's one case as more distinct devices than the policy allows keep scanning", async () => {
    const t = new Date("2026-03-03T08:00:00Z").getTime();
    const rows: RecordedScan[] = [];
    // Pharmaceuticals allow 3 distinct scanners; 20 minutes apart, so no burst.
    for (let i = 0; i < 6; i++) rows.push(await scan("MANY1", { at: new Date(t + i * 20 * 60_000), device: `many-${i}`, ip: `198.51.100.${20 + i}`, where: { country: "FR" } }));
    expect(rows.map((r) => r.verdict)).toEqual(["genuine", "genuine", "genuine", "suspect", "suspect", "suspect"]);
    const cases = await casesOf("MANY1");
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ scan_count: 3, rules: ["distinct_scanners"] });
    const activities = await listCaseActivities(database.db, brand, cases[0]!.id);
    expect(activities.map((a) => a.kind)).toEqual(["opened", "rule_fired", "rule_fired"]);
  });

  it("enqueues case.opened once per case, however often it is updated", async () => {
    const deliveries = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from webhook_deliveries where event = 'case.opened' and payload->>'serial' = 'MANY1'`);
    expect(deliveries[0]!.n).toBe(1);
  });

  it("answers caution outside the unit's market", async () => {
    const row = await scan("MKT1", { device: "mkt-a", where: { country: "DE" } });
    expect(row).toMatchObject({ verdict: "caution", reasons: ["out_of_market"] });
    expect(await casesOf("MKT1")).toEqual([]);
  });

  it("answers recalled for a unit of a recalled lot", async () => {
    await publishRecall(database.db, brand, { gtin: G, lots: ["LREC"], serials: [], recallClass: "class_1", title: { en: "Recall" }, message: { en: "Return it" }, action: {} }, null, clock);
    const row = await scan("REC1", { device: "rec-a", where: PARIS });
    expect(row).toMatchObject({ verdict: "recalled", reasons: ["recalled"] });
  });

  it("answers counterfeit for a serial never issued, and files its scans under one case", async () => {
    const first = await scan("NOSUCH1", { device: "nope-a", ip: "198.51.100.40", where: PARIS });
    await scan("NOSUCH1", { device: "nope-b", ip: "198.51.100.41", where: PARIS });
    expect(first).toMatchObject({ verdict: "counterfeit", reasons: ["unknown_serial"], unit_id: null });
    const cases = await casesOf("NOSUCH1");
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ unit_id: null, scan_count: 2, rules: ["unknown_serial"] });
  });

  it("answers counterfeit (forged code) when the code's expiry contradicts the record, and opens a case", async () => {
    const row = await scan("FORGE1", { device: "forge-a", where: PARIS, query: "?17=291231" });
    expect(row).toMatchObject({ verdict: "counterfeit" });
    expect(row.reasons).toContain("forged_code");
    const [opened] = await casesOf("FORGE1");
    expect(opened).toMatchObject({ severity: "critical", rules: expect.arrayContaining(["forged_code"]) });
  });

  it("answers suspect for a dispensed pack scanned again days later, and opens a case", async () => {
    const row = await scan("DISP1", { device: "disp-a", where: PARIS });
    expect(row).toMatchObject({ verdict: "suspect", reasons: ["post_sale_rescan"] });
    expect(await casesOf("DISP1")).toHaveLength(1);
  });

  it("answers counterfeit for a blacklisted serial", async () => {
    const row = await scan("BL1", { device: "bl-a", where: PARIS });
    expect(row).toMatchObject({ verdict: "counterfeit", reasons: ["blacklisted"] });
  });

  it("leaves bots out: a link preview in Sydney after a person in Paris is no impossible travel, and opens nothing", async () => {
    const t = new Date("2026-03-04T10:00:00Z");
    await scan("BOT1", { at: t, device: "bot-a", ip: "198.51.100.60", where: PARIS });
    const bot = await scan("BOT1", { at: new Date(t.getTime() + HOUR), device: "bot-b", ip: "198.51.100.61", where: SYDNEY, ua: "Slackbot-LinkExpanding 1.0" });
    expect(bot).toMatchObject({ verdict: "genuine", reasons: ["bot_scan"] });
    const person = await scan("BOT1", { at: new Date(t.getTime() + 2 * HOUR), device: "bot-a", ip: "198.51.100.60", where: PARIS });
    expect(person).toMatchObject({ verdict: "genuine", reasons: [] });
    expect(await casesOf("BOT1")).toEqual([]);
  });

  it("keeps a case from another brand's eyes", async () => {
    const [opened] = await casesOf("CLONE1");
    expect(await findCase(database.db, brand, opened!.id)).not.toBeNull();
    expect(await findCase(database.db, rival, opened!.id)).toBeNull();
    expect(await listCases(database.db, rival)).toEqual([]);
    expect(await listCaseActivities(database.db, rival, opened!.id)).toEqual([]);
  });
});

describe("the scan API", () => {
  const appHeaders = (ip: string) => new Headers({ "x-forwarded-for": ip, "user-agent": "MediviaApp/3.1 (iOS)", "accept-language": "fr-FR" });

  it("records an app scan (channel api) before answering, and serves it back by its id", async () => {
    clock = new Date("2026-03-05T12:00:00Z");
    const answer = await recordApiScan(deps, appHeaders("198.51.100.80"), { uri: `https://id.brand.example/01/${G}/10/L1/21/API1`, location: { latitude: 48.8566, longitude: 2.3522, country: "fr" } });
    expect(answer).toMatchObject({
      verdict: { level: "genuine", risk: 0, reasons: [] },
      unit: { gtin: G, serial: "API1", lot: "L1", expiryDate: "2030-12-31", status: "active", productName: "Cardiolex 20 mg (FR)" },
    });
    const [row] = await selectRows<{ channel: string; verdict: string; country: string; latitude: number }>(database.db, sql`select channel, verdict, country, latitude from scans where ref = ${answer.scanId}`);
    expect(row).toMatchObject({ channel: "api", verdict: "genuine", country: "FR", latitude: 48.9 });
    expect(await loadScanVerification(database.db, answer.scanId, "fr")).toEqual(answer);
  });

  it("reads element strings too, and refuses what names no serialized unit", async () => {
    const answer = await recordApiScan(deps, appHeaders("198.51.100.81"), { uri: `(01)${G}(21)API1` });
    expect(answer.unit.serial).toBe("API1");
    await expect(recordApiScan(deps, appHeaders("198.51.100.81"), {})).rejects.toMatchObject({ code: "bad_request" });
    await expect(recordApiScan(deps, appHeaders("198.51.100.81"), { uri: `https://id.brand.example/01/${G}` })).rejects.toMatchObject({ code: "bad_request" });
    await expect(recordApiScan(deps, appHeaders("198.51.100.81"), { uri: "not a code" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("answers a unit not yet released exactly like a serial never issued", async () => {
    const ask = (serial: string) => recordApiScan(deps, appHeaders("198.51.100.82"), { uri: `https://id.brand.example/01/${G}/10/L1/21/${serial}?17=301231` });
    const strip = ({ scanId: _id, scannedAt: _at, unit: { serial: _serial, ...unit }, ...rest }: Awaited<ReturnType<typeof ask>>) => ({ ...rest, unit });
    const [notReleased, unknown] = [await ask("NR1"), await ask("NEVER1")];
    expect(strip(notReleased)).toEqual(strip(unknown));
    expect(notReleased.verdict).toEqual({ level: "counterfeit", risk: 95, reasons: [{ code: "unknown_serial", publicReason: "unknown" }] });
    expect(await loadScanVerification(database.db, notReleased.scanId, null)).toMatchObject({ verdict: unknown.verdict, unit: { status: "unknown", lot: "L1" } });
  });

  it("finds no scan for an unknown or malformed ref", async () => {
    expect(await loadScanVerification(database.db, randomUUID(), null)).toBeNull();
    expect(await loadScanVerification(database.db, "not-a-uuid", null)).toBeNull();
  });
});
