import { describe, expect, it } from "vitest";
import { checkHeader, detectDelimiter } from "./import-columns";
import { ai17ToDate, parseImportRow } from "./parse-import-row";

const NOW = Date.parse("2026-06-01T12:00:00Z");
const HEADER = ["gtin", "serial", "lot", "expiry", "status", "event_time", "market", "location"];
const header = checkHeader(HEADER);
if (!header.ok) throw new Error(header.message);
const parse = (values: Partial<Record<string, string>>) =>
  parseImportRow(HEADER.map((c) => values[c] ?? ""), 7, header.columns, header.width, NOW);
const good = { gtin: "09529999000019", serial: "SER-1", status: "shipped" };

describe("the header row", () => {
  it.each([
    [["gtin", "serial", "status"], true, ""],
    [["GTIN", " Serial ", "Status", "Event time"], true, ""],
    [["uri", "status"], true, ""],
    [["gtin", "status"], false, "needs gtin and serial"],
    [["gtin", "serial"], false, "needs a status"],
    [["uri", "lot", "status"], false, "either a uri column"],
    [["gtin", "serial", "status", "expiry_date"], false, 'Unknown column "expiry_date"'],
    [["gtin", "serial", "status", "gtin"], false, "appears twice"],
  ])("%j → ok %s", (fields, ok, message) => {
    const result = checkHeader(fields);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it.each([
    ["gtin,serial,status\n1;2;3", ","],
    ["gtin;serial;status\n", ";"],
    ["gtin,serial;status,lot", ","],
    ["uri", ","],
  ])("delimiter of %j is %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe("a row", () => {
  it("reads a complete row", () => {
    const result = parse({ ...good, lot: "L1", expiry: "2028-02-29", event_time: "2026-03-01T10:00:00+01:00", market: "de", location: "9529999000002" });
    expect(result).toEqual({
      ok: true,
      row: {
        line: 7, gtin: "09529999000019", serial: "SER-1", lot: "L1", expiry: "2028-02-29", statusName: "shipped",
        status: { status: "in_transit", action: "OBSERVE", bizStep: "shipping", disposition: "in_transit" },
        eventTime: { millis: Date.parse("2026-03-01T09:00:00Z"), offset: "+01:00" }, market: "DE", location: "https://id.gs1.org/414/9529999000002",
      },
    });
  });

  it("pads GTIN-13 and keeps an SGLN URN as written", () => {
    const result = parse({ ...good, gtin: "9529999000019", location: "urn:epc:id:sgln:9529999.00000.0" });
    expect(result.ok && result.row).toMatchObject({ gtin: "09529999000019", location: "urn:epc:id:sgln:9529999.00000.0" });
  });

  it.each([
    [{ gtin: "09529999000018" }, "gtin", "check digit"],
    [{ gtin: "" }, "gtin", "required"],
    [{ gtin: "12345" }, "gtin", "8, 12, 13 or 14 digits"],
    [{ serial: "" }, "serial", "required"],
    [{ serial: "SER 1" }, "serial", "AI (21)"],
    [{ serial: "X".repeat(21) }, "serial", "too long"],
    [{ lot: "LOT#1" }, "lot", "AI (10)"],
    [{ expiry: "2027-02-30" }, "expiry", "YYYY-MM-DD"],
    [{ expiry: "31/12/2027" }, "expiry", "YYYY-MM-DD"],
    [{ status: "teleported" }, "status", "Unknown status"],
    [{ status: "" }, "status", "required"],
    [{ event_time: "2026-03-01 10:00" }, "event_time", "ISO 8601"],
    [{ event_time: "2026-03-01T10:00:00" }, "event_time", "ISO 8601"],
    [{ event_time: "2062-03-01T10:00:00Z" }, "event_time", "future"],
    [{ market: "XX" }, "market", "ISO 3166-1"],
    [{ market: "Germany" }, "market", "ISO 3166-1"],
    [{ location: "9529999000003" }, "location", "check digit"],
    [{ location: "warehouse 7" }, "location", "GLN"],
    [{ location: "https://id.gs1.org/01/09529999000019" }, "location", "AI 414"],
  ])("%j is an error in %s", (change, column, message) => {
    const result = parse({ ...good, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 7, column, value: Object.values(change)[0] });
    expect(result.errors[0]!.message).toContain(message);
  });

  it("reports every fault of a row, not only the first", () => {
    const result = parse({ gtin: "1", serial: "", status: "x" });
    expect(result.ok ? [] : result.errors.map((e) => e.column)).toEqual(["gtin", "serial", "status"]);
  });

  it("refuses a row with more or fewer fields than the header", () => {
    const result = parseImportRow(["09529999000019", "S1"], 3, header.columns, header.width, NOW);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 3, column: "", message: "The row has 2 fields; the header has 8." }] });
  });
});

describe("the uri column", () => {
  const uriHeader = checkHeader(["uri", "status"]);
  if (!uriHeader.ok) throw new Error(uriHeader.message);
  const parseUri = (uri: string) => parseImportRow([uri, "sold"], 2, uriHeader.columns, uriHeader.width, NOW);

  it.each([
    ["https://brand.example/01/09529999000019/10/L1/21/S%2F1?17=280200", { gtin: "09529999000019", serial: "S/1", lot: "L1", expiry: "2028-02-29" }],
    ["(01)09529999000019(17)271231(10)L1(21)S1", { gtin: "09529999000019", serial: "S1", lot: "L1", expiry: "2027-12-31" }],
    ["https://id.gs1.org/01/09529999000019/21/S1", { gtin: "09529999000019", serial: "S1" }],
  ])("%s", (uri, fields) => {
    const result = parseUri(uri);
    expect(result.ok && { gtin: result.row.gtin, serial: result.row.serial, lot: result.row.lot, expiry: result.row.expiry }).toEqual({ lot: undefined, expiry: undefined, ...fields });
  });

  it.each([
    ["https://id.gs1.org/01/09529999000019", "AI 21"],
    ["(01)09529999000018(21)S1", "check digit"],
    ["not a code", ""],
  ])("%s is an error in uri", (uri, message) => {
    const result = parseUri(uri);
    expect(result.ok ? null : result.errors[0]).toMatchObject({ column: "uri", value: uri });
    if (!result.ok) expect(result.errors[0]!.message).toContain(message);
  });

  it.each([["271231", "2027-12-31"], ["280200", "2028-02-29"], ["270200", "2027-02-28"], ["271300", null], ["270230", null]])("AI 17 %s → %s", (ai17, date) => {
    expect(ai17ToDate(ai17)).toBe(date);
  });
});
