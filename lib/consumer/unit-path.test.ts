import { describe, expect, it } from "vitest";
import { parseUnitPath } from "./unit-path";

const G = "09506000134352";

describe("parseUnitPath", () => {
  it.each([
    [["01", G, "10", "LOT1", "21", "SER123"], "?17=271231", { gtin: G, lot: "LOT1", serial: "SER123", expiry: "271231" }],
    [["01", G, "21", "ABC"], "", { lot: null, serial: "ABC", expiry: null }],
    [["01", G], "", { lot: null, serial: null }],
    [["01", G, "22", "V2", "10", "L/1", "21", "X"], "", { cpv: "V2", lot: "L/1", serial: "X" }],
    [["01", G, "21", "ABC"], "linkType=gs1:pip&17=271200", { serial: "ABC", expiry: "271200" }],
  ])("%j %s", (segments, search, expected) => {
    expect(parseUnitPath(segments, search)).toMatchObject(expected);
  });

  it.each([
    [["01", "09506000134353"], "", "wrong check digit"],
    [["01", "9506000134352"], "", "13 digits"],
    [["01", G, "21", "A", "10", "L"], "", "qualifiers out of order"],
    [["01", G, "21"], "", "a key without a value"],
    [["01", G, "99", "X"], "", "not a GTIN qualifier"],
    [["01", G, "21", "x".repeat(21)], "", "serial longer than 20"],
    [["01", G], "?17=2712", "expiry not YYMMDD"],
    [["00", "106141411234567897"], "", "not a GTIN"],
    [[], "", "nothing"],
  ])("refuses %j %s (%s)", (segments, search) => {
    expect(parseUnitPath(segments, search)).toBeNull();
  });
});
