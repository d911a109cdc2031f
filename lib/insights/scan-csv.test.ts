import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCell, scanCsvHeader, scanCsvLines, scanExportFilename, SCAN_CSV_COLUMNS, type ExportedScan } from "./scan-csv";

const scan: ExportedScan = {
  scannedAt: new Date("2026-11-10T09:00:00.123Z"),
  gtin: "09506000134352",
  serial: "GN7K2P9M4X",
  lot: "CX24A17",
  verdict: "counterfeit",
  risk: 92,
  reasons: ["distinct_scanners", "impossible_travel"],
  country: "FR",
  region: "IDF",
  city: "Paris, 8e",
  channel: "consumer",
  userAgentClass: "browser",
  sourceFingerprint: "k1.source",
  deviceFingerprint: null,
};

describe("scan CSV", () => {
  it("writes a header and one parseable line per scan", () => {
    const text = scanCsvHeader() + scanCsvLines([scan, { ...scan, serial: 'A "quoted"\nserial', reasons: [] }]);
    const [header, first, second] = parse(text) as string[][];
    expect(header).toEqual([...SCAN_CSV_COLUMNS]);
    expect(first).toEqual([
      "2026-11-10T09:00:00.123Z", "09506000134352", "GN7K2P9M4X", "CX24A17", "counterfeit", "92",
      "distinct_scanners impossible_travel", "FR", "IDF", "Paris, 8e", "consumer", "browser", "k1.source", "",
    ]);
    expect(second![2]).toBe('A "quoted"\nserial');
    expect(second![6]).toBe("");
  });

  it("writes nothing for an empty page", () => {
    expect(scanCsvLines([])).toBe("");
  });

  it.each([
    ["=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["ABC-1", "ABC-1"],
    [null, ""],
  ])("neutralises spreadsheet formulas: %j → %j", (value, cell) => {
    expect(safeCell(value)).toBe(cell);
  });

  it("names the file after the brand and range", () => {
    expect(scanExportFilename("acme", { from: "2026-11-01", to: "2026-11-30" })).toBe("scans-acme-2026-11-01-to-2026-11-30.csv");
  });
});
