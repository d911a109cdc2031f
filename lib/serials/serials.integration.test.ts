// Serial issuance and its exports against a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL).
import { parse } from "csv-parse/sync";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import * as t from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { completeGtin, parseDigitalLink } from "@/lib/gs1";
import { AppError } from "@/lib/http/problem";
import { CSV_COLUMNS, openSerialExport, toReadableStream } from "./export-serials";
import { issueSerials, type IssueSerialsInput } from "./issue-serials";
import { generateSerials } from "./serial-generator";

let database: TestDatabase;
let brandId: string;
let otherBrandId: string;
const products: Record<string, string> = {};

const gtin = (body: string) => {
  const result = completeGtin(body);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.padStart(14, "0");
};
const GTIN_MAIN = gtin("0950600013435");
const GTIN_SMALL = gtin("0950600013436");
const GTIN_COLLIDE = gtin("0950600013437");

async function addProduct(organisationId: string, code: string) {
  const [row] = await database.db
    .insert(t.products)
    .values({ organisationId, gtin: code, name: { en: code }, brandName: "Acme", category: "pharmaceutical" })
    .returning();
  products[code] = row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const brands = await database.db
    .insert(t.organisations)
    .values([
      { slug: "acme", name: "Acme", kind: "brand", companyPrefixes: ["9506000"] },
      { slug: "other", name: "Other", kind: "brand", companyPrefixes: ["9506001"] },
    ])
    .returning();
  brandId = brands[0]!.id;
  otherBrandId = brands[1]!.id;
  for (const code of [GTIN_MAIN, GTIN_SMALL, GTIN_COLLIDE]) await addProduct(brandId, code);
});

afterAll(async () => {
  await database?.drop();
});

