// EPCIS capture and query end to end on both databases: GS1's official examples, idempotent replay,
// all-or-nothing on invalid input, ownership, late events, retraction, aggregation, tenant scoping.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "@/app/api/epcis/events/route";
import { POST as captureRoute } from "@/app/api/epcis/capture/route";
import { createOrganisation } from "@/db/queries/organisations";
import { captureJobs, epcisEvents, units } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { handleApiRequest } from "@/lib/access/with-api-route";
import { issueApiKey } from "@/lib/api-keys/issue-api-key";
import { validateEpcisDocument } from "@/lib/epcis";
import { AppError } from "@/lib/http/problem";
import { parseEventQuery, queryDocument, queryEvents } from "./query-events";
import { runDocumentCapture } from "./run-capture";

const examplesDir = path.resolve(process.cwd(), "../shared/epcis/JSON");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : f.endsWith(".jsonld") ? [path.join(dir, f)] : []));
const examples = files(examplesDir)
  .map((file) => ({ name: path.relative(examplesDir, file), json: JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown> }))
  .filter((e) => e.json.type === "EPCISDocument");

let database: TestDatabase;
let everything: string;
let brand: string;
let rival: string;
const GTIN = "09529999000019";
const urn = (serial: string) => `urn:epc:id:sgtin:9529999.000001.${serial}`;

beforeAll(async () => {
  database = await createTestDatabase();
  // A brand holding every prefix, so GS1's examples (many companies' identifiers) are all its own.
  everything = (await createOrganisation(database.db, { slug: "examples", name: "Examples", kind: "brand", companyPrefixes: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] })).id;
  brand = (await createOrganisation(database.db, { slug: "brand", name: "Brand", kind: "brand", companyPrefixes: ["9529999"] })).id;
  rival = (await createOrganisation(database.db, { slug: "rival", name: "Rival", kind: "brand", companyPrefixes: ["9521234"] })).id;
});

afterAll(async () => {
  await database?.drop();
});

const rowCount = async () => (await database.db.select({ n: count() }).from(epcisEvents))[0]!.n;
const doc = (eventList: Record<string, unknown>[]) => ({
  "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
  type: "EPCISDocument",
  schemaVersion: "2.0",
  creationDate: "2026-11-01T00:00:00Z",
  epcisBody: { eventList },
});
const event = (id: string, time: string, fields: Record<string, unknown>) => ({
  type: "ObjectEvent",
  eventID: `urn:uuid:${id}`,
  eventTime: time,
  eventTimeZoneOffset: "+01:00",
  action: "OBSERVE",
  ...fields,
});
const statusOf = async (serial: string) => (await database.db.select({ status: units.status, markets: units.markets, lot: units.lot, expiry: units.expiryDate }).from(units).where(and(eq(units.gtin, GTIN), eq(units.serial, serial))))[0];

