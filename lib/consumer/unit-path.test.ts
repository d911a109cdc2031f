import { describe, expect, it } from "vitest";
import { parseUnitPath } from "./unit-path";

describe("parseUnitPath", () => {
  it.each([
    [["10", "LOT1", "21", "SER123"], "271231", { lot: "LOT1", serial: "SER123", expiry: "271231" }],
    [["21", "ABC"], null, { lot: null, serial: "ABC", expiry: null }],
    [[], null, { lot: null, serial: null }],
    [["22", "V2", "10", "L%2F1", "21", "X"], null, { cpv: "V2", lot: "L/1", serial: "X" }],
  ])("%j ?17=%s", (qualifiers, expiry, expected) => {
    expect(parseUnitPath("09506000134352", qualifiers, expiry)).toMatchObject(expected);
  });

  it.each([
    ["09506000134353", [], null, "wrong check digit"],
    ["9506000134352", [], null, "13 digits"],
    ["09506000134352", ["21", "A", "10", "L"], null, "qualifiers out of order"],
    ["09506000134352", ["21"], null, "a key without a value"],
    ["09506000134352", ["99", "X"], null, "not a GTIN qualifier"],
    ["09506000134352", ["21", "x".repeat(21)], null, "serial longer than 20"],
    ["09506000134352", ["21", "A B"], null, "a character outside CSET 82"],
    ["09506000134352", [], "2712", "expiry not YYMMDD"],
  ] as [string, string[], string | null, string][])("refuses %s %j ?17=%s (%s)", (gtin, qualifiers, expiry) => {
    expect(parseUnitPath(gtin, qualifiers, expiry)).toBeNull();
  });
});
