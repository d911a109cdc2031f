import { describe, expect, it } from "vitest";
import { parseDigitalLink, parseElementString } from "@/lib/gs1";
import { encodeSymbol, symbolSvg } from "./symbol-svg";
import { createUnitCoder, expiryToAi17, isValidStem, lotProblem } from "./unit-codes";

describe("expiryToAi17", () => {
  it.each([
    ["2027-12-31", "271231"],
    ["2028-02-29", "280229"],
    ["2027-02-29", null],
    ["1999-12-31", null],
    ["27-12-31", null],
  ])("%s → %s", (iso, ai17) => expect(expiryToAi17(iso)).toBe(ai17));
});

describe("lotProblem", () => {
  it.each([
    ["LOT-2027/01", null],
    ["A".repeat(20), null],
    ["A".repeat(21), "too long"],
    ["LOT 1", "CSET 82"],
  ])("%s", (lot, problem) => {
    const found = lotProblem(lot);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(new RegExp(problem, "i"));
  });
});

describe("createUnitCoder", () => {
  const code = createUnitCoder("https://brand.example", { gtin: "09506000134352", lot: "L/1", expiryDate: "2027-12-31" });

  it.each(["ABCDEFGHJK23", "A/B%C"])("builds a Digital Link and element string that lib/gs1 parses back (%s)", (serial) => {
    const codes = code(serial);
    const link = parseDigitalLink(codes.digitalLink);
    expect(link.ok && link.value.stem).toBe("https://brand.example");
    expect(link.ok && link.value.elements.map((e) => [e.ai, e.value])).toEqual([["01", "09506000134352"], ["10", "L/1"], ["21", serial], ["17", "271231"]]);
    const parsed = parseElementString(codes.elementString);
    expect(parsed.ok && parsed.value.map((e) => e.value)).toEqual(["09506000134352", "271231", "L/1", serial]);
    expect(codes.hri).toBe(`(01) 09506000134352 (17) 271231 (10) L/1 (21) ${serial}`);
  });

  it("leaves out the expiry when there is none", () => {
    expect(createUnitCoder("https://id.gs1.org", { gtin: "09506000134352", lot: "L1", expiryDate: null })("X1").elementString).toBe(
      "(01)09506000134352(10)L1(21)X1",
    );
  });
});

describe("isValidStem", () => {
  it.each([
    ["https://brand.example", true],
    ["https://brand.example/dl", true],
    ["ftp://brand.example", false],
    ["https://brand.example/?a=1", false],
    ["brand.example", false],
  ])("%s → %s", (stem, valid) => expect(isValidStem(stem)).toBe(valid));
});

describe("symbolSvg", () => {
  it("draws a GS1 DataMatrix with its quiet zone at the module size asked", () => {
    const matrix = encodeSymbol("gs1datamatrix", "(01)09506000134352(17)271231(10)L1(21)ABCDEFGHJK23");
    expect(matrix.columns).toBeGreaterThanOrEqual(10);
    const svg = symbolSvg("gs1datamatrix", "(01)09506000134352(21)X1", { moduleMm: 0.5, standalone: true, title: "a<b" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1" width="[\d.]+mm"/);
    expect(svg).toContain("<title>a&#60;b</title>");
  });

  it("refuses data bwip-js cannot encode as GS1", () => {
    expect(() => encodeSymbol("gs1datamatrix", "(01)12345678901234")).toThrow();
  });
});
