import { describe, expect, it } from "vitest";
import { sourceWindow, splitByMonths } from "./insights";

describe("splitByMonths", () => {
  it.each([
    // Inside one month: days only.
    [{ from: "2026-11-03", to: "2026-11-20" }, { days: [{ from: "2026-11-03", to: "2026-11-20" }], months: null }],
    // Across a month boundary without a whole month: days only.
    [{ from: "2026-10-15", to: "2026-11-20" }, { days: [{ from: "2026-10-15", to: "2026-11-20" }], months: null }],
    // Exactly one whole month.
    [{ from: "2026-11-01", to: "2026-11-30" }, { days: [], months: { from: "2026-11-01", to: "2026-11-01" } }],
    // Loose days at both ends around whole months (February of a leap year included).
    [
      { from: "2023-11-26", to: "2024-11-25" },
      { days: [{ from: "2023-11-26", to: "2023-11-30" }, { from: "2024-11-01", to: "2024-11-25" }], months: { from: "2023-12-01", to: "2024-10-01" } },
    ],
    [{ from: "2024-02-01", to: "2024-02-29" }, { days: [], months: { from: "2024-02-01", to: "2024-02-01" } }],
    [{ from: "2024-02-01", to: "2024-02-28" }, { days: [{ from: "2024-02-01", to: "2024-02-28" }], months: null }],
    // Starts on a month's first day, ends mid-month.
    [{ from: "2026-01-01", to: "2026-03-10" }, { days: [{ from: "2026-03-01", to: "2026-03-10" }], months: { from: "2026-01-01", to: "2026-02-01" } }],
    // Year boundary.
    [{ from: "2025-12-31", to: "2027-01-01" }, { days: [{ from: "2025-12-31", to: "2025-12-31" }, { from: "2027-01-01", to: "2027-01-01" }], months: { from: "2026-01-01", to: "2026-12-01" } }],
  ])("%j", (range, split) => {
    expect(splitByMonths(range)).toEqual(split);
  });
});

describe("sourceWindow", () => {
  it.each([
    [{ from: "2026-11-19", to: "2026-11-25" }, { from: "2026-11-19", to: "2026-11-25" }],
    [{ from: "2026-10-27", to: "2026-11-25" }, { from: "2026-10-27", to: "2026-11-25" }],
    [{ from: "2026-08-28", to: "2026-11-25" }, { from: "2026-10-27", to: "2026-11-25" }],
    [{ from: "2025-11-26", to: "2026-11-25" }, { from: "2026-10-27", to: "2026-11-25" }],
  ])("%j covers %j", (range, window) => {
    expect(sourceWindow(range)).toEqual(window);
  });
});
