// CSV imports end to end through the real routes, on both databases: good rows land with their
// status, lot, expiry and markets; bad rows are reported by line and column; re-importing changes
// nothing; imports apply in order; another brand sees nothing.
import { and, count, eq, inArray } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as errorsRoute } from "@/app/api/imports/[id]/errors.csv/route";
import { GET as jobRoute } from "@/app/api/imports/[id]/route";
import { POST as importRoute } from "@/app/api/imports/units/route";
import { appendAudit } from "@/db/queries/audit";
import { findImportJob, IMPORT_STARTED, listImportJobs } from "@/db/queries/imports";
import { createOrganisation } from "@/db/queries/organisations";
import { captureJobs, epcisEvents, products, units } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { handleApiRequest } from "@/lib/access/with-api-route";
import { issueApiKey } from "@/lib/api-keys/issue-api-key";
import { completeGtin } from "@/lib/gs1";
import type { ImportJobView } from "./import-report";
import { runImport } from "./run-import";
import { startImport } from "./start-import";

const SECRET = "imports-test-secret-0123456789abcdefghijklmnopqrstuv";
let database: TestDatabase;
let brand: string;
let brandKey: string;
let rivalKey: string;
const gtin = (body: string) => {
  const result = completeGtin(body);
  if (!result.ok) throw new Error(body);
  return result.value.padStart(14, "0");
};
const GTIN = gtin("0952999900001");
const GTIN2 = gtin("0952999900002");
const FOREIGN = gtin("0952123400001");
const BAD_CHECK_DIGIT = `${GTIN.slice(0, 13)}${(Number(GTIN[13]) + 1) % 10}`;

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "brand", name: "Brand", kind: "brand", companyPrefixes: ["9529999"] })).id;
  const rival = (await createOrganisation(database.db, { slug: "rival", name: "Rival", kind: "brand", companyPrefixes: ["9521234"] })).id;
  brandKey = (await issueApiKey(database.db, SECRET, { organisationId: brand, name: "brand", scopes: ["epcis:write"] })).token;
  rivalKey = (await issueApiKey(database.db, SECRET, { organisationId: rival, name: "rival", scopes: ["epcis:write"] })).token;
});

afterAll(async () => {
  await database?.drop();
});

type Route = { definition: { access: Parameters<typeof handleApiRequest>[1]; handler: Parameters<typeof handleApiRequest>[2] } };

/** Call a route as a key holder; work deferred after the response is awaited before answering. */
async function call(route: unknown, path: string, options: { key?: string; body?: BodyInit; type?: string; params?: unknown } = {}) {
  const pending: Promise<void>[] = [];
  const headers = new Headers({ authorization: `Bearer ${options.key ?? brandKey}` });
  if (options.type) headers.set("content-type", options.type);
  const { definition } = route as Route;
  const response = await handleApiRequest(
    { db: database.db, currentUser: async () => null, defer: (task) => void pending.push(task()) },
    definition.access,
    definition.handler as never,
    new Request(`http://localhost${path}`, { method: options.body === undefined ? "GET" : "POST", headers, body: options.body }),
    (options.params ?? {}) as never,
  );
  await Promise.all(pending);
  return response;
}

async function importCsv(csv: string): Promise<ImportJobView> {
  const accepted = await call(importRoute, "/api/imports/units", { body: csv, type: "text/csv" });
  expect(accepted.status).toBe(202);
  const { importID } = (await accepted.json()) as { importID: string };
  expect(accepted.headers.get("location")).toBe(`/api/imports/${importID}`);
  const job = await call(jobRoute, `/api/imports/${importID}`, { params: { id: importID } });
  expect(job.status).toBe(200);
  return (await job.json()) as ImportJobView;
}

const unitOf = async (serial: string, g = GTIN) =>
  (await database.db.select({ status: units.status, lot: units.lot, expiry: units.expiryDate, markets: units.markets }).from(units).where(and(eq(units.gtin, g), eq(units.serial, serial))))[0];
const eventCount = async () => (await database.db.select({ n: count() }).from(epcisEvents).where(eq(epcisEvents.organisationId, brand)))[0]!.n;

