// The page's verdict without a recorded scan: weighed now for the code on the page, recording nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import { createOrganisation } from "@/db/queries/organisations";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { verdictForCode } from "./recorded-verdict";

const G = "09506000134352";
const NOW = new Date("2026-11-25T12:00:00Z");
const browser = new Headers({ "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1" });
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const brand = (await createOrganisation(database.db, { slug: "page-brand", name: "Brand", kind: "brand", companyPrefixes: ["9506000"] })).id;
  await database.db.execute(`insert into products (organisation_id, gtin, name, brand_name, category) values ('${brand}', '${G}', '{"en":"Cardiolex"}', 'Medivia', 'pharmaceutical')`);
  const [product] = await selectRows<{ id: string }>(database.db, `select id from products where gtin = '${G}'`);
  await database.db.execute(
    `insert into units (organisation_id, product_id, gtin, serial, lot, expiry_date, status, markets) values
     ('${brand}', '${product!.id}', '${G}', 'S1', 'L1', '2029-02-25', 'sellable', '{DE}'),
     ('${brand}', '${product!.id}', '${G}', 'NR1', 'L1', '2029-02-25', 'commissioned', '{}')`,
  );
});

afterAll(async () => {
  await database?.drop();
});

const code = (serial: string, lot: string | null, expiry: string | null) => ({ gtin: G, cpv: null, lot, serial, expiry });

describe("verdictForCode", () => {
  it.each([
    ["the code matches the record", code("S1", "L1", "290225"), { level: "genuine" }],
    ["the lot was altered", code("S1", "L9", "290225"), { level: "counterfeit", publicReasons: ["unknown"] }],
    ["the expiry was altered", code("S1", "L1", "300101"), { level: "counterfeit", publicReasons: ["unknown"] }],
    ["a serial never issued", code("NOPE", "L1", null), { level: "counterfeit", publicReasons: ["unknown"] }],
    ["a unit never released reads like an unknown one", code("NR1", "L1", null), { level: "counterfeit", publicReasons: ["unknown"] }],
  ])("%s", async (_, given, expected) => {
    expect(await verdictForCode(database.db, given, browser, NOW)).toMatchObject(expected);
  });

  it("records nothing", async () => {
    await verdictForCode(database.db, code("S1", "L1", null), browser, NOW);
    expect(await selectRows(database.db, "select 1 from scans")).toHaveLength(0);
  });
});
