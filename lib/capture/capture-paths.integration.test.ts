// The two replay paths of a capture must agree: units the capture creates replay from its own events
// (in memory), units that existed replay from their stored history. Mixed documents, late events,
// retractions and packing within one capture, on both databases.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation } from "@/db/queries/organisations";
import { products, units, unitEvents } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { runDocumentCapture } from "./run-capture";

let database: TestDatabase;
let brand: string;
let other: string;
const GTIN = "09529999000019";
const urn = (serial: string) => `urn:epc:id:sgtin:9529999.000001.${serial}`;
const sscc = (n: number) => `urn:epc:id:sscc:9529999.${String(n).padStart(10, "0")}`;
let eventNumber = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "paths", name: "Paths", kind: "brand", companyPrefixes: ["9529999"] })).id;
  other = (await createOrganisation(database.db, { slug: "paths-twin", name: "Twin", kind: "brand", companyPrefixes: ["9529999"] })).id;
});

afterAll(async () => {
  await database?.drop();
});

const doc = (eventList: Record<string, unknown>[]) => ({
  "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
  type: "EPCISDocument",
  schemaVersion: "2.0",
  creationDate: "2026-11-01T00:00:00Z",
  epcisBody: { eventList },
});
const event = (time: string, fields: Record<string, unknown>) => ({
  type: "ObjectEvent",
  eventID: `urn:uuid:50000000-0000-4000-8000-${String(++eventNumber).padStart(12, "0")}`,
  eventTime: time,
  eventTimeZoneOffset: "+01:00",
  action: "OBSERVE",
  ...fields,
});
const commission = (time: string, serials: string[], lot?: string) =>
  event(time, { action: "ADD", bizStep: "commissioning", disposition: "active", epcList: serials.map(urn), ...(lot ? { ilmd: { "cbvmda:lotNumber": lot, "cbvmda:itemExpirationDate": "2029-01-31" } } : {}) });
const ship = (time: string, epcs: string[], country?: string) =>
  event(time, { bizStep: "shipping", disposition: "in_transit", epcList: epcs, ...(country ? { destinationList: [{ type: "location", destination: `urn:iso:std:iso:3166:-1:${country}` }] } : {}) });
const receive = (time: string, epcs: string[]) => event(time, { bizStep: "receiving", disposition: "sellable_not_accessible", epcList: epcs });
const pack = (time: string, parent: string, serials: string[], action = "ADD") => ({
  type: "AggregationEvent", eventID: `urn:uuid:50000000-0000-4000-8000-${String(++eventNumber).padStart(12, "0")}`, eventTime: time, eventTimeZoneOffset: "+01:00",
  action, bizStep: action === "ADD" ? "packing" : "unpacking", parentID: parent, childEPCs: serials.map(urn),
});

async function unitRows(organisationId: string, serials: string[]) {
  const rows = await database.db
    .select({ serial: units.serial, status: units.status, statusEventTime: units.statusEventTime, markets: units.markets, lot: units.lot, expiry: units.expiryDate, parentEpc: units.parentEpc, commissionedAt: units.commissionedAt, id: units.id })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.gtin, GTIN), inArray(units.serial, serials)));
  return new Map(rows.map(({ id: _id, ...r }) => [r.serial, r]));
}
const capture = async (events: Record<string, unknown>[], organisationId = brand) => (await runDocumentCapture(database.db, { organisationId }, doc(events))).result;