const MIXED = [
  "\uFEFFgtin;serial;lot;expiry;status;event_time;market;location",
  `${GTIN};A1;L1;2028-01-31;commissioned;2026-01-10T08:00:00+01:00;;`,
  `${GTIN};A2;L1;2028-01-31;shipped;;de;9529999000002`,
  `${GTIN};A3;"L;2";2028-01-31;Sold;2026-01-11T08:00:00Z;FR;`,
  `${GTIN};A4;L1;2028-02-30;sold;;;`,
  `${BAD_CHECK_DIGIT};A5;L1;;sold;;;`,
  `${FOREIGN};A6;;;sold;;;`,
  `${GTIN};A7;;;teleported;;;`,
  `${GTIN2};B1;;;destroyed;;;`,
  "",
].join("\r\n");

describe("an import with good and bad rows", () => {
  let job: ImportJobView;
  beforeAll(async () => {
    job = await importCsv(MIXED);
  });

  it("finishes and counts every row", () => {
    expect(job).toMatchObject({ status: "success", running: false, rows: 8, processed: 8, imported: 4, duplicates: 0, failed: 4, problem: null });
  });

  it("lands the good rows with their status, lot, expiry and markets", async () => {
    expect(await unitOf("A1")).toEqual({ status: "commissioned", lot: "L1", expiry: "2028-01-31", markets: [] });
    expect(await unitOf("A2")).toEqual({ status: "in_transit", lot: "L1", expiry: "2028-01-31", markets: ["DE"] });
    expect(await unitOf("A3")).toEqual({ status: "retail_sold", lot: "L;2", expiry: "2028-01-31", markets: ["FR"] });
    expect(await unitOf("B1", GTIN2)).toMatchObject({ status: "destroyed", lot: null });
    // A GTIN the brand had not registered becomes a bare product for editors to fill in.
    expect((await database.db.select({ org: products.organisationId }).from(products).where(eq(products.gtin, GTIN2)))[0]?.org).toBe(brand);
  });

  it("reports each bad row by line and column, and writes nothing for it", async () => {
    expect(job.errors.map((e) => [e.row, e.column])).toEqual([[5, "expiry"], [6, "gtin"], [7, "gtin"], [8, "status"]]);
    expect(job.errors[2]).toMatchObject({ value: FOREIGN, message: expect.stringContaining("outside your GS1 Company Prefixes") });
    for (const serial of ["A4", "A5", "A6", "A7"]) expect(await database.db.select().from(units).where(eq(units.serial, serial))).toEqual([]);
  });

  it("serves the full error report as CSV", async () => {
    const response = await call(errorsRoute, `/api/imports/${job.importID}/errors.csv`, { params: { id: job.importID } });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(await response.text()) as string[][];
    expect(rows[0]).toEqual(["row", "column", "value", "message"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([["5", "expiry", "2028-02-30"], ["6", "gtin", `${BAD_CHECK_DIGIT}`], ["7", "gtin", FOREIGN], ["8", "status", "teleported"]]);
  });

  it("importing the same file again writes no event and changes no state", async () => {
    const before = await eventCount();
    const again = await importCsv(MIXED);
    expect(again).toMatchObject({ status: "success", imported: 0, duplicates: 4, failed: 4, statusChanges: 0 });
    expect(await eventCount()).toBe(before);
    expect(await unitOf("A2")).toEqual({ status: "in_transit", lot: "L1", expiry: "2028-01-31", markets: ["DE"] });
  });

  it("lists the brand's imports, newest first, and only to the brand", async () => {
    const jobs = await listImportJobs(database.db, brand);
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    expect(jobs[1]!.id).toBe(job.importID);
    const rival = await call(jobRoute, `/api/imports/${job.importID}`, { key: rivalKey, params: { id: job.importID } });
    expect(rival.status).toBe(404);
    expect(rival.headers.get("content-type")).toBe("application/problem+json");
    const rivalReport = await call(errorsRoute, `/api/imports/${job.importID}/errors.csv`, { key: rivalKey, params: { id: job.importID } });
    expect(rivalReport.status).toBe(404);
  });
});

describe("statuses across imports", () => {
  it("applies a commissioning and a later decommissioning in order", async () => {
    await importCsv(`gtin,serial,lot,expiry,status\n${GTIN},SEQ1,L9,2029-06-30,commissioned\n`);
    expect(await unitOf("SEQ1")).toMatchObject({ status: "commissioned", lot: "L9" });
    await importCsv(`gtin,serial,status\n${GTIN},SEQ1,decommissioned\n`);
    expect(await unitOf("SEQ1")).toMatchObject({ status: "decommissioned", lot: "L9", expiry: "2029-06-30" });
  });

  it("applies rows for one unit in file order when they carry no time", async () => {
    await importCsv(`uri,status\nhttps://id.gs1.org/01/${GTIN}/10/L3/21/ORD1?17=300101,commissioned\n(01)${GTIN}(21)ORD1,shipped\n(01)${GTIN}(21)ORD1,received\n`);
    expect(await unitOf("ORD1")).toMatchObject({ status: "sellable", lot: "L3", expiry: "2030-01-01" });
  });
});

describe("chunks and limits", () => {
  it("processes a file chunk by chunk, recording progress, with the same outcome", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `${GTIN},CH${i},LC,,${i === 12 ? "bogus" : "shipped"}`);
    const csv = ["gtin,serial,lot,expiry,status", ...rows].join("\n");
    const { job } = await startImport(database.db, { organisationId: brand, userId: null, apiKeyId: null, text: csv });
    await appendAudit(database.db, { organisationId: brand, action: IMPORT_STARTED, targetType: "capture_job", targetId: job.id });
    const summary = await runImport(database.db, { organisationId: brand, jobId: job.id, text: csv, userId: null, apiKeyId: null, chunkRows: 4 });
    expect(summary).toMatchObject({ status: "success", rows: 25, imported: 24, failed: 1 });
    const stored = await findImportJob(database.db, brand, job.id);
    expect(stored).toMatchObject({ status: "success", eventCount: 25, processedCount: 25 });
    expect(stored!.errors).toEqual([{ eventIndex: 14, pointer: "/status", value: "bogus", message: expect.any(String) }]);
    const states = await database.db.select({ status: units.status }).from(units).where(and(eq(units.organisationId, brand), inArray(units.serial, rows.map((_, i) => `CH${i}`))));
    expect(states).toHaveLength(24);
    expect(new Set(states.map((s) => s.status))).toEqual(new Set(["in_transit"]));
  });

  it.each([
    ["an empty file", "", 400],
    ["an unknown column", "gtin,serial,status,colour\n", 400],
    ["no status column", "gtin,serial\n", 400],
  ])("refuses %s before creating a job", async (_, csv, status) => {
    const jobs = (await database.db.select({ n: count() }).from(captureJobs))[0]!.n;
    const response = await call(importRoute, "/api/imports/units", { body: csv, type: "text/csv" });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await database.db.select({ n: count() }).from(captureJobs))[0]!.n).toBe(jobs);
  });

  it("refuses an organisation without GS1 Company Prefixes (403)", async () => {
    const bare = (await createOrganisation(database.db, { slug: "bare", name: "Bare", kind: "brand" })).id;
    const key = (await issueApiKey(database.db, SECRET, { organisationId: bare, name: "bare", scopes: ["epcis:write"] })).token;
    const response = await call(importRoute, "/api/imports/units", { key, body: `gtin,serial,status\n${GTIN},X1,sold\n`, type: "text/csv" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toContain("no GS1 Company Prefixes");
  });

  it("refuses JSON (415) and accepts a multipart upload with its file name", async () => {
    expect((await call(importRoute, "/api/imports/units", { body: "{}", type: "application/json" })).status).toBe(415);
    const form = new FormData();
    form.append("file", new Blob([`gtin,serial,status\n${GTIN},MP1,sold\n`], { type: "text/csv" }), "units.csv");
    const accepted = await call(importRoute, "/api/imports/units", { body: form });
    expect(accepted.status).toBe(202);
    const { importID } = (await accepted.json()) as { importID: string };
    const job = (await (await call(jobRoute, `/api/imports/${importID}`, { params: { id: importID } })).json()) as ImportJobView;
    expect(job).toMatchObject({ status: "success", fileName: "units.csv", imported: 1 });
    expect(await unitOf("MP1")).toMatchObject({ status: "retail_sold" });
  });

  it("answers 404 for an EPCIS capture job or an unknown id", async () => {
    const [capture] = await database.db.insert(captureJobs).values({ organisationId: brand, status: "success" }).returning();
    for (const id of [capture!.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await call(jobRoute, `/api/imports/${id}`, { params: { id } })).status).toBe(404);
    }
  });
});
