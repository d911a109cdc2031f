import { describe, expect, it } from "vitest";
import { daysOf, parseDateRange, rangeInstants, rangeLabel } from "./date-range";

const today = new Date("2026-11-25T18:30:00Z");

describe("parseDateRange", () => {
  it.each([
    [{}, { preset: "30d", from: "2026-10-27", to: "2026-11-25", days: 30 }],
    [{ range: "7d" }, { preset: "7d", from: "2026-11-19", to: "2026-11-25", days: 7 }],
    [{ range: "90d" }, { preset: "90d", from: "2026-08-28", to: "2026-11-25", days: 90 }],
    // A preset wins over stray dates (the form keeps them when switching back).
    [{ range: "7d", from: "2026-01-01" }, { preset: "7d", from: "2026-11-19", to: "2026-11-25", days: 7 }],
    [{ range: "custom", from: "2026-11-01", to: "2026-11-10" }, { preset: "custom", from: "2026-11-01", to: "2026-11-10", days: 10 }],
    [{ from: "2026-11-25", to: "2026-11-25" }, { preset: "custom", from: "2026-11-25", to: "2026-11-25", days: 1 }],
    [{ from: "2025-11-26" }, { preset: "custom", from: "2025-11-26", to: "2026-11-25", days: 365 }],
    [{ to: "2026-02-28" }, { preset: "custom", from: "2026-01-30", to: "2026-02-28", days: 30 }],
    [{ range: ["7d", "90d"] }, { preset: "7d", from: "2026-11-19", to: "2026-11-25", days: 7 }],
    [{ range: "", from: "", to: "" }, { preset: "30d", from: "2026-10-27", to: "2026-11-25", days: 30 }],
  ])("%j → %j", (params, range) => {
    expect(parseDateRange(params, today)).toEqual({ ok: true, range });
  });

  it.each([
    [{ range: "1y" }, "Range: choose 7, 30 or 90 days, or custom dates."],
    [{ from: "25/11/2026" }, "From: Use a date like 2026-11-25."],
    [{ from: "2026-02-30" }, "From: That date does not exist."],
    [{ to: "2026-13-01" }, "To: That date does not exist."],
    [{ from: "2026-11-10", to: "2026-11-01" }, "From must be on or before To."],
    [{ to: "2026-11-26" }, "To cannot be in the future."],
    [{ from: "2019-12-31", to: "2020-01-31" }, "From must be on or after 2020-01-01."],
    [{ from: "2024-01-01", to: "2026-01-01" }, "Choose at most 731 days."],
  ])("%j is refused: %s (the last 30 days instead)", (params, error) => {
    const parsed = parseDateRange(params, today);
    expect(parsed).toMatchObject({ ok: false, error, range: { preset: "30d", from: "2026-10-27", to: "2026-11-25" } });
  });
});

describe("range helpers", () => {
  it("lists every day, month and year ends included", () => {
    expect(daysOf({ from: "2024-02-27", to: "2024-03-01" })).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(daysOf({ from: "2026-12-31", to: "2027-01-01" })).toEqual(["2026-12-31", "2027-01-01"]);
  });

  it("covers the last day up to midnight UTC, exclusive", () => {
    expect(rangeInstants({ from: "2026-11-01", to: "2026-11-30" })).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-12-01T00:00:00Z"),
    });
  });

  it.each([
    [{ preset: "7d" as const, from: "2026-11-19", to: "2026-11-25", days: 7 }, "Last 7 days (2026-11-19 to 2026-11-25, UTC)"],
    [{ preset: "custom" as const, from: "2026-11-25", to: "2026-11-25", days: 1 }, "2026-11-25 to 2026-11-25 (1 day, UTC)"],
  ])("labels %j", (range, label) => {
    expect(rangeLabel(range)).toBe(label);
  });
});
