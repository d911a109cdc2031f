// The case page's read and the evidence/photo downloads on a real database: everything around a case,
// always the brand's own (another brand's case number reads as absent), and the exports' shape, their
// activity and audit entries, and who may fetch them.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as evidenceRoute } from "@/app/api/cases/[id]/evidence/route";
import { GET as photoRoute } from "@/app/api/reports/[id]/photos/[index]/route";
import { addMembership } from "@/db/queries/memberships";
import { createOrganisation } from "@/db/queries/organisations";
import { createUser } from "@/db/queries/users";
import { auditLog, blacklistEntries, caseActivities, cases, consumerReports, epcisEvents, lots, products, scans, unitEvents, units } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { handleApiRequest, type RouteAccess, type RouteDependencies } from "@/lib/access/with-api-route";
import { EVIDENCE_CSV_COLUMNS, EVIDENCE_PACK_FORMAT, type EvidencePack } from "@/lib/cases/evidence-pack";
import { findCaseDetail } from "./case-detail";

const GTIN_A = "09506000134352";
const GTIN_B = "09506000134369";
const PHOTO = "0f8fad5b-d9cb-469f-a165-70867728950e";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

let database: TestDatabase;
let dataDir: string;
const ids = {} as Record<"brandA" | "brandB" | "ownerA" | "analystA" | "editorA" | "ownerB" | "caseA" | "codeCaseA" | "caseB" | "reportA" | "reportB", string>;
let unitA: number;