const request = (overrides: Partial<IssueSerialsInput> = {}): IssueSerialsInput => ({
  organisationId: brandId,
  productId: products[GTIN_MAIN]!,
  gtin: GTIN_MAIN,
  lot: "LOT-A1",
  expiryDate: "2027-12-31",
  quantity: 1_000,
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe("issueSerials", () => {
  let batchId: string;
  let smallBatchId: string;

  it("commissions 1,000 unique units in a batch, reporting progress", async () => {
    const progress: number[] = [];
    const issued = await issueSerials(database.db, { ...request(), requestKey: "order-1", chunkSize: 300, onProgress: (done) => progress.push(done) });
    batchId = issued.batch.id;
    expect(issued).toMatchObject({ created: true, collisions: 0, batch: { quantity: 1_000, organisationId: brandId }, lot: { lot: "LOT-A1", expiryDate: "2027-12-31" } });
    expect(progress).toEqual([300, 600, 900, 1_000]);
    const rows = await database.db.select().from(t.units).where(eq(t.units.serialBatchId, batchId));
    expect(rows).toHaveLength(1_000);
    expect(new Set(rows.map((r) => r.serial)).size).toBe(1_000);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "commissioned", gtin: GTIN_MAIN, lot: "LOT-A1", expiryDate: "2027-12-31", lotId: issued.lot.id, organisationId: brandId });
      expect(row.commissionedAt).toBeInstanceOf(Date);
      expect(row.serial).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}$/);
    }
  });

  it("returns the same batch for the same request key and writes nothing new", async () => {
    const again = await issueSerials(database.db, { ...request(), requestKey: "order-1" });
    expect(again).toMatchObject({ created: false, batch: { id: batchId } });
    const [count] = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from units where gtin = ${GTIN_MAIN}`);
    expect(Number(count!.n)).toBe(1_000);
    expect((await refusal(issueSerials(database.db, { ...request(), quantity: 5, requestKey: "order-1" }))).code).toBe("conflict");
  });

  it("reuses the lot for the same product and lot", async () => {
    const second = await issueSerials(database.db, { ...request(), quantity: 10 });
    const lots = await database.db.select().from(t.lots).where(eq(t.lots.gtin, GTIN_MAIN));
    expect(lots.map((l) => l.id)).toEqual([second.lot.id]);
  });

  it("refuses a pool whose guess probability would pass 1 in 10,000, writing nothing", async () => {
    // 10^6 possible six-digit serials hold at most 100.
    const small = request({ productId: products[GTIN_SMALL]!, gtin: GTIN_SMALL, alphabet: "0123456789", length: 6 });
    await issueSerials(database.db, { ...small, quantity: 100 });
    const error = await refusal(issueSerials(database.db, { ...small, quantity: 1, requestKey: "too-many" }));
    expect(error.code).toBe("conflict");
    expect(error.extensions).toMatchObject({ reason: "serial_pool_exhausted", remaining: 0 });
    const batches = await database.db.select().from(t.serialBatches).where(eq(t.serialBatches.productId, products[GTIN_SMALL]!));
    expect(batches).toHaveLength(1);
  });

  it("draws again when a serial already exists for the GTIN", async () => {
    await database.db.insert(t.units).values({ organisationId: brandId, productId: products[GTIN_COLLIDE]!, gtin: GTIN_COLLIDE, serial: "TAKEN" });
    let calls = 0;
    const drawSerials: typeof generateSerials = (count, format) => (calls++ === 0 ? ["TAKEN", ...generateSerials(count - 1, format)] : generateSerials(count, format));
    const issued = await issueSerials(database.db, { ...request({ productId: products[GTIN_COLLIDE]!, gtin: GTIN_COLLIDE, quantity: 50 }), drawSerials });
    expect(issued.collisions).toBe(1);
    smallBatchId = issued.batch.id;
    const units = await database.db.select().from(t.units).where(eq(t.units.serialBatchId, issued.batch.id));
    expect(units).toHaveLength(50);
  });

  it.each([
    ["a quantity of 0", { quantity: 0 }, "bad_request"],
    ["a bad GTIN check digit", { gtin: "09506000134351" }, "bad_request"],
    ["another product's GTIN", { gtin: GTIN_SMALL }, "bad_request"],
    ["a lot outside CSET 82", { lot: "LOT 1" }, "bad_request"],
    ["a contradicting expiry", { expiryDate: "2028-01-31" }, "conflict"],
    ["an alphabet that needs percent-encoding", { alphabet: "AB/" }, "bad_request"],
    ["another brand's product", { organisationId: "00000000-0000-4000-8000-000000000000" }, "not_found"],
  ] as const)("refuses %s", async (_, overrides, code) => {
    expect((await refusal(issueSerials(database.db, request(overrides)))).code).toBe(code);
  });

  describe("exports", () => {
    const stem = "https://acme.example/dl";

    it("streams the batch as CSV with Digital Links that parse back", async () => {
      const exporter = await openSerialExport(database.db, { organisationId: brandId, batchId, stem, pageSize: 128 });
      const progress: [number, number][] = [];
      const rows = parse(await collect(exporter.csv((done, total) => progress.push([done, total]))), { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(1_000);
      expect(progress.at(-1)).toEqual([1_000, 1_000]);
      expect(progress).toHaveLength(8);
      const stored = await database.db.select({ serial: t.units.serial }).from(t.units).where(eq(t.units.serialBatchId, batchId));
      expect(new Set(rows.map((r) => r.serial))).toEqual(new Set(stored.map((s) => s.serial)));
      for (const row of rows) {
        const link = parseDigitalLink(row.digital_link!);
        if (!link.ok) throw new Error(link.error.message);
        expect(link.value.stem).toBe(stem);
        expect(link.value.elementString).toBe(`(01)${GTIN_MAIN}(10)LOT-A1(21)${row.serial}(17)271231`);
        expect(row).toMatchObject({ gtin: GTIN_MAIN, lot: "LOT-A1", expiry: "2027-12-31", element_string: `(01)${GTIN_MAIN}(17)271231(10)LOT-A1(21)${row.serial}` });
      }
    });

    it("streams one GS1 DataMatrix SVG per unit as NDJSON", async () => {
      const exporter = await openSerialExport(database.db, { organisationId: brandId, batchId, pageSize: 256 });
      const lines = (await collect(exporter.printFile({ format: "ndjson" }))).trimEnd().split("\n");
      expect(lines).toHaveLength(1_000);
      const labels = lines.map((line) => JSON.parse(line) as { serial: string; symbology: string; data: string; svg: string });
      expect(new Set(labels.map((l) => l.serial)).size).toBe(1_000);
      for (const label of labels) {
        expect(label.symbology).toBe("gs1datamatrix");
        expect(label.data).toBe(`(01)${GTIN_MAIN}(17)271231(10)LOT-A1(21)${label.serial}`);
        expect(label.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+".*<path d="M[^"]+"\/><\/svg>$/);
      }
    });

    it("lays QR labels out on A4 pages of an HTML sheet, through a Web stream", async () => {
      // QR encoding is slow (mask scoring), so the 50-unit batch: 16 labels a page → 4 pages, the last partial.
      const exporter = await openSerialExport(database.db, { organisationId: brandId, batchId: smallBatchId, stem, pageSize: 20 });
      const response = new Response(toReadableStream(exporter.printFile({ layout: { symbology: "qrcode", columns: 4, rows: 4 } })));
      const html = await response.text();
      expect(html.startsWith("<!doctype html>")).toBe(true);
      expect(html.match(/class="label"/g)).toHaveLength(50);
      expect(html.match(/<section class="page">/g)).toHaveLength(4);
      expect(html.match(/<\/section>/g)).toHaveLength(4);
      expect(html.trimEnd().endsWith("</html>")).toBe(true);
    });

    it("does not export another brand's batch", async () => {
      const error = await refusal(openSerialExport(database.db, { organisationId: otherBrandId, batchId }));
      expect(error.code).toBe("not_found");
      expect((await refusal(openSerialExport(database.db, { organisationId: brandId, batchId: "not-a-uuid" }))).code).toBe("not_found");
    });

    it("keeps another brand's units out even if one is attached to the batch", async () => {
      // A unit of another brand pointing at this batch (which no write path makes) must still stay out.
      await database.db.insert(t.products).values({ organisationId: otherBrandId, gtin: gtin("0950600113439"), name: { en: "x" }, brandName: "O", category: "other" });
      const [other] = await database.db.select().from(t.products).where(and(eq(t.products.organisationId, otherBrandId)));
      await database.db.insert(t.units).values({ organisationId: otherBrandId, productId: other!.id, gtin: other!.gtin, serial: "FOREIGN", serialBatchId: batchId });
      const exporter = await openSerialExport(database.db, { organisationId: brandId, batchId });
      const csv = await collect(exporter.csv());
      expect(csv).not.toContain("FOREIGN");
      expect(csv.trimEnd().split("\n")).toHaveLength(1_001);
    });
  });
});
