import { describe, expect, it } from "vitest";

import { anchorPath, candidateAnchors } from "./walk-up";

const GTIN = { ai: "01", value: "09506000134352" };
const q = (ai: string, value: string) => ({ ai, value });

describe("candidateAnchors (walking up the tree, most specific first)", () => {
  const cases: [name: string, qualifiers: { ai: string; value: string }[], anchors: string[]][] = [
    ["product only", [], ["/01/09506000134352"]],
    ["lot → product", [q("10", "LOT1")], ["/01/09506000134352/10/LOT1", "/01/09506000134352"]],
    ["serial alone → product", [q("21", "S1")], ["/01/09506000134352/21/S1", "/01/09506000134352"]],
    [
      "serial → unit without lot → lot → product",
      [q("10", "LOT1"), q("21", "S1")],
      ["/01/09506000134352/10/LOT1/21/S1", "/01/09506000134352/21/S1", "/01/09506000134352/10/LOT1", "/01/09506000134352"],
    ],
    [
      "cpv, lot and serial: every level up to the key",
      [q("22", "V1"), q("10", "L"), q("21", "S")],
      [
        "/01/09506000134352/22/V1/10/L/21/S",
        "/01/09506000134352/21/S",
        "/01/09506000134352/22/V1/10/L",
        "/01/09506000134352/22/V1",
        "/01/09506000134352",
      ],
    ],
    ["cpv and lot", [q("22", "V1"), q("10", "L")], ["/01/09506000134352/22/V1/10/L", "/01/09506000134352/22/V1", "/01/09506000134352"]],
  ];
  it.each(cases)("%s", (_name, qualifiers, anchors) => {
    expect(candidateAnchors(GTIN, qualifiers)).toEqual(anchors);
  });

  it("works for other keys and their qualifiers (GLN + GLN extension)", () => {
    expect(candidateAnchors({ ai: "414", value: "9506000134369" }, [q("254", "DOCK-3")])).toEqual(["/414/9506000134369/254/DOCK-3", "/414/9506000134369"]);
  });
});

describe("anchorPath", () => {
  it("percent-encodes values the way lib/gs1 renders Digital Links", () => {
    expect(anchorPath(GTIN, [q("10", "A/B C"), q("21", "x&y")])).toBe("/01/09506000134352/10/A%2FB%20C/21/x%26y");
  });
});
