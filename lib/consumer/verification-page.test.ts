// The verification page as HTML, from view models: what a screen reader, a phone and a forger meet.
import { describe, expect, it } from "vitest";
import { renderVerificationPage } from "@/components/verification/render-pages";
import type { UnitView } from "./unit-view";
import { isSafeHref, verdictFromRecord, type VerificationView } from "./verification-view";

const NOW = new Date("2026-11-25T12:00:00Z");
const code = { gtin: "09506000134352", cpv: null, lot: "CX24B03", serial: "RC5H8W3N6J", expiry: "290625" };

function view(overrides: Partial<VerificationView> = {}): VerificationView {
  return {
    locale: "en",
    dir: "ltr",
    code,
    brand: { name: "Medivia Pharma" },
    product: { gtin: code.gtin, name: "Cardiolex 20 mg", description: "Tablets.", facts: [], image: null },
    unit: { serial: code.serial, lot: code.lot, expiryDate: "2029-06-25", status: "recalled", markets: ["DE"], producedOn: "2026-06-25" },
    summary: null,
    recalls: [{ title: "Recall <script>alert(1)</script>", message: "Stop.", action: "Return it.", moreInfoUrl: null, startedAt: NOW }],
    journey: [{ label: "Shipped", step: "shipped", at: NOW, offset: "+00:00" }],
    provenance: null,
    verdict: { level: "recalled", publicReasons: ["recalled"] },
    scanRef: "6f1c2f5e-1c33-4c1b-9f55-0e4a3f1e2d7a",
    links: [],
    canReport: true,
    ...overrides,
  };
}

const context = { hrefFor: (l: string) => `/verify/01/${code.gtin}?lang=${l}`, nonce: "bm9uY2U=" };
const render = (v: VerificationView, outcome = { reported: false, error: null }) => renderVerificationPage(v, outcome, context);
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe("the verification page's HTML", () => {
  it("is one document with the language and direction on <html>, one h1, the verdict as a status and the recall as an alert", async () => {
    const html = await render(view({ locale: "ar", dir: "rtl" }));
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(count(html, /<h1\b/g)).toBe(1);
    expect(html).toMatch(/<div class="verdict v-recalled" role="status"/);
    expect(html).toContain('role="alert"');
    expect(html).toContain("تم سحبه");
    expect(html).toContain("شُحن إلى");
  });

  it("escapes brand text and keeps the only script behind the request's nonce", async () => {
    const html = await render(view());
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("Recall &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(count(html, /<script\b/g)).toBe(1);
    expect(html).toContain('<script nonce="bm9uY2U=">');
    expect(count(html, /<script[^>]*\bsrc=/g)).toBe(0);
  });

  it("has no script at all without a scan to attach a location to", async () => {
    expect(count(await render(view({ scanRef: null })), /<script\b/g)).toBe(0);
  });

  it("marks the current language in the switcher and names each link's language", async () => {
    const html = await render(view({ locale: "de" }));
    expect(html).toContain('<a href="/verify/01/09506000134352?lang=de" hrefLang="de" lang="de" aria-current="true">Deutsch</a>');
    expect(count(html, /aria-current="true"/g)).toBe(1);
    expect(count(html, /hrefLang="/g)).toBe(6);
  });

  it("labels every form control", async () => {
    const html = await render(view());
    const ids = [...html.matchAll(/<(?:input|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["report-problem", "report-place", "report-email", "report-photo", "report-website"]);
    for (const id of ids) expect(html, id).toContain(`for="${id}"`);
  });

  it("shows the outcome of a report, and offers no form for a product no brand owns", async () => {
    expect(await render(view(), { reported: true, error: null })).toContain("Your report has been sent to the brand.");
    expect(await render(view(), { reported: false, error: "photo_type" } as never)).toContain('role="alert" id="report-error"');
    expect(await render(view({ canReport: false, product: null, brand: null }))).not.toContain("<form");
  });
});

describe("brand links", () => {
  it.each([
    ["https://brand.example/leaflet.pdf", true],
    ["/verify/01/09506000134352", true],
    ["//evil.example", false],
    ["javascript:alert(1)", false],
    ["data:text/html,x", false],
  ])("%s → %s", (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });
});

describe("verdictFromRecord", () => {
  const unitView = (status: NonNullable<UnitView["unit"]>["status"] | null, extra: Partial<UnitView> = {}): UnitView => ({
    ...view(),
    unit: status === null ? null : { ...view().unit!, status, expiryDate: "2029-06-25" },
    recalls: [],
    ...extra,
  });

  it.each([
    ["sellable", "genuine", ["none"]],
    ["retail_sold", "genuine", ["none"]],
    ["dispensed", "caution", ["already_used"]],
    ["destroyed", "counterfeit", ["destroyed"]],
    ["decommissioned", "counterfeit", ["decommissioned"]],
    ["stolen", "suspect", ["stolen"]],
    ["recalled", "recalled", ["recalled"]],
    ["expired", "expired", ["expired"]],
    [null, "counterfeit", ["unknown"]],
  ] as const)("%s → %s", (status, level, reasons) => {
    expect(verdictFromRecord(unitView(status), code, NOW)).toEqual({ level, publicReasons: reasons });
  });

  it("reads a past expiry date, an active recall of the lot, and a code without serial", () => {
    const past = { ...unitView("sellable"), unit: { ...unitView("sellable").unit!, expiryDate: "2026-11-24" } };
    expect(verdictFromRecord(past, code, NOW)?.level).toBe("expired");
    expect(verdictFromRecord(unitView("sellable", { recalls: view().recalls }), code, NOW)?.level).toBe("recalled");
    expect(verdictFromRecord(unitView("sellable"), { ...code, serial: null }, NOW)).toBeNull();
  });
});
