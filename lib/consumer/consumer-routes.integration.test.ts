// POST /api/reports and POST /api/scans/location against a real, seeded database and a temporary data folder.
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findUnit } from "@/db/queries/units";
import { consumerReports, scans } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { seedDemo } from "@/lib/demo/seed";
import { createInProcessRateLimiter } from "@/lib/rate-limit/in-process-limiter";
import { rateLimitPolicies } from "@/lib/rate-limit/policies";
import { handleLocationRequest, SCAN_LOCATIONS_FILE } from "./scan-location";
import { handleReportRequest } from "./submit-report";

const NOW = new Date("2026-11-25T12:00:00Z");
const GTIN = "09506000134352";
const SERIAL = "GN7K2P9M4X";
const OTHER_GTIN = "09521234002024";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

let database: TestDatabase;
let dataDir: string;
let scanRef: string;
let otherScanRef: string;
let scanId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { now: NOW });
  dataDir = await mkdtemp(path.join(os.tmpdir(), "genuine-consumer-"));
  scanRef = randomUUID();
  otherScanRef = randomUUID();
  const unit = await findUnit(database.db, GTIN, SERIAL);
  const [row] = await database.db
    .insert(scans)
    .values({ ref: scanRef, scannedAt: new Date(NOW.getTime() - 60_000), gtin: GTIN, serial: SERIAL, unitId: unit!.unit.id, country: "DE" })
    .returning({ id: scans.id });
  scanId = row!.id;
  await database.db.insert(scans).values({ ref: otherScanRef, scannedAt: new Date(NOW.getTime() - 60_000), gtin: OTHER_GTIN, serial: "AU3R8T5W2Q" });
});

