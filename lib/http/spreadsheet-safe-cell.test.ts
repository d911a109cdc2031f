import { describe, expect, it } from "vitest";
import { spreadsheetSafeCell } from "./spreadsheet-safe-cell";

describe("spreadsheetSafeCell", () => {
  it.each([
    ["=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["LN8Q4Z7T2V", "LN8Q4Z7T2V"],
    ["a=b", "a=b"],
    ["", ""],
    [null, ""],
    [undefined, ""],
  ])("%j → %j", (value, expected) => {
    expect(spreadsheetSafeCell(value)).toBe(expected);
  });
});
