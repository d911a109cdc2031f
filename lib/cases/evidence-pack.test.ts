import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { CaseDetail, CaseDetailScan } from "@/db/queries/case-detail";
import { buildEvidencePack, EVIDENCE_CSV_COLUMNS, EVIDENCE_PACK_FORMAT, evidenceFilename, evidencePackJson, evidenceScansCsv, reportPhotoUrl } from "./evidence-pack";

const at = (iso: string) => new Date(iso);

function scanRow(n: number, extra: Partial<CaseDetailScan> = {}): CaseDetailScan {
  return {
    id: n,
    ref: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    at: at(`2026-03-0${n}T10:00:00Z`),
    gtin: "09506000134352",
    serial: "SER1",
    codeLot: null,
    codeExpiry: null,
    rawCode: null,
    country: "FR",
    region: null,
    city: "Paris",
    latitude: 48.9,
    longitude: 2.3,
    sourceFingerprint: `k1.source${n}`,
    deviceFingerprint: `k1.device${n}`,
    userAgentClass: "browser",
    channel: "consumer",
    linkType: null,
    verdict: "genuine",
    risk: 5,
    reasons: [],
    ...extra,
  };
}

function detail(extra: Partial<CaseDetail> = {}): CaseDetail {
  return {
    case: {
      id: "11111111-1111-4111-8111-111111111111",
      organisationId: "22222222-2222-4222-8222-222222222222",
      number: 7,
      unitId: 42,
      productId: "33333333-3333-4333-8333-333333333333",
      gtin: "09506000134352",
      serial: "SER1",
      lot: "L1",
      status: "investigating",
      severity: "high",
      risk: 82,
      rules: ["distinct_scanners", "impossible_travel"],
      evidence: [
        { rule: "distinct_scanners", severity: "high", detail: { scanners: 14, limit: 10 } },
        { rule: "impossible_travel", severity: "high", detail: { kmh: 2400 } },
      ],
      scanCount: 3,
      countries: ["FR", "AU"],
      assigneeId: null,
      assigneeEmail: "analyst@brand.example",
      firstSeenAt: at("2026-03-01T10:00:00Z"),
      lastSeenAt: at("2026-03-03T10:00:00Z"),
      createdAt: at("2026-03-01T10:00:01Z"),
      updatedAt: at("2026-03-03T10:00:01Z"),
      closedAt: null,
    },
    unit: {
      id: 42,
      gtin: "09506000134352",
      serial: "SER1",
      lot: "L1",
      expiryDate: "2027-12-31",
      status: "retail_sold",
      statusSince: at("2026-02-01T00:00:00Z"),
      markets: ["FR"],
      parentEpc: null,
      commissionedAt: at("2026-01-01T00:00:00Z"),
      lotProductionDate: "2025-12-01",
      lotExpiryDate: "2027-12-31",
      lotSite: "Lyon",
    },
    product: { id: "33333333-3333-4333-8333-333333333333", gtin: "09506000134352", name: { en: "Medicine" }, brandName: "Brand", category: "pharmaceutical", intendedMarkets: ["FR"] },
    // Newest first, as the query loads them.
    scans: [
      scanRow(3, { country: "AU", city: "=HYPERLINK(\"http://evil\")", verdict: "counterfeit", risk: 90, reasons: ["impossible_travel", "distinct_scanners"], rawCode: "-2+3" }),
      scanRow(2, { verdict: "suspect", latitude: null, longitude: null }),
      scanRow(1),
    ],
    scanTotal: 3,
    scanTotalCapped: false,
    lifecycle: [{ eventTime: at("2026-01-01T00:00:00Z"), eventTimeZoneOffset: "+01:00", bizStep: "commissioning", disposition: "active", bizLocation: "urn:epc:id:sgln:x", readPoint: null }],
    reports: [
      {
        id: "44444444-4444-4444-8444-444444444444",
        message: "Smells odd",
        purchasePlace: "Market stall",
        photos: [{ key: "uploads/x.jpg", mediaType: "image/jpeg", bytes: 1234 }],
        contactEmail: "consumer@example.com",
        country: "AU",
        scanId: 3,
        createdAt: at("2026-03-03T11:00:00Z"),
      },
    ],
    activities: [
      { id: 1, kind: "opened", body: "Opened by distinct_scanners", fromStatus: null, toStatus: null, createdAt: at("2026-03-01T10:00:01Z"), actorEmail: null },
      { id: 2, kind: "status_changed", body: null, fromStatus: "open", toStatus: "investigating", createdAt: at("2026-03-02T09:00:00Z"), actorEmail: "analyst@brand.example" },
    ],
    blacklisted: null,
    ...extra,
  };
}

const context = {
  organisation: { id: "22222222-2222-4222-8222-222222222222", slug: "brand", name: "Brand" },
  generatedAt: at("2026-03-04T08:00:00Z"),
  generatedBy: "analyst@brand.example",
};

