// The verification page's view model, read from a seeded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { seedDemo } from "@/lib/demo/seed";
import { showcaseCodes, showcaseUnits } from "@/lib/demo/showcase";
import { loadVerificationView, verdictFromRecord } from "./verification-view";

const NOW = new Date("2026-11-25T12:00:00Z");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { now: NOW });
});

afterAll(async () => {
  await database?.drop();
});

const codeOf = (s: { gtin: string; lot: string | null; serial: string }) => ({ gtin: s.gtin, lot: s.lot, serial: s.serial, cpv: null, expiry: null });
const load = (s: { gtin: string; lot: string | null; serial: string }, options: { acceptLanguage?: string; chosenLocale?: string } = {}) =>
  loadVerificationView(database.db, codeOf(s), {
    acceptLanguage: options.acceptLanguage ?? null,
    chosenLocale: options.chosenLocale ?? null,
    verdict: verdictFromRecord,
    links: [
      { title: "Leaflet", href: "https://brand.example/leaflet.pdf" },
      { title: "Bad", href: "javascript:alert(1)" },
    ],
    now: NOW,
  });

describe("loadVerificationView", () => {
  it("answers a recalled pack in Arabic, right to left, with its recall, markets and batch date", async () => {
    const recalled = showcaseUnits.find((s) => s.key === "recalled")!;
    const view = await load(recalled, { acceptLanguage: "ar-EG,ar;q=0.9,en;q=0.5" });
    expect(view).toMatchObject({ locale: "ar", dir: "rtl", verdict: { level: "recalled" }, canReport: true });
    expect(view.recalls.length).toBeGreaterThan(0);
    expect(view.unit?.markets).toContain("DE");
    expect(view.journey[0]?.step).toBe("made");
    expect(view.links).toEqual([{ title: "Leaflet", href: "https://brand.example/leaflet.pdf" }]);
  });

  it("lets ?lang= win over Accept-Language, and falls back to English product text", async () => {
    const genuine = showcaseUnits.find((s) => s.key === "genuine-medicine")!;
    const view = await load(genuine, { acceptLanguage: "de", chosenLocale: "zh" });
    expect(view.locale).toBe("zh");
    expect(view.product?.name).toBeTruthy();
    expect(view.verdict).toEqual({ level: "genuine", publicReasons: ["none"] });
  });

  it("reads an unknown serial as not genuine without revealing anything of the unit", async () => {
    const unknown = showcaseCodes.find((c) => c.key === "unknown")!;
    const view = await load({ gtin: unknown.gtin, lot: unknown.lot, serial: unknown.serial });
    expect(view.verdict).toEqual({ level: "counterfeit", publicReasons: ["unknown"] });
    expect(view.unit).toBeNull();
    expect(view.journey).toEqual([]);
  });
});