describe("GS1's official EPCIS 2.0 examples", () => {
  it(`captures all ${examples.length} EPCISDocuments`, async () => {
    expect(examples.length).toBe(46);
    const failures: string[] = [];
    for (const example of examples) {
      try {
        const { job } = await runDocumentCapture(database.db, { organisationId: everything }, example.json);
        if (job.status !== "success") failures.push(`${example.name}: ${job.status}`);
      } catch (error) {
        failures.push(`${example.name}: ${error instanceof AppError ? `${error.detail} ${JSON.stringify(error.extensions).slice(0, 300)}` : String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("replaying a document writes nothing twice", async () => {
    const before = await rowCount();
    const { result } = await runDocumentCapture(database.db, { organisationId: everything }, examples[0]!.json);
    expect(result.inserted).toBe(0);
    expect(result.duplicates).toBe(result.events);
    expect(await rowCount()).toBe(before);
  });

  it("answers queries with documents shaped like GS1's EPCISQueryDocument example", async () => {
    const { events } = await queryEvents(database.db, everything, parseEventQuery(new URLSearchParams("perPage=1000")));
    const answer = queryDocument(events);
    const official = JSON.parse(readFileSync(path.join(examplesDir, "EPCISQueryDocument.jsonld"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(expect.arrayContaining(["type", "schemaVersion", "creationDate", "epcisBody"]));
    expect(answer.type).toBe(official.type);
    // Every member we answer is one GS1's example has (it also has subscriptionID, for subscriptions).
    expect(Object.keys((official.epcisBody as { queryResults: object }).queryResults)).toEqual(expect.arrayContaining(Object.keys(answer.epcisBody.queryResults)));
    expect(validateEpcisDocument(answer).ok).toBe(true);
  });
});

describe("bad input", () => {
  it("refuses a schema-invalid document with the event and pointer, writing nothing", async () => {
    const [rows, jobs] = [await rowCount(), (await database.db.select({ n: count() }).from(captureJobs))[0]!.n];
    const bad = doc([event("00000000-0000-4000-8000-00000000000a", "2026-01-01T10:00:00+01:00", { epcList: [urn("A1")] }), { type: "ObjectEvent", action: "OBSERVE", eventTimeZoneOffset: "+25:00" }]);
    const error = await runDocumentCapture(database.db, { organisationId: brand }, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).extensions.errors).toEqual(expect.arrayContaining([expect.objectContaining({ eventIndex: 1, pointer: expect.stringContaining("/epcisBody/eventList/1") })]));
    expect(await rowCount()).toBe(rows);
    expect((await database.db.select({ n: count() }).from(captureJobs))[0]!.n).toBe(jobs);
  });

  it("refuses identifiers outside the brand's GS1 Company Prefixes with 403", async () => {
    const foreign = doc([event("00000000-0000-4000-8000-00000000000b", "2026-01-01T10:00:00+01:00", { epcList: ["urn:epc:id:sgtin:9521234.000101.X"] })]);
    const error = await runDocumentCapture(database.db, { organisationId: brand }, foreign).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(403);
  });
});

describe("lifecycle through capture", () => {
  it("applies late events in eventTime order and never lets an older one overwrite a newer state", async () => {
    const commission = event("10000000-0000-4000-8000-000000000001", "2026-02-01T08:00:00+01:00", {
      action: "ADD", bizStep: "commissioning", disposition: "active", epcList: [urn("LATE1")],
      ilmd: { "cbvmda:lotNumber": "L1", "cbvmda:itemExpirationDate": "2028-02-01" },
    });
    const ship = event("10000000-0000-4000-8000-000000000002", "2026-02-03T08:00:00+01:00", {
      bizStep: "shipping", disposition: "in_transit", epcList: [urn("LATE1")],
      destinationList: [{ type: "location", destination: "urn:iso:std:iso:3166:-1:DE" }],
    });
    const receive = event("10000000-0000-4000-8000-000000000003", "2026-02-05T08:00:00+01:00", { bizStep: "receiving", disposition: "sellable_not_accessible", epcList: [urn("LATE1")] });
    // Arrival order: receiving first, commissioning last.
    await runDocumentCapture(database.db, { organisationId: brand }, doc([receive]));
    await runDocumentCapture(database.db, { organisationId: brand }, doc([ship]));
    await runDocumentCapture(database.db, { organisationId: brand }, doc([commission]));
    expect(await statusOf("LATE1")).toMatchObject({ status: "sellable", lot: "L1", expiry: "2028-02-01", markets: ["DE"] });
    const lateShip = event("10000000-0000-4000-8000-000000000004", "2026-02-02T08:00:00+01:00", { bizStep: "shipping", disposition: "in_transit", epcList: [urn("LATE1")] });
    await runDocumentCapture(database.db, { organisationId: brand }, doc([lateShip]));
    expect((await statusOf("LATE1"))!.status).toBe("sellable");

    // An error declaration retracts the receiving: the unit is back in transit.
    const retraction = { ...receive, errorDeclaration: { declarationTime: "2026-02-06T08:00:00+01:00", reason: "incorrect_data" } };
    const { result } = await runDocumentCapture(database.db, { organisationId: brand }, doc([retraction]));
    expect(result.retracted).toBe(1);
    expect((await statusOf("LATE1"))!.status).toBe("in_transit");
  });

  it("carries shipping and receiving of a case to the units packed in it", async () => {
    const sscc = "urn:epc:id:sscc:9529999.0000000001";
    await runDocumentCapture(database.db, { organisationId: brand }, doc([
      event("20000000-0000-4000-8000-000000000001", "2026-03-01T08:00:00+01:00", { action: "ADD", bizStep: "commissioning", disposition: "active", epcList: [urn("PK1"), urn("PK2")] }),
      { type: "AggregationEvent", eventID: "urn:uuid:20000000-0000-4000-8000-000000000002", eventTime: "2026-03-01T09:00:00+01:00", eventTimeZoneOffset: "+01:00", action: "ADD", bizStep: "packing", parentID: sscc, childEPCs: [urn("PK1"), urn("PK2")] },
      event("20000000-0000-4000-8000-000000000003", "2026-03-02T08:00:00+01:00", { bizStep: "shipping", disposition: "in_transit", epcList: [sscc] }),
    ]));
    expect((await statusOf("PK1"))!.status).toBe("in_transit");
    expect((await statusOf("PK2"))!.status).toBe("in_transit");
    await runDocumentCapture(database.db, { organisationId: brand }, doc([
      event("20000000-0000-4000-8000-000000000004", "2026-03-04T08:00:00+01:00", { bizStep: "receiving", disposition: "sellable_not_accessible", epcList: [sscc] }),
    ]));
    expect((await statusOf("PK2"))!.status).toBe("sellable");
  });
});

describe("large documents", () => {
  it("captures 2,000 events for 1,000 units in one transaction", async () => {
    const events = Array.from({ length: 2000 }, (_, i) =>
      event(`40000000-0000-4000-8000-${String(i).padStart(12, "0")}`, `2026-05-0${i < 1000 ? 1 : 2}T08:00:00+01:00`, {
        action: i < 1000 ? "ADD" : "OBSERVE",
        bizStep: i < 1000 ? "commissioning" : "shipping",
        disposition: i < 1000 ? "active" : "in_transit",
        epcList: [urn(`BULK${i % 1000}`)],
      }),
    );
    const { result } = await runDocumentCapture(database.db, { organisationId: brand }, doc(events));
    expect(result).toMatchObject({ inserted: 2000, units: 1000, statusChanges: 1000 });
    expect((await statusOf("BULK999"))!.status).toBe("in_transit");
  });
});

describe("tenants", () => {
  type Route = { definition: { access: Parameters<typeof handleApiRequest>[1]; handler: Parameters<typeof handleApiRequest>[2] } };
  const SECRET = "capture-test-secret-0123456789abcdefghijklmnopq";
  const call = async (route: Route, method: string, url: string, token: string, body?: unknown) =>
    handleApiRequest(
      { db: database.db, currentUser: async () => null, defer: (t) => void t() },
      route.definition.access,
      route.definition.handler as never,
      new Request(`http://localhost${url}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/ld+json" }, body: body ? JSON.stringify(body) : undefined }),
      {} as never,
    );

  it("one brand's key can neither write nor read another brand's events", async () => {
    const rivalKey = (await issueApiKey(database.db, SECRET, { organisationId: rival, name: "rival", scopes: ["epcis:write", "epcis:read"] })).token;
    const brandKey = (await issueApiKey(database.db, SECRET, { organisationId: brand, name: "brand", scopes: ["epcis:read", "epcis:write"] })).token;
    const write = await call(captureRoute as unknown as Route, "POST", "/api/epcis/capture", rivalKey, doc([event("30000000-0000-4000-8000-000000000001", "2026-04-01T08:00:00+01:00", { epcList: [urn("RIVAL")] })]));
    expect(write.status).toBe(403);
    const rivalRead = await call(eventsRoute as unknown as Route, "GET", `/api/epcis/events?MATCH_epc=${encodeURIComponent(urn("PK1"))}`, rivalKey);
    expect(((await rivalRead.json()) as ReturnType<typeof queryDocument>).epcisBody.queryResults.resultsBody.eventList).toEqual([]);
    const ownRead = await call(eventsRoute as unknown as Route, "GET", `/api/epcis/events?MATCH_epc=${encodeURIComponent(urn("PK1"))}`, brandKey);
    expect(ownRead.status).toBe(200);
    expect(((await ownRead.json()) as ReturnType<typeof queryDocument>).epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
    const own = await call(captureRoute as unknown as Route, "POST", "/api/epcis/capture", brandKey, doc([event("30000000-0000-4000-8000-000000000002", "2026-04-01T08:00:00+01:00", { action: "ADD", bizStep: "commissioning", disposition: "active", epcList: [urn("OWN1")] })]));
    expect(own.status).toBe(202);
    expect(own.headers.get("location")).toMatch(/^\/api\/epcis\/capture\/[0-9a-f-]{36}$/);
  });

  it("pages through results with nextPageToken", async () => {
    const first = await queryEvents(database.db, everything, parseEventQuery(new URLSearchParams("perPage=5")));
    expect(first.events).toHaveLength(5);
    const second = await queryEvents(database.db, everything, parseEventQuery(new URLSearchParams(`perPage=5&nextPageToken=${first.nextPageToken}`)));
    expect(second.events[0]).not.toEqual(first.events[0]);
  });
});
