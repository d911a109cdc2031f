// Durability of scan recording against a real database that breaks mid-run: every scan handed to the
// writer lands exactly once after the database comes back — from memory, and from the spool file after
// a "restart" (a second writer on the same spool).
import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import { insertScans, type NewScan } from "@/db/queries/scans";
import { createOrganisation } from "@/db/queries/organisations";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { ScanWriter } from "./scan-writer";

let database: TestDatabase;
let brand: string;

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "scan-brand", name: "Scan brand", kind: "brand", companyPrefixes: ["9529999"] })).id;
});

afterAll(async () => {
  await database?.drop();
});

function scan(i: number): NewScan {
  return {
    ref: randomUUID(),
    scannedAt: new Date(Date.UTC(2026, 10, 1, 12, 0, 0, i)).toISOString(),
    organisationId: brand,
    gtin: "09529999000019",
    serial: `S${i}`,
    codeLot: "L1",
    codeExpiry: "2027-12-31",
    rawCode: null,
    country: "DE",
    region: null,
    city: null,
    latitude: 50.9,
    longitude: 7,
    sourceFingerprint: "k1.source",
    deviceFingerprint: "k1.device",
    userAgentClass: "browser",
    channel: "consumer",
    language: "de",
    linkType: null,
    context: null,
  };
}

const stored = async (refs: string[]) =>
  (await selectRows<{ n: number }>(database.db, `select count(*)::int as n from scans where ref in (${refs.map((r) => `'${r}'`).join(",")})`))[0]!.n;
const breakDatabase = () => database.db.execute("alter table scans rename to scans_broken");
const repairDatabase = () => database.db.execute("alter table scans_broken rename to scans");

describe("ScanWriter", () => {
  it("writes batches once, idempotently by ref", async () => {
    const writer = new ScanWriter({ write: (batch) => insertScans(database.db, batch), lingerMs: 1 });
    const scans = Array.from({ length: 1200 }, (_, i) => scan(i));
    for (const s of scans) writer.enqueue(s);
    await writer.flush();
    expect(await stored(scans.map((s) => s.ref))).toBe(1200);
    // A retried batch whose first attempt committed adds nothing.
    expect(await insertScans(database.db, scans.slice(0, 10))).toBe(0);
    expect(writer.pending()).toBe(0);
    writer.close();
  });

  it("keeps every scan while the database is broken, and writes each once when it is back", async () => {
    const spool = path.join(mkdtempSync(path.join(tmpdir(), "genuine-spool-")), "scans.jsonl");
    const errors: unknown[] = [];
    const writer = new ScanWriter({ write: (batch) => insertScans(database.db, batch), spoolFile: spool, lingerMs: 1, retryInitialMs: 60_000, onError: (e) => errors.push(e) });
    const before = Array.from({ length: 50 }, (_, i) => scan(10_000 + i));
    before.forEach((s) => writer.enqueue(s));
    await writer.flush();
    expect(await stored(before.map((s) => s.ref))).toBe(50);

    await breakDatabase();
    const during = Array.from({ length: 300 }, (_, i) => scan(20_000 + i));
    during.forEach((s) => writer.enqueue(s));
    await writer.flush();
    expect(errors.length).toBeGreaterThan(0);
    expect(writer.pending()).toBe(300);
    expect(existsSync(spool)).toBe(true);
    // Still broken: a retry puts everything back in the spool.
    await writer.retryNow();
    expect(writer.pending()).toBe(300);

    // The process "restarts" while the database is still down: a new writer finds the spool.
    writer.close();
    await repairDatabase();
    const restarted = new ScanWriter({ write: (batch) => insertScans(database.db, batch), spoolFile: spool, lingerMs: 1 });
    await restarted.retryNow();
    const all = [...before, ...during];
    expect(await stored(all.map((s) => s.ref))).toBe(350);
    expect(restarted.pending()).toBe(0);
    expect(existsSync(spool)).toBe(false);
    // Re-running the retry (e.g. a crash before the spool was removed) writes nothing twice.
    await restarted.retryNow();
    expect(await stored(all.map((s) => s.ref))).toBe(350);
    restarted.close();
  });

  it("without a spool file, holds failed scans in memory and retries them", async () => {
    const writer = new ScanWriter({ write: (batch) => insertScans(database.db, batch), lingerMs: 1, retryInitialMs: 60_000 });
    await breakDatabase();
    const scans = Array.from({ length: 20 }, (_, i) => scan(30_000 + i));
    scans.forEach((s) => writer.enqueue(s));
    await writer.flush();
    expect(writer.pending()).toBe(20);
    await repairDatabase();
    await writer.retryNow();
    expect(await stored(scans.map((s) => s.ref))).toBe(20);
    expect(writer.pending()).toBe(0);
    writer.close();
  });

  it("links each scan to its unit by GTIN and serial", async () => {
    await database.db.execute(`insert into products (organisation_id, gtin, name, brand_name, category) values ('${brand}', '09529999000019', '{"en":"P"}', 'B', 'other') on conflict do nothing`);
    const [product] = await selectRows<{ id: string }>(database.db, "select id from products where gtin = '09529999000019'");
    await database.db.execute(`insert into units (organisation_id, product_id, gtin, serial, status) values ('${brand}', '${product!.id}', '09529999000019', 'KNOWN1', 'active')`);
    const known = { ...scan(40_000), serial: "KNOWN1" };
    const unknown = { ...scan(40_001), serial: "NEVER-ISSUED", organisationId: null };
    await insertScans(database.db, [known, unknown]);
    const rows = await selectRows<{ serial: string; unit_id: number | null; organisation_id: string | null }>(
      database.db,
      `select serial, unit_id, organisation_id from scans where ref in ('${known.ref}', '${unknown.ref}') order by serial`,
    );
    expect(rows.map((r) => [r.serial, r.unit_id !== null])).toEqual([["KNOWN1", true], ["NEVER-ISSUED", false]]);
    expect(rows[0]!.organisation_id).toBe(brand);
  });
});
