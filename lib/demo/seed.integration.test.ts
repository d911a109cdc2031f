// The demo data set: realistic, complete, idempotent, and written all-or-nothing.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/demo/catalogue";
import { seedDemo, type SeedSummary } from "@/lib/demo/seed";
import { showcaseUnits } from "@/lib/demo/showcase";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";

const NOW = new Date("2026-11-25T12:00:00Z");
let database: TestDatabase;
let summary: SeedSummary;

beforeAll(async () => {
  database = await createTestDatabase();
  summary = await seedDemo(database.db, { now: NOW });
});

afterAll(async () => {
  await database?.drop();
});

const countOf = async (table: typeof t.units | typeof t.scans | typeof t.epcisEvents | typeof t.cases | typeof t.organisations) => {
  const [row] = await database.db.select({ n: count() }).from(table);
  return row!.n;
};

describe("demo seed", () => {
  it("creates two brands in different industries, each with a retailer", async () => {
    const orgs = await database.db.select().from(t.organisations).orderBy(t.organisations.slug);
    expect(orgs.map((o) => [o.slug, o.kind])).toEqual([
      ["boutique-rivoli", "retailer"],
      ["maison-aurele", "brand"],
      ["medivia", "brand"],
      ["pharmacie-du-parc", "retailer"],
    ]);
    const categories = await database.db.selectDistinct({ category: t.products.category }).from(t.products);
    expect(categories.map((c) => c.category).sort()).toEqual(["luxury", "pharmaceutical"]);
  });

  it("writes what it reports, with at least 1,000 units and their histories", async () => {
    expect(summary.seeded).toBe(true);
    expect(summary.units).toBeGreaterThanOrEqual(1000);
    expect(await countOf(t.units)).toBe(summary.units);
    expect(await countOf(t.epcisEvents)).toBe(summary.events);
    expect(await countOf(t.scans)).toBe(summary.scans);
    expect(await countOf(t.cases)).toBe(summary.cases);
    // Every unit was commissioned by an event it is linked to.
    const [orphans] = await database.db
      .select({ n: count() })
      .from(t.units)
      .where(sql`not exists (select 1 from unit_events ue where ue.unit_id = ${t.units.id})`);
    expect(orphans!.n).toBe(0);
  });

  it("gives one user per role per brand, each signing in with the documented password", async () => {
    const rows = await database.db
      .select({ email: t.users.email, role: t.memberships.role, hash: t.users.passwordHash, org: t.organisations.slug })
      .from(t.memberships)
      .innerJoin(t.users, eq(t.users.id, t.memberships.userId))
      .innerJoin(t.organisations, eq(t.organisations.id, t.memberships.organisationId));
    expect(rows.map((r) => `${r.role}@${r.org}`).sort()).toEqual([
      "analyst@maison-aurele", "analyst@medivia", "editor@maison-aurele", "editor@medivia",
      "owner@maison-aurele", "owner@medivia", "retailer@boutique-rivoli", "retailer@pharmacie-du-parc",
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, rows[0]!.hash)).toBe(true);
    expect(await verifyPassword("wrong", rows[0]!.hash)).toBe(false);
  });

  it("has a recalled lot, a stolen shipment, dispensed and sold units, and unreleased stock", async () => {
    const statuses = await database.db.select({ status: t.units.status, n: count() }).from(t.units).groupBy(t.units.status);
    const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    for (const status of ["recalled", "stolen", "dispensed", "retail_sold", "sellable", "commissioned"]) {
      expect(byStatus[status], status).toBeGreaterThan(0);
    }
    const [recall] = await database.db.select().from(t.recalls);
    expect(recall).toMatchObject({ gtin: "09506000134352", lots: ["CX24B03"] });
    const recalledLots = await database.db.selectDistinct({ lot: t.units.lot }).from(t.units).where(eq(t.units.status, "recalled"));
    expect(recalledLots).toEqual([{ lot: "CX24B03" }]);
  });

  it("shapes every showcase unit to its story", async () => {
    const units = await database.db
      .select({ serial: t.units.serial, status: t.units.status })
      .from(t.units)
      .where(inArray(t.units.serial, showcaseUnits.map((s) => s.serial)));
    const expected: Record<string, string> = { sellable: "sellable", retail_sold: "retail_sold", dispensed: "dispensed", recalled: "recalled", stolen: "stolen", clone: "retail_sold" };
    expect(Object.fromEntries(units.map((u) => [u.serial, u.status]))).toEqual(
      Object.fromEntries(showcaseUnits.map((s) => [s.serial, expected[s.fate]])),
    );
  });

  it("records clones as scans from many countries, with an open case and its evidence", async () => {
    const clone = showcaseUnits.find((s) => s.fate === "clone")!;
    const [openCase] = await database.db.select().from(t.cases).where(eq(t.cases.serial, clone.serial));
    expect(openCase).toMatchObject({ status: "open", rules: ["distinct_scanners", "impossible_travel", "out_of_market"] });
    const travel = openCase!.evidence.find((e) => e.rule === "impossible_travel")!;
    expect(Number(travel.detail.kmh)).toBeGreaterThan(900);
    const [countries] = await database.db
      .select({ n: sql<number>`count(distinct ${t.scans.country})::int` })
      .from(t.scans)
      .where(and(eq(t.scans.unitId, openCase!.unitId!)));
    expect(countries!.n).toBeGreaterThanOrEqual(5);
  });

  it("does nothing when run again", async () => {
    const again = await seedDemo(database.db, { now: NOW });
    expect(again.seeded).toBe(false);
    expect(await countOf(t.organisations)).toBe(4);
  });
});

describe("demo seed atomicity", () => {
  it("leaves nothing behind when a write fails half-way", async () => {
    const fresh = await createTestDatabase();
    try {
      // A user that collides with a demo account makes the seed fail after the organisations were written.
      await fresh.db.insert(t.users).values({ email: "owner@medivia.example" });
      await expect(seedDemo(fresh.db, { now: NOW })).rejects.toThrow();
      const [orgs] = await fresh.db.select({ n: count() }).from(t.organisations);
      const [units] = await fresh.db.select({ n: count() }).from(t.units);
      expect([orgs!.n, units!.n]).toEqual([0, 0]);
    } finally {
      await fresh.drop();
    }
  });
});