const day = (d: number, h = 10) => new Date(Date.UTC(2026, 2, d, h));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "genuine-case-detail-"));
  process.env.DATA_DIR = dataDir;
  await mkdir(path.join(dataDir, "uploads"));
  await writeFile(path.join(dataDir, "uploads", `${PHOTO}.png`), PNG);

  database = await createTestDatabase();
  const db = database.db;
  ids.brandA = (await createOrganisation(db, { slug: "detail-a", name: "Brand A", kind: "brand" })).id;
  ids.brandB = (await createOrganisation(db, { slug: "detail-b", name: "Brand B", kind: "brand" })).id;
  for (const [key, email, org, role] of [
    ["ownerA", "owner@a.example", ids.brandA, "owner"],
    ["analystA", "analyst@a.example", ids.brandA, "analyst"],
    ["editorA", "editor@a.example", ids.brandA, "editor"],
    ["ownerB", "owner@b.example", ids.brandB, "owner"],
  ] as const) {
    ids[key] = (await createUser(db, { email })).id;
    await addMembership(db, org, ids[key], role);
  }

  const [productA] = await db.insert(products).values({ organisationId: ids.brandA, gtin: GTIN_A, name: { en: "Pill A" }, brandName: "A", category: "pharmaceutical", intendedMarkets: ["FR"] }).returning();
  const [productB] = await db.insert(products).values({ organisationId: ids.brandB, gtin: GTIN_B, name: { en: "Bag B" }, brandName: "B", category: "luxury" }).returning();
  const [lotA] = await db.insert(lots).values({ organisationId: ids.brandA, productId: productA!.id, gtin: GTIN_A, lot: "L1", expiryDate: "2027-12-31", site: "Lyon" }).returning();
  const [u] = await db
    .insert(units)
    .values({ organisationId: ids.brandA, productId: productA!.id, gtin: GTIN_A, serial: "SER1", lotId: lotA!.id, lot: "L1", expiryDate: "2027-12-31", status: "retail_sold", markets: ["FR"] })
    .returning();
  unitA = u!.id;
  const [unitB] = await db.insert(units).values({ organisationId: ids.brandB, productId: productB!.id, gtin: GTIN_B, serial: "SER1", status: "sellable" }).returning();

  const caseRow = (organisationId: string, number: number, extra: Partial<typeof cases.$inferInsert>) => ({
    organisationId,
    number,
    gtin: GTIN_A,
    serial: "SER1",
    lot: "L1",
    severity: "high" as const,
    risk: 80,
    rules: ["distinct_scanners"],
    evidence: [{ rule: "distinct_scanners", severity: "high" as const, detail: { scanners: 14, limit: 10 } }],
    scanCount: 3,
    countries: ["FR", "AU"],
    firstSeenAt: day(1),
    lastSeenAt: day(4),
    ...extra,
  });
  ids.caseA = (await db.insert(cases).values(caseRow(ids.brandA, 1, { unitId: unitA, productId: productA!.id, assigneeId: ids.analystA })).returning())[0]!.id;
  ids.codeCaseA = (await db.insert(cases).values(caseRow(ids.brandA, 2, { unitId: null, productId: productA!.id, serial: "INVENTED", lot: null, rules: ["unknown_serial"], evidence: [] })).returning())[0]!.id;
  ids.caseB = (await db.insert(cases).values(caseRow(ids.brandB, 1, { unitId: unitB!.id, productId: productB!.id, gtin: GTIN_B, rules: ["burst"] })).returning())[0]!.id;

  const scan = (organisationId: string, unitId: number | null, gtin: string, serial: string, at: Date, extra: Partial<typeof scans.$inferInsert> = {}) => ({
    organisationId,
    unitId,
    gtin,
    serial,
    scannedAt: at,
    country: "FR",
    city: "Paris",
    latitude: 48.9,
    longitude: 2.3,
    deviceFingerprint: `k1.dev-${at.getTime()}`,
    sourceFingerprint: "k1.net",
    userAgentClass: "browser" as const,
    verdict: "genuine" as const,
    risk: 5,
    ...extra,
  });
  await db.insert(scans).values([
    scan(ids.brandA, unitA, GTIN_A, "SER1", day(1)),
    scan(ids.brandA, unitA, GTIN_A, "SER1", day(2), { verdict: "suspect", risk: 55, reasons: ["distinct_scanners"] }),
    scan(ids.brandA, unitA, GTIN_A, "SER1", day(4), { country: "AU", city: "Sydney", latitude: -33.9, longitude: 151.2, verdict: "counterfeit", risk: 90, reasons: ["impossible_travel"] }),
    // The code case's scans: the invented serial of brand A, not another serial, not another brand's.
    scan(ids.brandA, null, GTIN_A, "INVENTED", day(3), { verdict: "counterfeit", risk: 95, reasons: ["unknown_serial"], rawCode: `/01/${GTIN_A}/21/INVENTED` }),
    scan(ids.brandA, null, GTIN_A, "OTHER", day(3), { verdict: "counterfeit" }),
    scan(ids.brandB, unitB!.id, GTIN_B, "SER1", day(3)),
  ]);

  const [event] = await db
    .insert(epcisEvents)
    .values({ organisationId: ids.brandA, eventId: "ev-1", type: "ObjectEvent", action: "ADD", bizStep: "commissioning", disposition: "active", eventTime: day(1, 1), eventTimeZoneOffset: "+01:00", document: {} })
    .returning();
  await db.insert(unitEvents).values({ unitId: unitA, eventId: event!.id, role: "epc", eventTime: day(1, 1) });

  ids.reportA = (
    await db
      .insert(consumerReports)
      .values({ organisationId: ids.brandA, unitId: unitA, gtin: GTIN_A, serial: "SER1", message: "Smells odd", photos: [{ key: `uploads/${PHOTO}.png`, mediaType: "image/png", bytes: PNG.byteLength }], contactEmail: "c@example.com" })
      .returning()
  )[0]!.id;
  ids.reportB = (
    await db.insert(consumerReports).values({ organisationId: ids.brandB, unitId: unitB!.id, gtin: GTIN_B, serial: "SER1", message: "B's report", photos: [{ key: `uploads/${PHOTO}.png`, mediaType: "image/png", bytes: 12 }] }).returning()
  )[0]!.id;

  await db.insert(caseActivities).values([
    { caseId: ids.caseA, organisationId: ids.brandA, kind: "opened", body: "Opened by distinct_scanners", createdAt: day(1) },
    { caseId: ids.caseA, organisationId: ids.brandA, kind: "comment", body: "Looking", actorUserId: ids.analystA, createdAt: day(2) },
  ]);
  await db.insert(blacklistEntries).values({ organisationId: ids.brandA, gtin: GTIN_A, serial: "SER1", reason: "Confirmed", caseId: ids.caseA, createdBy: ids.ownerA });
});

