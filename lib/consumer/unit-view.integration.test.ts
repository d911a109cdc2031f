// What the consumer page reads for each kind of code, straight from a seeded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listActiveRecalls, listUnitHistory, findUnit } from "@/db/queries/units";
import { seedDemo } from "@/lib/demo/seed";
import { showcaseCodes, showcaseUnits } from "@/lib/demo/showcase";
import { listShowcaseLinks } from "@/lib/demo/showcase-links";
import { parseUnitPath } from "@/lib/consumer/unit-path";
import { loadUnitView } from "@/lib/consumer/unit-view";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";

const NOW = new Date("2026-11-25T12:00:00Z");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { now: NOW });
});

afterAll(async () => {
  await database?.drop();
});

const showcase = (key: string) => showcaseUnits.find((s) => s.key === key)!;
const view = (gtin: string, lot: string | null, serial: string | null, language: string | null = null) =>
  loadUnitView(database.db, { gtin, lot, serial, cpv: null, expiry: null }, language, NOW);

describe("consumer unit view", () => {
  it.each([
    ["genuine-medicine", "good", "Registered by the brand"],
    ["genuine-watch", "good", "Registered by the brand"],
    ["recalled", "bad", "Recalled"],
    ["stolen", "bad", "Reported stolen"],
    ["dispensed", "warn", "Already dispensed"],
    ["expired", "bad", "Expired"],
  ])("%s reads as %s: %s", async (key, tone, headline) => {
    const s = showcase(key);
    const result = await view(s.gtin, s.lot, s.serial);
    expect(result.summary).toMatchObject({ tone, headline });
    expect(result.journey[0]?.label).toBe("Made and registered");
  });

  it("answers an unknown serial and an unknown GTIN alike", async () => {
    const unknown = showcaseCodes.find((c) => c.key === "unknown")!;
    const a = await view(unknown.gtin, unknown.lot, unknown.serial);
    const b = await view("09506000999991", null, "X");
    expect(a.summary?.headline).toBe("We have no record of this product");
    expect(b.summary?.headline).toBe(a.summary?.headline);
    expect(a.journey).toEqual([]);
  });

  it("does not reveal an unreleased (commissioned, never shipped) unit", async () => {
    const unreleased = await database.db.query.units.findFirst({ where: (u, { eq }) => eq(u.status, "commissioned") });
    const result = await view(unreleased!.gtin, unreleased!.lot, unreleased!.serial);
    expect(result.summary?.headline).toBe("We have no record of this product");
    expect(result.unit).toBeNull();
    expect(result.journey).toEqual([]);
  });

  it("shows the recall notice in the visitor's language, for the recalled lot only", async () => {
    const s = showcase("recalled");
    const german = await view(s.gtin, s.lot, s.serial, "de-AT,de;q=0.9,en;q=0.5");
    expect(german.locale).toBe("de");
    expect(german.recalls.map((r) => r.title)).toEqual(["Rückruf: Cardiolex 20 mg, Charge CX24B03"]);
    expect(german.provenance?.title).toBe("Cardiolex 20 mg Filmtabletten, 30");
    const otherLot = await view(s.gtin, "CX24A17", showcase("genuine-medicine").serial);
    expect(otherLot.recalls).toEqual([]);
  });

  it("scopes history and recalls to the unit's own brand", async () => {
    const s = showcase("recalled");
    const record = await findUnit(database.db, s.gtin, s.serial);
    const otherBrand = await database.db.query.organisations.findFirst({ where: (o, { eq }) => eq(o.slug, "maison-aurele") });
    expect(await listUnitHistory(database.db, record!.unit.organisationId, record!.unit.id)).not.toEqual([]);
    expect(await listUnitHistory(database.db, otherBrand!.id, record!.unit.id)).toEqual([]);
    expect(await listActiveRecalls(database.db, otherBrand!.id, s.gtin, s.lot, NOW)).toEqual([]);
  });

  it("lists demo links that parse and lead to the units they describe", async () => {
    const links = await listShowcaseLinks(database.db);
    expect(links.map((l) => l.key)).toEqual([...showcaseUnits.map((s) => s.key), ...showcaseCodes.map((c) => c.key)]);
    for (const link of links) {
      const url = new URL(link.path, "https://id.example");
      const segments = url.pathname.split("/").slice(1).map(decodeURIComponent);
      expect(parseUnitPath(segments, url.search), link.path).not.toBeNull();
    }
  });
});