describe("buildEvidencePack", () => {
  const pack = buildEvidencePack(detail(), context);

  it.each([
    ["format", pack.format, EVIDENCE_PACK_FORMAT],
    ["generatedAt", pack.generatedAt, "2026-03-04T08:00:00.000Z"],
    ["generatedBy", pack.generatedBy, "analyst@brand.example"],
    ["case number", pack.case.number, 7],
    ["case status", pack.case.status, "investigating"],
    ["case assignee", pack.case.assignee, "analyst@brand.example"],
    ["case closedAt", pack.case.closedAt, null],
    ["unit status", pack.unit?.status, "retail_sold"],
    ["unit markets", pack.unit?.markets, ["FR"]],
    ["product name", pack.product?.name, { en: "Medicine" }],
    ["rules in the case's order", pack.rules.map((r) => r.rule), ["distinct_scanners", "impossible_travel"]],
    ["rule figures in words", pack.rules[1]?.figures, [{ label: "Speed", value: "2,400 km/h" }]],
    ["rule raw detail kept", pack.rules[0]?.detail, { scanners: 14, limit: 10 }],
    ["scans oldest first", pack.scans.items.map((s) => s.at), ["2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z", "2026-03-03T10:00:00.000Z"]],
    ["scan counts", [pack.scans.included, pack.scans.total, pack.scans.totalIsLowerBound], [3, 3, false]],
    ["lifecycle", pack.lifecycle.map((e) => e.bizStep), ["commissioning"]],
    ["report photos as links, never bytes", pack.reports[0]?.photos, [{ index: 0, mediaType: "image/jpeg", bytes: 1234, url: "/api/reports/44444444-4444-4444-8444-444444444444/photos/0?org=brand" }]],
    ["activities", pack.activities.map((a) => [a.kind, a.actor]), [["opened", null], ["status_changed", "analyst@brand.example"]]],
    ["not blacklisted", pack.blacklisted, null],
  ])("%s", (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it("leaves the consumer's e-mail out (the pack travels outside the brand) but says one was given", () => {
    expect(JSON.stringify(pack)).not.toContain("consumer@example.com");
    expect(pack.reports[0]?.contactProvided).toBe(true);
  });

  it("describes a case without a unit and a blacklisted serial", () => {
    const codeCase = buildEvidencePack(
      detail({ unit: null, lifecycle: [], blacklisted: { reason: "Confirmed fake", caseId: "11111111-1111-4111-8111-111111111111", createdAt: at("2026-03-03T12:00:00Z"), createdByEmail: "owner@brand.example" } }),
      context,
    );
    expect(codeCase.unit).toBeNull();
    expect(codeCase.lifecycle).toEqual([]);
    expect(codeCase.blacklisted).toEqual({ reason: "Confirmed fake", at: "2026-03-03T12:00:00.000Z", by: "owner@brand.example", caseId: "11111111-1111-4111-8111-111111111111" });
  });

  it("serialises to JSON that parses back to the same pack", () => {
    expect(JSON.parse(evidencePackJson(pack))).toEqual(JSON.parse(JSON.stringify(pack)));
  });
});

describe("evidenceScansCsv", () => {
  const csv = evidenceScansCsv(buildEvidencePack(detail(), context));
  const rows = parse(csv, { columns: true }) as Record<string, string>[];

  it("has the header and one CRLF line per scan, oldest first", () => {
    expect(csv.split("\r\n")[0]).toBe(EVIDENCE_CSV_COLUMNS.join(","));
    expect(rows.map((r) => r.scanned_at)).toEqual(["2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z", "2026-03-03T10:00:00.000Z"]);
  });

  it.each([
    ["reasons space-separated", 2, "reasons", "impossible_travel distinct_scanners"],
    ["a formula-looking city is made inert", 2, "city", "'=HYPERLINK(\"http://evil\")"],
    ["a formula-looking raw code is made inert", 2, "raw_code", "'-2+3"],
    ["no coordinates → empty cells", 1, "latitude", ""],
    ["coordinates kept", 0, "longitude", "2.3"],
    ["verdict", 2, "verdict", "counterfeit"],
    ["risk", 2, "risk", "90"],
  ])("%s", (_label, row, column, expected) => {
    expect(rows[row]![column]).toBe(expected);
  });

  it("is just the header for a case with no scans", () => {
    expect(evidenceScansCsv(buildEvidencePack(detail({ scans: [], scanTotal: 0 }), context))).toBe(`${EVIDENCE_CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("file names and links", () => {
  it.each([
    [42, "json", "case-42-evidence.json"],
    [7, "csv", "case-7-evidence.csv"],
  ] as const)("case %i as %s → %s", (n, format, expected) => {
    expect(evidenceFilename(n, format)).toBe(expected);
  });

  it("escapes the organisation in photo links", () => {
    expect(reportPhotoUrl("r", 2, "a b&c")).toBe("/api/reports/r/photos/2?org=a%20b%26c");
  });
});