afterAll(async () => {
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("findCaseDetail", () => {
  it("loads the case with its unit, product, scans (newest first), lifecycle, reports, activity with actors, and blacklisting", async () => {
    const detail = (await findCaseDetail(database.db, ids.brandA, { number: 1 }))!;
    expect(detail.case).toMatchObject({ id: ids.caseA, number: 1, assigneeEmail: "analyst@a.example" });
    expect(detail.unit).toMatchObject({ id: unitA, serial: "SER1", lot: "L1", expiryDate: "2027-12-31", status: "retail_sold", markets: ["FR"], lotSite: "Lyon" });
    expect(detail.product).toMatchObject({ gtin: GTIN_A, name: { en: "Pill A" } });
    expect(detail.scans.map((s) => [s.at.toISOString(), s.verdict])).toEqual([
      [day(4).toISOString(), "counterfeit"],
      [day(2).toISOString(), "suspect"],
      [day(1).toISOString(), "genuine"],
    ]);
    expect(detail.scans[0]).toMatchObject({ country: "AU", city: "Sydney", reasons: ["impossible_travel"], userAgentClass: "browser", sourceFingerprint: "k1.net" });
    expect([detail.scanTotal, detail.scanTotalCapped]).toEqual([3, false]);
    expect(detail.lifecycle.map((e) => e.bizStep)).toEqual(["commissioning"]);
    expect(detail.reports.map((r) => r.message)).toEqual(["Smells odd"]);
    expect(detail.activities.map((a) => [a.kind, a.actorEmail])).toEqual([
      ["opened", null],
      ["comment", "analyst@a.example"],
    ]);
    expect(detail.blacklisted).toMatchObject({ reason: "Confirmed", createdByEmail: "owner@a.example" });
  });

  it("finds the same case by id, and bounds the scans while counting them all", async () => {
    const detail = (await findCaseDetail(database.db, ids.brandA, { id: ids.caseA }, { scanLimit: 2 }))!;
    expect(detail.case.number).toBe(1);
    expect(detail.scans.map((s) => s.verdict)).toEqual(["counterfeit", "suspect"]);
    expect(detail.scanTotal).toBe(3);
  });

  it("reads a code naming no unit through its GTIN + serial as scanned, and only the brand's own scans of it", async () => {
    const detail = (await findCaseDetail(database.db, ids.brandA, { number: 2 }))!;
    expect(detail.unit).toBeNull();
    expect(detail.lifecycle).toEqual([]);
    expect(detail.scans.map((s) => [s.serial, s.rawCode])).toEqual([["INVENTED", `/01/${GTIN_A}/21/INVENTED`]]);
    expect(detail.reports).toEqual([]);
    expect(detail.blacklisted).toBeNull();
  });

  it.each([
    ["another brand's case by id", () => ({ org: ids.brandA, key: { id: ids.caseB } })],
    ["a number the brand does not have", () => ({ org: ids.brandA, key: { number: 99 } })],
    ["a malformed id", () => ({ org: ids.brandA, key: { id: "not-a-uuid" } })],
    ["a number out of range", () => ({ org: ids.brandA, key: { number: 2 ** 40 } })],
    ["a negative number", () => ({ org: ids.brandA, key: { number: -1 } })],
  ])("reads %s as absent", async (_label, given) => {
    const { org, key } = given();
    expect(await findCaseDetail(database.db, org, key)).toBeNull();
  });

  it("gives each brand its own case #1: the number never reaches across brands", async () => {
    const a = (await findCaseDetail(database.db, ids.brandA, { number: 1 }))!;
    const b = (await findCaseDetail(database.db, ids.brandB, { number: 1 }))!;
    expect(a.case.id).toBe(ids.caseA);
    expect(b.case.id).toBe(ids.caseB);
    expect(b.scans.every((s) => s.gtin === GTIN_B)).toBe(true);
    expect(b.reports.map((r) => r.message)).toEqual(["B's report"]);
    expect(b.activities).toEqual([]);
    expect(b.blacklisted).toBeNull();
  });
});

type Route = { definition: { access: RouteAccess; handler: unknown } };

async function call(route: Route, url: string, params: unknown, user: { id: string; email: string } | null, org: string) {
  const deps: RouteDependencies = { db: database.db, currentUser: async () => user, defer: (task) => void task() };
  const request = new Request(`http://localhost:3000${url}`, { headers: { "x-genuine-organisation": org } });
  return handleApiRequest(deps, route.definition.access, route.definition.handler as never, request, params as never);
}
const person = (key: "ownerA" | "analystA" | "editorA" | "ownerB", email: string) => ({ id: ids[key], email });

describe("GET /api/cases/{id}/evidence", () => {
  it("answers the evidence pack as a JSON attachment, and notes the export in the case's activity and the audit log", async () => {
    const response = await call(evidenceRoute, `/api/cases/${ids.caseA}/evidence?format=json`, { id: ids.caseA }, person("analystA", "analyst@a.example"), "detail-a");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="case-1-evidence.json"');
    const pack = (await response.json()) as EvidencePack;
    expect(pack).toMatchObject({
      format: EVIDENCE_PACK_FORMAT,
      generatedBy: "analyst@a.example",
      organisation: { slug: "detail-a" },
      case: { id: ids.caseA, number: 1, assignee: "analyst@a.example" },
      unit: { serial: "SER1", status: "retail_sold" },
      blacklisted: { reason: "Confirmed", by: "owner@a.example" },
      scans: { included: 3, total: 3 },
    });
    expect(Object.keys(pack)).toEqual(["format", "generatedAt", "generatedBy", "organisation", "case", "product", "unit", "blacklisted", "rules", "scans", "lifecycle", "reports", "activities"]);
    // jsonb keeps an object's keys in its own order: compare the figures as a set.
    expect(pack.rules[0]?.rule).toBe("distinct_scanners");
    expect(pack.rules[0]?.figures).toEqual(expect.arrayContaining([{ label: "Scanners", value: "14" }, { label: "Limit", value: "10" }]));
    expect(pack.scans.items.map((s) => s.verdict)).toEqual(["genuine", "suspect", "counterfeit"]);
    expect(pack.reports[0]).toMatchObject({ message: "Smells odd", contactProvided: true, photos: [{ index: 0, mediaType: "image/png", url: `/api/reports/${ids.reportA}/photos/0?org=detail-a` }] });
    expect(JSON.stringify(pack)).not.toContain("c@example.com");

    const activity = await database.db.select().from(caseActivities).where(and(eq(caseActivities.caseId, ids.caseA), eq(caseActivities.kind, "exported")));
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ actorUserId: ids.analystA, body: "Evidence pack exported as JSON (3 scans)" });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organisationId, ids.brandA), eq(auditLog.action, "case.evidence_exported")));
    expect(audit.at(-1)).toMatchObject({ actorUserId: ids.analystA, targetType: "case", targetId: ids.caseA, metadata: { number: 1, format: "json", scans: 3 } });
  });

  it("answers the scans as CSV, oldest first", async () => {
    const response = await call(evidenceRoute, `/api/cases/${ids.caseA}/evidence?format=csv`, { id: ids.caseA }, person("ownerA", "owner@a.example"), "detail-a");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="case-1-evidence.csv"');
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...EVIDENCE_CSV_COLUMNS]);
    expect(rows.map((r) => [r.verdict, r.country])).toEqual([
      ["genuine", "FR"],
      ["suspect", "FR"],
      ["counterfeit", "AU"],
    ]);
  });

  it.each([
    ["an editor of the brand (no cases:read)", "editorA", "editor@a.example", "detail-a", (): string => ids.caseA, "json", 403],
    ["the owner of another brand, naming their own brand", "ownerB", "owner@b.example", "detail-b", (): string => ids.caseA, "json", 404],
    ["the owner of another brand, naming this brand", "ownerB", "owner@b.example", "detail-a", (): string => ids.caseA, "json", 404],
    ["a case id that is nobody's", "ownerA", "owner@a.example", "detail-a", (): string => "00000000-0000-4000-8000-000000000000", "json", 404],
    ["a malformed case id", "ownerA", "owner@a.example", "detail-a", (): string => "42", "json", 404],
    ["an unknown format", "ownerA", "owner@a.example", "detail-a", (): string => ids.caseA, "xml", 400],
  ] as const)("refuses %s", async (_label, who, email, org, caseId, format, status) => {
    const response = await call(evidenceRoute, `/api/cases/${caseId()}/evidence?format=${format}`, { id: caseId() }, person(who, email), org);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 401 to an anonymous caller", async () => {
    const response = await call(evidenceRoute, `/api/cases/${ids.caseA}/evidence`, { id: ids.caseA }, null, "detail-a");
    expect(response.status).toBe(401);
  });
});

