// The queue query on a real database: every filter, both sorts, search by serial and by code, counts
// by status, keyset pagination both ways, and never another brand's cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation } from "@/db/queries/organisations";
import { createUser } from "@/db/queries/users";
import { cases, products, type CaseSeverity, type CaseStatus } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { countQueueCasesByStatus, listQueueCases, listQueueFilterChoices, type CaseQueueFilter } from "./case-queue";

const G1 = "09506000134352";
const G2 = "09506000134369";
let database: TestDatabase;
let brand: string;
let other: string;
let me: string;
let colleague: string;
const numbers = new Map<string, number>();

const anything: CaseQueueFilter = {
  statuses: [],
  severities: [],
  rules: [],
  gtin: null,
  lot: null,
  country: null,
  seenFrom: null,
  seenTo: null,
  assignee: "anyone",
  search: null,
  sort: "risk",
};

interface Seed {
  number: number;
  status?: CaseStatus;
  severity?: CaseSeverity;
  risk: number;
  gtin?: string;
  serial?: string | null;
  lot?: string | null;
  rules?: string[];
  countries?: string[];
  first: string;
  last: string;
  assignee?: () => string;
  organisationId?: () => string;
}

// Numbers name the cases in the expectations below.
const seeds: Seed[] = [
  { number: 1, risk: 95, severity: "critical", serial: "CLONE1", rules: ["impossible_travel", "distinct_scanners"], countries: ["FR", "AU"], first: "2026-03-01T08:00:00Z", last: "2026-03-03T08:00:00Z", assignee: () => me },
  { number: 2, risk: 80, severity: "high", serial: "CLONE2", lot: "L2", rules: ["distinct_scanners"], countries: ["DE"], first: "2026-03-05T08:00:00Z", last: "2026-03-06T08:00:00Z" },
  { number: 3, risk: 80, severity: "high", serial: "CLONE3", rules: ["out_of_market"], countries: ["BR"], first: "2026-03-02T08:00:00Z", last: "2026-03-09T08:00:00Z", assignee: () => colleague },
  { number: 4, risk: 60, status: "investigating", severity: "medium", gtin: G2, serial: "OTHERPROD", rules: ["burst"], countries: ["FR"], first: "2026-02-01T08:00:00Z", last: "2026-02-02T08:00:00Z" },
  { number: 5, risk: 99, status: "dismissed", severity: "critical", serial: "INVENTED", lot: null, rules: ["unknown_serial"], countries: ["US"], first: "2026-03-10T08:00:00Z", last: "2026-03-10T09:00:00Z" },
  { number: 6, risk: 70, status: "confirmed_counterfeit", severity: "high", serial: "CLONE6", rules: ["impossible_travel"], countries: ["CN"], first: "2026-01-10T08:00:00Z", last: "2026-01-11T08:00:00Z" },
  { number: 7, risk: 40, severity: "low", serial: null, rules: ["probing"], countries: [], first: "2026-03-04T08:00:00Z", last: "2026-03-04T09:00:00Z" },
  // Another brand's case with the same serial and GTIN: it must never show.
  { number: 1, risk: 99, severity: "critical", serial: "CLONE1", rules: ["impossible_travel"], countries: ["FR"], first: "2026-03-01T08:00:00Z", last: "2026-03-20T08:00:00Z", organisationId: () => other },
];

async function list(filter: Partial<CaseQueueFilter>, options: { limit?: number; cursor?: { after: string } | { before: string } } = {}) {
  const page = await listQueueCases(database.db, brand, { ...anything, ...filter }, { viewerUserId: me, ...options });
  return { ...page, numbers: page.rows.map((r) => r.number) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "queue-brand", name: "Brand", kind: "brand" })).id;
  other = (await createOrganisation(database.db, { slug: "queue-other", name: "Other", kind: "brand" })).id;
  me = (await createUser(database.db, { email: "me@queue.example" })).id;
  colleague = (await createUser(database.db, { email: "colleague@queue.example", name: "Col League" })).id;
  const productRows = await database.db
    .insert(products)
    .values([
      { organisationId: brand, gtin: G1, name: { en: "Serum" }, brandName: "B", category: "cosmetics" },
      { organisationId: brand, gtin: G2, name: { en: "Cream" }, brandName: "B", category: "cosmetics" },
    ])
    .returning({ id: products.id, gtin: products.gtin });
  const productOf = new Map(productRows.map((p) => [p.gtin, p.id]));
  for (const s of seeds) {
    const organisationId = s.organisationId?.() ?? brand;
    const [row] = await database.db
      .insert(cases)
      .values({
        organisationId,
        number: s.number,
        gtin: s.gtin ?? G1,
        productId: organisationId === brand ? productOf.get(s.gtin ?? G1)! : null,
        serial: s.serial === undefined ? `S${s.number}` : s.serial,
        lot: s.lot === undefined ? "L1" : s.lot,
        status: s.status ?? "open",
        severity: s.severity ?? "high",
        risk: s.risk,
        rules: s.rules ?? [],
        countries: s.countries ?? [],
        assigneeId: s.assignee?.() ?? null,
        firstSeenAt: new Date(s.first),
        lastSeenAt: new Date(s.last),
      })
      .returning({ id: cases.id });
    if (organisationId === brand) numbers.set(row!.id, s.number);
  }
});

afterAll(async () => {
  await database?.drop();
});

