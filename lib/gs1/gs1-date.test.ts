import { describe, expect, it } from "vitest";
import { gs1DateToIso } from "./gs1-date";

const today = new Date("2026-11-25T00:00:00Z");

describe("gs1DateToIso", () => {
  it.each([
    ["271231", "2027-12-31"],
    ["270200", "2027-02-28"], // day 00: last day of the month
    ["280200", "2028-02-29"], // leap year
    ["760101", "2076-01-01"], // 50 years ahead: still this century
    ["770101", "1977-01-01"], // 51 years ahead: the previous century
    ["000101", "2000-01-01"],
    ["270230", null],
    ["271301", null],
    ["2712", null],
    ["27123A", null],
  ])("%s → %s", (input, expected) => {
    expect(gs1DateToIso(input, today)).toBe(expected);
  });

  it("rolls forward near the end of a century", () => {
    expect(gs1DateToIso("200101", new Date("2095-06-01T00:00:00Z"))).toBe("2120-01-01");
  });
});
