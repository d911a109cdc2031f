import { describe, expect, it } from "vitest";
import { describeEvidence, formatEvidenceValue, labelOf, ruleLabel } from "./evidence-figures";

describe("labelOf", () => {
  it.each([
    ["devices", "Devices"],
    ["scansCounted", "Scans counted"],
    ["distanceKm", "Distance"],
    ["limitKmh", "Speed limit"],
    ["minDistanceKm", "Min distance"],
    ["kmh", "Speed"],
    ["scanRef", "Scan"],
    ["first_seen", "First seen"],
  ])("%s → %s", (key, expected) => {
    expect(labelOf(key)).toBe(expected);
  });
});

describe("formatEvidenceValue", () => {
  it.each([
    ["devices", 31, "31"],
    ["distanceKm", 16987.44, "16,987.4 km"],
    ["kmh", 2400, "2,400 km/h"],
    ["hours", 3.25, "3.3 h"],
    ["windowMinutes", 10, "10 min"],
    ["corroboratedBySources", true, "yes"],
    ["involvesCurrentScan", false, "no"],
    ["at", "2026-03-01T10:00:00.000Z", "Mar 1, 2026, 10:00 AM UTC"],
    ["country", "FR", "FR"],
    ["countries", ["FR", "AU"], "FR, AU"],
    ["countries", [], "none"],
    ["serials", ["a", "b", "c", "d", "e", "f", "g"], "a, b, c, d, e and 2 more"],
    ["fastest", { km: 16987, hours: 3, weight: 0.6 }, "distance 16,987 km; hours 3 h"],
    ["deep", { a: { b: { c: 1 } } }, "a b …"],
    ["missing", null, "—"],
    ["speedKmh", Number.POSITIVE_INFINITY, "—"],
  ])("%s = %j → %s", (key, value, expected) => {
    expect(formatEvidenceValue(key, value)).toBe(expected);
  });
});

describe("describeEvidence", () => {
  it("labels a known rule's figures and takes its description from the catalogue, hiding the internal weight", () => {
    const described = describeEvidence({ rule: "distinct_scanners", severity: "high", detail: { scanners: 14, limit: 10, corroboratedBySources: true, weight: 0.7 } });
    expect(described.description).toMatch(/distinct devices/i);
    expect(described.figures).toEqual([
      { label: "Scanners", value: "14" },
      { label: "Limit", value: "10" },
      { label: "Networks agree", value: "yes" },
    ]);
  });

  it("reads a hop from where to where, then how far, how long and how fast, whatever order jsonb kept", () => {
    const described = describeEvidence({ rule: "impossible_travel", severity: "high", detail: { to: "JP", km: 18539, kmh: 1966, from: "BR", hours: 9.4 } });
    expect(described.figures.map((f) => f.label)).toEqual(["From", "To", "Distance", "Hours", "Speed"]);
  });

  it("still describes a rule this build does not know", () => {
    const described = describeEvidence({ rule: "new_rule", severity: "low", detail: {} });
    expect(described.description).toBe("The rule “new_rule” fired.");
    expect(described.figures).toEqual([]);
  });

  it.each([
    ["impossible_travel", "Impossible travel"],
    ["out_of_market", "Out of market"],
    ["burst", "Burst"],
  ])("ruleLabel(%s) → %s", (rule, expected) => {
    expect(ruleLabel(rule)).toBe(expected);
  });
});