describe("GET /api/reports/{id}/photos/{index}", () => {
  it("serves the brand's report photo with its media type, never sniffed, never active, privately cached", async () => {
    const response = await call(photoRoute, `/api/reports/${ids.reportA}/photos/0`, { id: ids.reportA, index: "0" }, person("analystA", "analyst@a.example"), "detail-a");
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    expect(Object.fromEntries(["content-type", "x-content-type-options", "content-security-policy", "cache-control"].map((h) => [h, response.headers.get(h)]))).toEqual({
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=3600",
    });
  });

  it.each([
    ["another brand's report", "analystA", "analyst@a.example", "detail-a", (): string => ids.reportB, "0", 404],
    ["a brand reading its own report through the other brand", "ownerB", "owner@b.example", "detail-b", (): string => ids.reportA, "0", 404],
    ["an index past the photos", "analystA", "analyst@a.example", "detail-a", (): string => ids.reportA, "1", 404],
    ["an index that is not a number", "analystA", "analyst@a.example", "detail-a", (): string => ids.reportA, "..", 404],
    ["a malformed report id", "analystA", "analyst@a.example", "detail-a", (): string => "x", "0", 404],
    ["an editor (no cases:read)", "editorA", "editor@a.example", "detail-a", (): string => ids.reportA, "0", 403],
  ] as const)("refuses %s", async (_label, who, email, org, reportId, index, status) => {
    const response = await call(photoRoute, `/api/reports/${reportId()}/photos/${index}`, { id: reportId(), index }, person(who, email), org);
    expect(response.status).toBe(status);
  });

  it("answers 404 when the file is gone from the data folder", async () => {
    await rm(path.join(dataDir, "uploads", `${PHOTO}.png`));
    const response = await call(photoRoute, `/api/reports/${ids.reportA}/photos/0`, { id: ids.reportA, index: "0" }, person("ownerA", "owner@a.example"), "detail-a");
    expect(response.status).toBe(404);
    await writeFile(path.join(dataDir, "uploads", `${PHOTO}.png`), PNG);
  });
});