afterAll(async () => {
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const uploadsDir = () => path.join(dataDir, "uploads");
const roomyLimiter = () => createInProcessRateLimiter();

function reportForm(fields: Record<string, string>, photo?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }): FormData {
  const form = new FormData();
  const defaults = { gtin: GTIN, serial: SERIAL, lot: "CX24A17", expiry: "290225", lang: "de", problem: "The seal was broken", place: "Market stall, Lyon" };
  for (const [key, value] of Object.entries({ ...defaults, ...fields })) form.set(key, value);
  if (photo) form.set("photo", new File([photo.bytes], photo.name, { type: photo.type }));
  return form;
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/reports", { method: "POST", body, headers: { "x-forwarded-for": "203.0.113.9", ...headers } });

const reportsFor = (gtin: string) => database.db.select().from(consumerReports).where(eq(consumerReports.gtin, gtin));

describe("POST /api/reports", () => {
  beforeEach(async () => {
    await database.db.delete(consumerReports);
  });

  it("stores a report from the page's form, its photo under the data folder, and sends the visitor back", async () => {
    const form = reportForm({ ref: scanRef, email: "Ana@Example.org" }, { bytes: PNG, name: "label.png", type: "image/png" });
    const response = await handleReportRequest(post(form, { accept: "text/html" }), { db: database.db, uploadsDir: uploadsDir(), limiter: roomyLimiter(), now: NOW });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/verify/01/${GTIN}/10/CX24A17/21/${SERIAL}?17=290225&lang=de&reported=1#report`);
    const [report] = await reportsFor(GTIN);
    const unit = await findUnit(database.db, GTIN, SERIAL);
    expect(report).toMatchObject({
      organisationId: unit!.unit.organisationId,
      unitId: unit!.unit.id,
      scanId,
      serial: SERIAL,
      message: "The seal was broken",
      purchasePlace: "Market stall, Lyon",
      contactEmail: "ana@example.org",
      country: "DE",
    });
    expect(report!.photos).toHaveLength(1);
    expect(report!.photos[0]).toMatchObject({ mediaType: "image/png", bytes: PNG.byteLength });
    expect(report!.photos[0]!.key).toMatch(/^uploads\/[0-9a-f-]{36}\.png$/);
    expect(new Uint8Array(await readFile(path.join(dataDir, report!.photos[0]!.key)))).toEqual(PNG);
  });

  it("answers a script with JSON, keeps an unknown serial's report for the brand, and ignores another product's scan ref", async () => {
    const response = await handleReportRequest(post(reportForm({ serial: "NOSUCHSERIAL1", ref: otherScanRef })), {
      db: database.db,
      uploadsDir: uploadsDir(),
      limiter: roomyLimiter(),
      now: NOW,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string };
    const [report] = await reportsFor(GTIN);
    expect(report).toMatchObject({ id: body.id, unitId: null, scanId: null, serial: "NOSUCHSERIAL1", photos: [] });
  });

  it.each([
    ["a photo that is really HTML", {}, { bytes: new TextEncoder().encode("<html><script>x</script>"), name: "fake.jpg", type: "image/jpeg" }, "photo_type", 415],
    ["a report with no place", { place: "" }, undefined, "invalid", 400],
    ["a product genuine does not know", { gtin: "09506000999999" }, undefined, "unknown_product", 404],
  ] as const)("refuses %s, storing nothing", async (_, fields, photo, reason, status) => {
    const deps = { db: database.db, uploadsDir: uploadsDir(), limiter: roomyLimiter(), now: NOW };
    const page = await handleReportRequest(post(reportForm(fields, photo ? { ...photo } : undefined), { accept: "text/html" }), deps);
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toContain(`report_error=${reason}`);
    const api = await handleReportRequest(post(reportForm(fields, photo ? { ...photo } : undefined)), deps);
    expect(api.status).toBe(status);
    expect(await api.json()).toMatchObject({ reason });
    expect(await database.db.select().from(consumerReports)).toEqual([]);
  });

  it("pretends to accept a bot's report (the hidden field filled) and stores nothing", async () => {
    const response = await handleReportRequest(post(reportForm({ website: "http://spam.example" }), { accept: "text/html" }), {
      db: database.db,
      uploadsDir: uploadsDir(),
      limiter: roomyLimiter(),
      now: NOW,
    });
    expect(response.headers.get("location")).toContain("reported=1");
    expect(await database.db.select().from(consumerReports)).toEqual([]);
  });

  it("refuses JSON (415) and limits each source with the consumerReport policy (429 with Retry-After)", async () => {
    const json = await handleReportRequest(post("{}", { "content-type": "application/json" }), { db: database.db, uploadsDir: uploadsDir(), limiter: roomyLimiter() });
    expect(json.status).toBe(415);

    const limiter = createInProcessRateLimiter({ policies: { ...rateLimitPolicies, consumerReport: { ...rateLimitPolicies.consumerReport, limit: 2 } } });
    const deps = { db: database.db, uploadsDir: uploadsDir(), limiter, now: NOW };
    expect((await handleReportRequest(post(reportForm({})), deps)).status).toBe(201);
    expect((await handleReportRequest(post(reportForm({})), deps)).status).toBe(201);
    const refused = await handleReportRequest(post(reportForm({})), deps);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const otherSource = await handleReportRequest(post(reportForm({}), { "x-forwarded-for": "198.51.100.7" }), deps);
    expect(otherSource.status).toBe(201);
    expect(await reportsFor(GTIN)).toHaveLength(3);
  });

  it("keeps no photo of a refused report on disk", async () => {
    const before = await readdir(uploadsDir()).catch(() => []);
    await handleReportRequest(post(reportForm({ place: "" }, { bytes: PNG, name: "a.png", type: "image/png" })), {
      db: database.db,
      uploadsDir: uploadsDir(),
      limiter: roomyLimiter(),
      now: NOW,
    });
    expect(await readdir(uploadsDir()).catch(() => [])).toEqual(before);
  });
});

describe("POST /api/scans/location", () => {
  const share = (body: unknown, headers: Record<string, string> = {}) =>
    new Request("http://localhost/api/scans/location", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9", ...headers },
    });

  it("appends the position, rounded to 0.01°, to the data folder's log", async () => {
    const response = await handleLocationRequest(share({ ref: scanRef, latitude: 48.137154, longitude: 11.576124, accuracy: 12.7 }), {
      db: database.db,
      dataDir,
      limiter: roomyLimiter(),
      now: NOW,
    });
    expect(response.status).toBe(204);
    const lines = (await readFile(path.join(dataDir, SCAN_LOCATIONS_FILE), "utf8")).trim().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      ref: scanRef,
      scanId,
      scannedAt: new Date(NOW.getTime() - 60_000).toISOString(),
      latitude: 48.14,
      longitude: 11.58,
      accuracyM: 13,
      sharedAt: NOW.toISOString(),
    });
  });

  it.each([
    ["an empty body", {}, 400],
    ["a latitude beyond the pole", { ref: scanRef, latitude: 91, longitude: 0 }, 400],
    ["a ref no scan has", { ref: randomUUID(), latitude: 1, longitude: 1 }, 404],
    ["not JSON", "latitude=1", 400],
  ] as const)("refuses %s", async (_, body, status) => {
    const response = await handleLocationRequest(share(body), { db: database.db, dataDir, limiter: roomyLimiter(), now: NOW });
    expect(response.status).toBe(status);
  });

  it("refuses a scan older than a day, text bodies (415) and a source over its budget (429)", async () => {
    const later = new Date(NOW.getTime() + 25 * 60 * 60 * 1000);
    expect((await handleLocationRequest(share({ ref: scanRef, latitude: 1, longitude: 1 }), { db: database.db, dataDir, limiter: roomyLimiter(), now: later })).status).toBe(404);
    expect((await handleLocationRequest(share("{}", { "content-type": "text/plain" }), { db: database.db, dataDir, limiter: roomyLimiter() })).status).toBe(415);
    const limiter = createInProcessRateLimiter({ policies: { ...rateLimitPolicies, scan: { ...rateLimitPolicies.scan, limit: 1 } } });
    const deps = { db: database.db, dataDir, limiter, now: NOW };
    expect((await handleLocationRequest(share({ ref: scanRef, latitude: 1, longitude: 1 }), deps)).status).toBe(204);
    expect((await handleLocationRequest(share({ ref: scanRef, latitude: 1, longitude: 1 }), deps)).status).toBe(429);
  });
});