describe("units created by the capture and units with stored history", () => {
  it("end in the same state whether the events come in one document or one by one, late ones last", async () => {
    const story = (p: string) => [
      commission("2026-06-01T08:00:00+01:00", [`${p}1`, `${p}2`], "LOT-A"),
      pack("2026-06-01T09:00:00+01:00", sscc(p === "ONE" ? 11 : 12), [`${p}1`, `${p}2`]),
      ship("2026-06-02T08:00:00+01:00", [sscc(p === "ONE" ? 11 : 12)], "FR"),
      pack("2026-06-05T08:00:00+01:00", sscc(p === "ONE" ? 11 : 12), [], "DELETE"),
      receive("2026-06-04T08:00:00+01:00", [urn(`${p}1`)]),
      ship("2026-06-03T08:00:00+01:00", [urn(`${p}2`)], "DE"),
    ];
    await capture(story("ONE"));
    // Containment is what the database knows on arrival, so packing arrives in order; the rest late.
    for (const e of story("MANY")) await capture([e]);
    const one = await unitRows(brand, ["ONE1", "ONE2"]);
    const many = await unitRows(brand, ["MANY1", "MANY2"]);
    for (const n of ["1", "2"]) {
      const { serial: _a, ...a } = one.get(`ONE${n}`)!;
      const { serial: _b, ...b } = many.get(`MANY${n}`)!;
      expect(a).toEqual(b);
    }
    expect(one.get("ONE1")).toMatchObject({ status: "sellable", lot: "LOT-A", expiry: "2029-01-31", markets: ["FR"], parentEpc: null });
    expect(one.get("ONE2")).toMatchObject({ status: "in_transit", markets: ["FR", "DE"] });
  });

  it("mixes new units with units whose stored history receives a late event in the same capture", async () => {
    await capture([commission("2026-07-01T08:00:00+01:00", ["OLD1", "OLD2"], "LOT-OLD"), receive("2026-07-05T08:00:00+01:00", [urn("OLD1")])]);
    const result = await capture([
      // Late for OLD1 (older than its receiving): recorded, but it never overwrites the newer state.
      ship("2026-07-03T08:00:00+01:00", [urn("OLD1"), urn("OLD2"), urn("NEW1")], "IT"),
      commission("2026-07-02T08:00:00+01:00", ["NEW1", "NEW2"], "LOT-NEW"),
    ]);
    expect(result).toMatchObject({ inserted: 2, units: 4, statusChanges: 3 });
    const rows = await unitRows(brand, ["OLD1", "OLD2", "NEW1", "NEW2"]);
    expect(rows.get("OLD1")).toMatchObject({ status: "sellable", lot: "LOT-OLD", markets: ["IT"] });
    expect(rows.get("OLD2")).toMatchObject({ status: "in_transit", lot: "LOT-OLD", markets: ["IT"] });
    expect(rows.get("NEW1")).toMatchObject({ status: "in_transit", lot: "LOT-NEW", markets: ["IT"] });
    expect(rows.get("NEW2")).toMatchObject({ status: "commissioned", lot: "LOT-NEW", markets: [] });
    expect(rows.get("NEW2")!.commissionedAt?.toISOString()).toBe("2026-07-02T07:00:00.000Z");
  });

  it("keeps what a serial issuance stored on a unit that has no events yet", async () => {
    const [product] = await database.db.select({ id: products.id }).from(products).where(eq(products.gtin, GTIN));
    await database.db.insert(units).values({ organisationId: brand, productId: product!.id, gtin: GTIN, serial: "ISSUED1", status: "issued", lot: "LOT-S", expiryDate: "2030-12-31" });
    const result = await capture([commission("2026-08-01T08:00:00+01:00", ["ISSUED1", "FRESH1"])]);
    expect(result).toMatchObject({ units: 2, statusChanges: 2 });
    const rows = await unitRows(brand, ["ISSUED1", "FRESH1"]);
    expect(rows.get("ISSUED1")).toMatchObject({ status: "commissioned", lot: "LOT-S", expiry: "2030-12-31" });
    expect(rows.get("FRESH1")).toMatchObject({ status: "commissioned", lot: null, expiry: null });
  });

  it("drops an event retracted in the same document from a new unit's history", async () => {
    const commissioning = commission("2026-09-01T08:00:00+01:00", ["GONE1"]);
    const shipping = ship("2026-09-02T08:00:00+01:00", [urn("GONE1")], "ES");
    const retraction = { ...shipping, errorDeclaration: { declarationTime: "2026-09-03T08:00:00+01:00", reason: "did_not_occur" } };
    const result = await capture([commissioning, shipping, retraction]);
    expect(result).toMatchObject({ inserted: 3, retracted: 1, units: 1 });
    expect((await unitRows(brand, ["GONE1"])).get("GONE1")).toMatchObject({ status: "commissioned", markets: [] });
  });

  it("ships units packed before the capture together with units packed in it", async () => {
    await capture([commission("2026-10-01T08:00:00+01:00", ["BOX1"]), pack("2026-10-01T09:00:00+01:00", sscc(21), ["BOX1"])]);
    const result = await capture([
      commission("2026-10-02T08:00:00+01:00", ["BOX2"]),
      pack("2026-10-02T09:00:00+01:00", sscc(21), ["BOX2"]),
      ship("2026-10-03T08:00:00+01:00", [sscc(21)], "NL"),
    ]);
    expect(result).toMatchObject({ units: 2, statusChanges: 2 });
    const rows = await unitRows(brand, ["BOX1", "BOX2"]);
    for (const serial of ["BOX1", "BOX2"]) expect(rows.get(serial)).toMatchObject({ status: "in_transit", markets: ["NL"], parentEpc: sscc(21) });
  });

  it("counts an eventID sent twice in one document once, and refuses another brand's GTIN whole", async () => {
    const once = commission("2026-11-01T08:00:00+01:00", ["TWICE1"]);
    const result = await capture([once, once]);
    expect(result).toMatchObject({ events: 2, inserted: 1, duplicates: 1, units: 1 });
    // The twin brand holds the same prefix but the GTIN is the first brand's product: nothing is written.
    const twin = await capture([receive("2026-11-02T08:00:00+01:00", [urn("TWICE1")])], other).catch((e: unknown) => e);
    expect(twin).toMatchObject({ status: 409 });
    const [row] = await database.db.select({ id: units.id, status: units.status }).from(units).where(eq(units.serial, "TWICE1"));
    expect(row!.status).toBe("commissioned");
    expect(await database.db.select().from(unitEvents).where(eq(unitEvents.unitId, row!.id))).toHaveLength(1);
  });
});
