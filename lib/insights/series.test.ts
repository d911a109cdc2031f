import { describe, expect, it } from "vitest";
import { formatShare, headline, perDay, scansPerDay, shortSource, verdictMix, type DailyCountRow } from "./series";

const rows: DailyCountRow[] = [
  { day: "2026-11-01", channel: "consumer", bot: false, verdict: "genuine", scans: 90 },
  { day: "2026-11-01", channel: "consumer", bot: false, verdict: "counterfeit", scans: 4 },
  { day: "2026-11-01", channel: "consumer", bot: true, verdict: "genuine", scans: 7 },
  { day: "2026-11-01", channel: "api", bot: false, verdict: "suspect", scans: 6 },
  { day: "2026-11-03", channel: "retailer", bot: false, verdict: "", scans: 2 },
  // Outside the range asked for: ignored.
  { day: "2026-10-31", channel: "consumer", bot: false, verdict: "genuine", scans: 1000 },
];
const range = { from: "2026-11-01", to: "2026-11-03" };

describe("scansPerDay", () => {
  it("splits people from bots, consumer from API, and fills days without scans", () => {
    expect(scansPerDay(range, rows)).toEqual([
      { day: "2026-11-01", consumer: 94, other: 6, bots: 7 },
      { day: "2026-11-02", consumer: 0, other: 0, bots: 0 },
      { day: "2026-11-03", consumer: 0, other: 2, bots: 0 },
    ]);
  });
});

describe("verdictMix", () => {
  it("counts human scans per verdict in a fixed order, with shares", () => {
    const inRange = rows.filter((r) => r.day >= range.from);
    expect(verdictMix(inRange)).toEqual([
      { verdict: "genuine", label: "Genuine", scans: 90, share: 90 / 102 },
      { verdict: "suspect", label: "Suspect", scans: 6, share: 6 / 102 },
      { verdict: "counterfeit", label: "Counterfeit", scans: 4, share: 4 / 102 },
      { verdict: "none", label: "Not weighed", scans: 2, share: 2 / 102 },
    ]);
  });

  it("is empty without scans", () => {
    expect(verdictMix([])).toEqual([]);
  });
});

describe("headline", () => {
  it.each([
    [rows.slice(0, 5), { humanScans: 102, botScans: 7, suspicious: 10, suspiciousShare: 10 / 102 }],
    [[], { humanScans: 0, botScans: 0, suspicious: 0, suspiciousShare: 0 }],
    [[rows[2]!], { humanScans: 0, botScans: 7, suspicious: 0, suspiciousShare: 0 }],
  ])("%#", (input, expected) => {
    expect(headline(input)).toEqual(expected);
  });
});

describe("perDay", () => {
  it("fills missing days with zero", () => {
    expect(perDay(range, [{ day: "2026-11-02", count: 3 }])).toEqual([
      { day: "2026-11-01", count: 0 },
      { day: "2026-11-02", count: 3 },
      { day: "2026-11-03", count: 0 },
    ]);
  });
});

describe("labels", () => {
  it.each([
    ["k1.3f9a0c1d2e4b5a6f", "k1.3f9a0c1…"],
    ["short", "short"],
  ])("shortSource(%s) = %s", (fingerprint, label) => {
    expect(shortSource(fingerprint)).toBe(label);
  });

  it.each([
    [0, "0.0%"],
    [0.0004, "<0.1%"],
    [0.0251, "2.5%"],
    [1, "100.0%"],
  ])("formatShare(%s) = %s", (share, label) => {
    expect(formatShare(share)).toBe(label);
  });
});
