// The migrated schema enforces the data model's rules on every engine.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import * as t from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";

let database: TestDatabase;
let brandId: string;
let productId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [brand] = await database.db
    .insert(t.organisations)
    .values({ slug: "acme", name: "Acme", kind: "brand", companyPrefixes: ["9506000"] })
    .returning();
  brandId = brand!.id;
  const [product] = await database.db
    .insert(t.products)
    .values({ organisationId: brandId, gtin: "09506000134352", name: { en: "Widget" }, brandName: "Acme", category: "other" })
    .returning();
  productId = product!.id;
});

afterAll(async () => {
  await database?.drop();
});

const unit = (serial: string) => ({ organisationId: brandId, productId, gtin: "09506000134352", serial });

async function violation(write: () => Promise<unknown>): Promise<string> {
  try {
    await write();
  } catch (error) {
    // drizzle wraps driver errors; the PostgreSQL message is in the cause.
    const cause = (error as { cause?: { message?: string } }).cause;
    return String(cause?.message ?? (error as Error).message);
  }
  throw new Error("the write succeeded but should have been refused");
}

describe("schema", () => {
  it("creates every table of the data model", async () => {
    const rows = await selectRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      "alert_notifications", "alert_rules", "api_keys", "audit_log", "blacklist_entries", "capture_jobs", "case_activities", "cases",
      "consumer_reports", "content_pages", "epcis_events", "invitations", "lots", "memberships", "organisations", "products", "recalls",
      "resolver_anchors", "resolver_links", "retailer_grants", "scan_daily_countries", "scan_daily_counts", "scan_daily_lots",
      "scan_daily_sources", "scan_monthly_lots", "scans", "serial_batches", "signing_keys", "sso_accounts", "unit_events",
      "units", "users", "verifications", "webhook_deliveries", "webhooks",
    ]);
  });

  it("keeps GTIN + serial unique", async () => {
    await database.db.insert(t.units).values(unit("A1"));
    expect(await violation(() => database.db.insert(t.units).values(unit("A1")))).toMatch(/units_gtin_serial_key/);
  });

  it("keeps a GTIN to one product", async () => {
    const message = await violation(() =>
      database.db.insert(t.products).values({ organisationId: brandId, gtin: "09506000134352", name: { en: "Copy" }, brandName: "X", category: "other" }),
    );
    expect(message).toMatch(/products_gtin_key/);
  });

  it("treats a missing context or media type as equal when keeping resolver links unique", async () => {
    const link = { organisationId: brandId, anchor: "/01/09506000134352", primaryKey: "01", primaryValue: "09506000134352", linkType: "gs1:pip", href: "https://acme.example/p", title: "Product" };
    await database.db.insert(t.resolverLinks).values(link);
    expect(await violation(() => database.db.insert(t.resolverLinks).values(link))).toMatch(/resolver_links_identity_key/);
    await database.db.insert(t.resolverLinks).values({ ...link, hreflang: "fr" });
  });

  it("allows one active case per unit, any number of closed ones", async () => {
    const [u] = await database.db.insert(t.units).values(unit("CASE1")).returning();
    const base = { organisationId: brandId, unitId: u!.id, gtin: u!.gtin, serial: u!.serial, severity: "high" as const, risk: 80, firstSeenAt: new Date(), lastSeenAt: new Date() };
    await database.db.insert(t.cases).values({ ...base, number: 1, status: "dismissed" });
    await database.db.insert(t.cases).values({ ...base, number: 2, status: "open" });
    expect(await violation(() => database.db.insert(t.cases).values({ ...base, number: 3, status: "investigating" }))).toMatch(
      /cases_active_unit_key/,
    );
  });

  it("stores times as timestamptz: an event's instant survives whatever offset it was written in", async () => {
    const [row] = await database.db
      .insert(t.epcisEvents)
      .values({
        organisationId: brandId,
        eventId: "urn:uuid:00000000-0000-4000-8000-000000000001",
        type: "ObjectEvent",
        action: "OBSERVE",
        eventTime: new Date("2026-03-01T10:00:00+02:00"),
        eventTimeZoneOffset: "+02:00",
        document: { type: "ObjectEvent" },
      })
      .returning();
    expect(row!.eventTime.toISOString()).toBe("2026-03-01T08:00:00.000Z");
    expect(
      await violation(() =>
        database.db.insert(t.epcisEvents).values({ ...row!, id: undefined, recordTime: undefined } as typeof t.epcisEvents.$inferInsert),
      ),
    ).toMatch(/epcis_events_event_id_key/);
  });

  it("records scans with generated ids, unknown codes included", async () => {
    const rows = await database.db
      .insert(t.scans)
      .values([
        { gtin: "09506000134352", serial: "NOPE", rawCode: "/01/09506000134352/21/NOPE", verdict: "counterfeit", risk: 90 },
        { organisationId: brandId, gtin: "09506000134352", serial: "A1", verdict: "genuine" },
      ])
      .returning({ id: t.scans.id, scannedAt: t.scans.scannedAt });
    expect(rows).toHaveLength(2);
    expect(rows[1]!.id).toBeGreaterThan(rows[0]!.id);
    const [stored] = await database.db.select().from(t.scans).where(eq(t.scans.id, rows[0]!.id));
    expect(stored).toMatchObject({ unitId: null, userAgentClass: "unknown", channel: "consumer", reasons: [] });
  });

  it("indexes scans per unit and time, and per time (BRIN) for the big table", async () => {
    const rows = await selectRows<{ indexname: string; indexdef: string }>(
      database.db,
      sql`select indexname, indexdef from pg_indexes where tablename = 'scans' order by 1`,
    );
    const byName = Object.fromEntries(rows.map((r) => [r.indexname, r.indexdef]));
    expect(byName.scans_unit_time_idx).toMatch(/\(unit_id, scanned_at\)/);
    expect(byName.scans_time_brin_idx).toMatch(/USING brin \(scanned_at\)/);
    expect(byName.scans_pkey ?? byName.scans_scanned_at_id_pk).toMatch(/\(scanned_at, id\)/);
  });
});
