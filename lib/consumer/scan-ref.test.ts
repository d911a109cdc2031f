import { describe, expect, it } from "vitest";
import { scanRefFromCookies } from "./scan-ref";

const REF = "6f1c2f5e-1c33-4c1b-9f55-0e4a3f1e2d7a";
const NOW = 1_800_000_000_000;

describe("scanRefFromCookies", () => {
  it.each([
    [null, null],
    ["", null],
    [`genuine_scan=${REF}.${NOW - 5_000}`, REF],
    [`genuine_device=abc; genuine_scan=${REF.toUpperCase()}.${NOW}`, REF],
    [`genuine_scan=${REF}.${NOW - 11 * 60_000}`, null],
    [`genuine_scan=${REF}.${NOW + 5 * 60_000}`, null],
    [`genuine_scan=${REF}`, null],
    [`genuine_scan=not-a-uuid.${NOW}`, null],
    [`other_scan=${REF}.${NOW}`, null],
  ])("%s → %s", (header, expected) => {
    expect(scanRefFromCookies(header, NOW)).toBe(expected);
  });
});
