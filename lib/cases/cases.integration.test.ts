// recordCase on a real database: opening, merging into the unit's active case, numbering per brand
// under concurrency, codes naming no unit grouped per serial, the activity log, the webhook, and
// everything scoped to the brand.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import { findCase, listCaseActivities } from "@/db/queries/cases";
import { createOrganisation } from "@/db/queries/organisations";
import { createWebhook } from "@/db/queries/webhooks";
import { products, units } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import type { ReasonCode, Verdict, VerdictReason } from "@/lib/verdict";
import { recordCase, type RecordCaseInput } from "./record-case";

const G = "09506000134352";
let database: TestDatabase;
let brand: string;
let other: string;
let productId: string;
const unitIds = new Map<string, number>();

function verdict(codes: ReasonCode[], risk: number, caseSeverity: Verdict["caseSeverity"] = "high"): Verdict {
  const reasons: VerdictReason[] = codes.map((code) => ({ code, severity: "suspect", evidence: { code }, publicReason: "suspicious_activity", weight: 0.6 }));
  return { level: "suspect", risk, reasons, publicReasons: ["suspicious_activity"], openCase: caseSeverity !== null, caseSeverity };
}

let seq = 0;
function input(serial: string, v: Verdict, extra: { country?: string; at?: string; organisationId?: string } = {}): RecordCaseInput {
  const unitId = unitIds.get(serial);
  return {
    organisationId: extra.organisationId ?? brand,
    unit: unitId === undefined ? null : { id: unitId, lot: "L1" },
    product: { id: productId, gtin: G },
    verdict: v,
    scan: { ref: `00000000-0000-4000-8000-${String(++seq).padStart(12, "0")}`, at: new Date(extra.at ?? "2026-03-01T10:00:00Z"), country: extra.country ?? null, serial, codeLot: "CODELOT" },
  };
}

async function caseRow(id: string) {
  return (await findCase(database.db, brand, id))!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "cases-brand", name: "Brand", kind: "brand" })).id;
  other = (await createOrganisation(database.db, { slug: "cases-other", name: "Other", kind: "brand" })).id;
  const [product] = await database.db.insert(products).values({ organisationId: brand, gtin: G, name: { en: "P" }, brandName: "B", category: "luxury" }).returning({ id: products.id });
  productId = product!.id;
  const serials = ["MERGE", "ORDER", ...Array.from({ length: 8 }, (_, i) => `RACE${i}`)];
  const rows = await database.db.insert(units).values(serials.map((serial) => ({ organisationId: brand, productId, gtin: G, serial, lot: "L1", status: "sellable" as const }))).returning({ id: units.id, serial: units.serial });
  for (const r of rows) unitIds.set(r.serial, r.id);
  await createWebhook(database.db, { id: "00000000-0000-4000-8000-00000000beef", organisationId: brand, url: "https://hooks.example/x", events: ["case.opened"], secretEncrypted: "unused" });
});

afterAll(async () => {
  await database?.drop();
});

describe("recordCase", () => {
  it("opens nothing when the verdict asks for no case", async () => {
    expect(await recordCase(database.db, input("MERGE", verdict(["out_of_market"], 25, null)))).toBeNull();
  });

  it("opens a case, then merges later evidence into it: worst severity and risk, rules in order, latest evidence per rule, countries, seen window", async () => {
    const opened = await recordCase(database.db, input("MERGE", verdict(["distinct_scanners"], 55, "medium"), { country: "FR", at: "2026-03-01T10:00:00Z" }));
    expect(opened).toMatchObject({ opened: true });
    const merged = await recordCase(database.db, input("MERGE", verdict(["impossible_travel", "distinct_scanners"], 80, "high"), { country: "AU", at: "2026-03-01T11:00:00Z" }));
    const again = await recordCase(database.db, input("MERGE", verdict(["distinct_scanners"], 50, "medium"), { country: "FR", at: "2026-03-01T09:00:00Z" }));
    expect(merged).toEqual({ ...opened, opened: false });
    expect(again).toEqual({ ...opened, opened: false });
    const row = await caseRow(opened!.id);
    expect(row).toMatchObject({ severity: "high", risk: 80, rules: ["distinct_scanners", "impossible_travel"], scanCount: 3, countries: ["FR", "AU"], lot: "L1" });
    expect(row.evidence.map((e) => e.rule).sort()).toEqual(["distinct_scanners", "impossible_travel"]);
    expect(row.firstSeenAt.toISOString()).toBe("2026-03-01T09:00:00.000Z");
    expect(row.lastSeenAt.toISOString()).toBe("2026-03-01T11:00:00.000Z");
    const activities = await listCaseActivities(database.db, brand, opened!.id);
    expect(activities.map((a) => a.kind)).toEqual(["opened", "rule_fired", "rule_fired"]);
    const hooks = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from webhook_deliveries where event = 'case.opened' and payload->>'caseId' = ${opened!.id}`);
    expect(hooks[0]!.n).toBe(1);
  });

  it("opens a new case once the active one is closed", async () => {
    const first = await recordCase(database.db, input("ORDER", verdict(["stolen"], 75)));
    await database.db.execute(sql`update cases set status = 'dismissed' where id = ${first!.id}`);
    const second = await recordCase(database.db, input("ORDER", verdict(["stolen"], 75)));
    expect(second).toMatchObject({ opened: true, number: first!.number + 1 });
  });

  it("numbers a brand's cases 1, 2, 3… without gaps or duplicates when they open at once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => recordCase(database.db, input(`RACE${i}`, verdict(["impossible_travel"], 70)))));
    const numbers = await selectRows<{ number: number }>(database.db, sql`select number from cases where organisation_id = ${brand} order by number`);
    expect(numbers.map((r) => r.number)).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r!.number)).size).toBe(8);
  });

  it("groups scans of one serial that names no unit into one case, even at once, and numbers per brand", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => recordCase(database.db, input("INVENTED", verdict(["unknown_serial"], 95, "critical")))));
    expect(new Set(results.map((r) => r!.id)).size).toBe(1);
    expect(results.filter((r) => r!.opened)).toHaveLength(1);
    const row = await caseRow(results[0]!.id);
    expect(row).toMatchObject({ scanCount: 4, lot: "CODELOT", unitId: null, serial: "INVENTED" });
    const elsewhere = await recordCase(database.db, input("INVENTED", verdict(["unknown_serial"], 95, "critical"), { organisationId: other }));
    expect(elsewhere).toMatchObject({ opened: true, number: 1 });
  });

  it("shows a case to its brand only", async () => {
    const [row] = await selectRows<{ id: string }>(database.db, sql`select id from cases where organisation_id = ${brand} limit 1`);
    expect(await findCase(database.db, brand, row!.id)).not.toBeNull();
    expect(await findCase(database.db, other, row!.id)).toBeNull();
  });

  it("nests in the caller's transaction: a rolled-back scan leaves no case and no webhook", async () => {
    const before = await selectRows<{ n: number }>(database.db, sql`select (select count(*) from cases)::int + (select count(*) from webhook_deliveries)::int as n`);
    await expect(
      database.db.transaction(async (tx) => {
        await recordCase(tx, input("ROLLBACK", verdict(["unknown_serial"], 95, "critical")));
        throw new Error("the scan write failed");
      }),
    ).rejects.toThrow("the scan write failed");
    const after = await selectRows<{ n: number }>(database.db, sql`select (select count(*) from cases)::int + (select count(*) from webhook_deliveries)::int as n`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