describe("listQueueCases", () => {
  it("sorts by risk, then most recently seen, and only the brand's cases", async () => {
    expect((await list({})).numbers).toEqual([5, 1, 3, 2, 6, 4, 7]);
  });

  it("sorts by recency", async () => {
    expect((await list({ sort: "recent" })).numbers).toEqual([5, 3, 2, 7, 1, 4, 6]);
  });

  it.each([
    ["statuses", { statuses: ["open", "investigating"] }, [1, 3, 2, 4, 7]],
    ["a decided status", { statuses: ["dismissed"] }, [5]],
    ["severities", { severities: ["critical", "low"] }, [5, 1, 7]],
    ["a rule", { rules: ["impossible_travel"] }, [1, 6]],
    ["any of several rules", { rules: ["burst", "probing"] }, [4, 7]],
    ["a product", { gtin: G2 }, [4]],
    ["a lot", { lot: "L2" }, [2]],
    ["a country", { country: "FR" }, [1, 4]],
    ["a date range (overlapping the seen window)", { seenFrom: new Date("2026-03-04T00:00:00Z"), seenTo: new Date("2026-03-06T00:00:00Z") }, [3, 2, 7]],
    ["my cases", { assignee: "me" }, [1]],
    ["unassigned cases", { assignee: "unassigned" }, [5, 2, 6, 4, 7]],
    ["a serial", { search: { kind: "serial", serial: "CLONE2", gtin: null } }, [2]],
    ["a serial that is also a GTIN", { search: { kind: "serial", serial: G2, gtin: G2 } }, [4]],
    ["a code with serial", { search: { kind: "code", gtin: G1, serial: "CLONE1", lot: null } }, [1]],
    ["a code with lot but no serial", { search: { kind: "code", gtin: G1, serial: null, lot: "L2" } }, [2]],
    ["a code of another GTIN", { search: { kind: "code", gtin: G2, serial: "CLONE1", lot: null } }, []],
    ["several filters at once", { statuses: ["open"], severities: ["high"], country: "BR", assignee: "anyone" }, [3]],
  ] as const)("filters by %s", async (_, filter, expected) => {
    expect((await list(filter as Partial<CaseQueueFilter>)).numbers).toEqual(expected);
  });

  it("returns what a row shows: product name, assignee, rules, countries", async () => {
    const { rows } = await list({ search: { kind: "serial", serial: "CLONE3", gtin: null } });
    expect(rows[0]).toMatchObject({ number: 3, productName: { en: "Serum" }, assigneeEmail: "colleague@queue.example", assigneeName: "Col League", rules: ["out_of_market"], countries: ["BR"], status: "open" });
  });

  it.each(["risk", "recent"] as const)("pages forwards and back by keyset (%s)", async (sort) => {
    const all = (await list({ sort })).numbers;
    const first = await list({ sort }, { limit: 3 });
    expect(first.numbers).toEqual(all.slice(0, 3));
    expect(first.previousBefore).toBeNull();
    const second = await list({ sort }, { limit: 3, cursor: { after: first.nextAfter! } });
    expect(second.numbers).toEqual(all.slice(3, 6));
    const third = await list({ sort }, { limit: 3, cursor: { after: second.nextAfter! } });
    expect(third.numbers).toEqual(all.slice(6));
    expect(third.nextAfter).toBeNull();
    const back = await list({ sort }, { limit: 3, cursor: { before: third.previousBefore! } });
    expect(back.numbers).toEqual(all.slice(3, 6));
    expect(back.nextAfter).toBe(second.nextAfter);
    const start = await list({ sort }, { limit: 3, cursor: { before: back.previousBefore! } });
    expect(start.numbers).toEqual(all.slice(0, 3));
    expect(start.previousBefore).toBeNull();
  });

  it("reads another brand's case id as a cursor to nowhere", async () => {
    const foreign = await listQueueCases(database.db, other, anything, { viewerUserId: me });
    expect((await list({}, { cursor: { after: foreign.rows[0]!.id } })).rows).toEqual([]);
  });
});

describe("countQueueCasesByStatus", () => {
  it("counts every status for the other filters, ignoring the status filter", async () => {
    expect(await countQueueCasesByStatus(database.db, brand, { ...anything, statuses: ["dismissed"] }, me)).toEqual({ open: 4, investigating: 1, confirmed_counterfeit: 1, dismissed: 1, resolved: 0 });
    expect(await countQueueCasesByStatus(database.db, brand, { ...anything, rules: ["impossible_travel"] }, me)).toEqual({ open: 1, investigating: 0, confirmed_counterfeit: 1, dismissed: 0, resolved: 0 });
    expect(await countQueueCasesByStatus(database.db, other, anything, me)).toEqual({ open: 1, investigating: 0, confirmed_counterfeit: 0, dismissed: 0, resolved: 0 });
  });
});

describe("listQueueFilterChoices", () => {
  it("offers the products, rules and countries of the brand's own cases", async () => {
    const choices = await listQueueFilterChoices(database.db, brand);
    expect(choices.products).toEqual([
      { gtin: G1, name: { en: "Serum" } },
      { gtin: G2, name: { en: "Cream" } },
    ]);
    expect(choices.rules).toEqual(["burst", "distinct_scanners", "impossible_travel", "out_of_market", "probing", "unknown_serial"]);
    expect(choices.countries).toEqual(["AU", "BR", "CN", "DE", "FR", "US"]);
  });
});
