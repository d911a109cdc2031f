import { describe, expect, it } from "vitest";
import { verdictHistory, type VerdictScan } from "./verdict-history";

const s = (day: number, verdict: string | null, risk = 0, reasons: string[] = []): VerdictScan => ({
  at: `2026-02-${String(day).padStart(2, "0")}T12:00:00.000Z`,
  verdict,
  risk,
  reasons,
});

describe("verdictHistory", () => {
  it.each([
    ["no scans", [], []],
    ["one scan", [s(1, "genuine", 3)], [{ verdict: "genuine", scans: 1, highestRisk: 3, from: "2026-02-01T12:00:00.000Z", to: "2026-02-01T12:00:00.000Z" }]],
    [
      "a clone's story: genuine, then suspect, then counterfeit",
      [s(1, "genuine", 10), s(2, "genuine", 14), s(3, "suspect", 50, ["distinct_scanners"]), s(4, "suspect", 60, ["distinct_scanners", "out_of_market"]), s(5, "counterfeit", 90, ["impossible_travel"])],
      [
        { verdict: "genuine", scans: 2, highestRisk: 14, reasons: [], from: "2026-02-01T12:00:00.000Z", to: "2026-02-02T12:00:00.000Z" },
        { verdict: "suspect", scans: 2, highestRisk: 60, reasons: ["distinct_scanners", "out_of_market"] },
        { verdict: "counterfeit", scans: 1, highestRisk: 90, reasons: ["impossible_travel"] },
      ],
    ],
    [
      "scans loaded newest first are read oldest first",
      [s(3, "counterfeit", 90), s(2, "genuine"), s(1, "genuine")],
      [
        { verdict: "genuine", scans: 2 },
        { verdict: "counterfeit", scans: 1 },
      ],
    ],
    [
      "a verdict coming back is a new period; scans without a verdict are a period of their own",
      [s(1, "genuine"), s(2, null), s(3, "genuine")],
      [
        { verdict: "genuine", scans: 1 },
        { verdict: null, scans: 1 },
        { verdict: "genuine", scans: 1 },
      ],
    ],
  ])("%s", (_label, scans, expected) => {
    expect(verdictHistory(scans)).toMatchObject(expected);
    expect(verdictHistory(scans)).toHaveLength(expected.length);
  });
});
