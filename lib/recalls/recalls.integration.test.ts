// Recalls on both databases: units recalled at once (and only the right ones), the status answer,
// closing, tenant scoping and the webhook announcement in the same transaction.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { units, webhookDeliveries } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { seedDemo } from "@/lib/demo/seed";
import { registerWebhook } from "@/lib/webhooks/register-webhook";
import { closeRecall, publishRecall } from "./publish-recall";
import { recallInputSchema } from "./recall-input";
import { recallStatus } from "./recall-status";

let database: TestDatabase;
let aurele: string;
let medivia: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  aurele = (await findOrganisationBySlug(database.db, "maison-aurele"))!.id;
  medivia = (await findOrganisationBySlug(database.db, "medivia"))!.id;
  await registerWebhook(database.db, "x".repeat(40), { organisationId: aurele, url: "http://127.0.0.1:9/hook", events: ["recall.published"] }, { allowInsecure: true });
});

afterAll(async () => {
  await database?.drop();
});

const input = (extra: Record<string, unknown>) =>
  recallInputSchema.parse({ gtin: "09521234003038", recallClass: "class_3", title: { en: "Scarf recall" }, message: { en: "Dye issue" }, ...extra });

describe("recalls", () => {
  it("recalls the lot's units still in the supply chain at once, and announces it", async () => {
    const before = await database.db
      .select({ status: units.status, n: count() })
      .from(units)
      .where(and(eq(units.gtin, "09521234003038"), eq(units.lot, "JD2409")))
      .groupBy(units.status);
    const movable = before.filter((b) => ["commissioned", "in_transit", "sellable", "returned"].includes(b.status)).reduce((n, b) => n + b.n, 0);
    const recall = await publishRecall(database.db, aurele, input({ lots: ["JD2409"] }), null);
    expect(recall.affectedUnits).toBe(movable);
    const [recalled] = await database.db.select({ n: count() }).from(units).where(and(eq(units.lot, "JD2409"), eq(units.status, "recalled")));
    expect(recalled!.n).toBe(movable);
    const [other] = await database.db.select({ n: count() }).from(units).where(and(eq(units.lot, "JD2504"), eq(units.status, "recalled")));
    expect(other!.n).toBe(0);
    const deliveries = await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.organisationId, aurele));
    expect(deliveries.map((d) => d.event)).toEqual(["recall.published"]);
  });

  it("answers gs1:recallStatus per identifier, and stops once closed", async () => {
    const lotStatus = await recallStatus(database.db, { gtin: "09521234003038", lot: "JD2409" });
    expect(lotStatus.recalled).toBe(true);
    expect((await recallStatus(database.db, { gtin: "09521234003038", lot: "JD2504" })).recalled).toBe(false);
    const [one] = lotStatus.recalls;
    expect(await closeRecall(database.db, medivia, one!.id)).toBe(false);
    expect(await closeRecall(database.db, aurele, one!.id)).toBe(true);
    expect((await recallStatus(database.db, { gtin: "09521234003038", lot: "JD2409" })).recalled).toBe(false);
    const [still] = await database.db.select({ n: count() }).from(units).where(and(eq(units.lot, "JD2409"), eq(units.status, "recalled")));
    expect(still!.n).toBeGreaterThan(0);
  });

  it("can recall single serials", async () => {
    const [unit] = await database.db.select().from(units).where(and(eq(units.gtin, "09521234002024"), eq(units.status, "sellable"))).limit(1);
    const recall = await publishRecall(database.db, aurele, input({ gtin: "09521234002024", serials: [unit!.serial] }), null);
    expect(recall.affectedUnits).toBe(1);
    expect((await recallStatus(database.db, { gtin: "09521234002024", serial: unit!.serial })).recalled).toBe(true);
    expect((await recallStatus(database.db, { gtin: "09521234002024", serial: "OTHER" })).recalled).toBe(false);
  });

  it("refuses a product of another organisation and writes nothing", async () => {
    await expect(publishRecall(database.db, medivia, input({ lots: ["JD2504"] }), null)).rejects.toThrow(/No product with GTIN/);
    const [recalled] = await database.db.select({ n: count() }).from(units).where(and(eq(units.lot, "JD2504"), eq(units.status, "recalled")));
    expect(recalled!.n).toBe(0);
  });

  it("validates what a recall says", () => {
    expect(recallInputSchema.safeParse({ gtin: "123", recallClass: "class_1", title: {}, message: {} }).success).toBe(false);
    expect(recallInputSchema.safeParse({ gtin: "09521234003038", recallClass: "class_9", title: { en: "t" }, message: { en: "m" } }).success).toBe(false);
    expect(recallInputSchema.safeParse({ gtin: "09521234003038", recallClass: "class_1", title: { en: "t" }, message: { en: "m" }, moreInfoUrl: "http://x.example" }).success).toBe(false);
  });
});
