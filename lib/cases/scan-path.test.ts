import { describe, expect, it } from "vitest";
import { groupScans, inTimeOrder, pathStops, shortFingerprint, splitRepeatScanners, unlocatedCount, worseVerdict, type GroupableScan, type PathScan } from "./scan-path";

const PARIS = { latitude: 48.9, longitude: 2.3, country: "FR", city: "Paris" };
const LYON = { latitude: 45.8, longitude: 4.8, country: "FR", city: "Lyon" };
const SYDNEY = { latitude: -33.9, longitude: 151.2, country: "AU", city: "Sydney" };
const NOWHERE = { latitude: null, longitude: null, country: null, city: null };

const scan = (at: string, place: Omit<PathScan, "at" | "verdict">, verdict: string | null = "genuine"): PathScan => ({ at, ...place, verdict });

describe("inTimeOrder", () => {
  it.each([
    ["already ordered", ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"], ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"]],
    ["newest first (as loaded)", ["2026-01-03T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"], ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"]],
    ["mixed offsets compare as instants", ["2026-01-01T10:00:00+02:00", "2026-01-01T09:00:00Z"], ["2026-01-01T10:00:00+02:00", "2026-01-01T09:00:00Z"]],
    ["empty", [], []],
  ])("%s", (_label, given, expected) => {
    expect(inTimeOrder(given.map((at) => ({ at }))).map((s) => s.at)).toEqual(expected);
  });

  it("keeps the given order for scans at the same instant, and accepts Dates", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(inTimeOrder([{ at, n: 1 }, { at, n: 2 }, { at: new Date(0), n: 3 }]).map((s) => s.n)).toEqual([3, 1, 2]);
  });
});

describe("worseVerdict", () => {
  it.each([
    ["genuine", "counterfeit", "counterfeit"],
    ["counterfeit", "genuine", "counterfeit"],
    ["suspect", "caution", "suspect"],
    [null, "genuine", "genuine"],
    ["genuine", null, "genuine"],
    [null, null, null],
    ["caution", "made-up", "caution"],
  ] as const)("%s vs %s → %s", (a, b, expected) => {
    expect(worseVerdict(a, b)).toBe(expected);
  });
});

describe("pathStops", () => {
  it.each([
    ["no scans", [], []],
    ["unlocated scans are left out", [scan("2026-01-01T00:00:00Z", NOWHERE)], []],
    [
      "two places in time order, whatever order they came in",
      [scan("2026-01-02T00:00:00Z", SYDNEY, "counterfeit"), scan("2026-01-01T00:00:00Z", PARIS)],
      [
        { index: 1, city: "Paris", scans: 1, verdict: "genuine" },
        { index: 2, city: "Sydney", scans: 1, verdict: "counterfeit" },
      ],
    ],
    [
      "consecutive scans at one place are one stop with the worst verdict",
      [scan("2026-01-01T00:00:00Z", PARIS), scan("2026-01-01T01:00:00Z", PARIS, "suspect"), scan("2026-01-01T02:00:00Z", PARIS)],
      [{ index: 1, city: "Paris", scans: 3, verdict: "suspect", firstAt: "2026-01-01T00:00:00.000Z", lastAt: "2026-01-01T02:00:00.000Z" }],
    ],
    [
      "a return to a place is a new stop",
      [scan("2026-01-01T00:00:00Z", PARIS), scan("2026-01-02T00:00:00Z", LYON), scan("2026-01-03T00:00:00Z", PARIS)],
      [
        { index: 1, city: "Paris" },
        { index: 2, city: "Lyon" },
        { index: 3, city: "Paris" },
      ],
    ],
    [
      "an unlocated scan between two at one place does not split the stop",
      [scan("2026-01-01T00:00:00Z", PARIS), scan("2026-01-02T00:00:00Z", NOWHERE), scan("2026-01-03T00:00:00Z", PARIS)],
      [{ index: 1, city: "Paris", scans: 2 }],
    ],
  ])("%s", (_label, scans, expected) => {
    const stops = pathStops(scans);
    expect(stops).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(stops[i]).toMatchObject(e));
  });

  it("counts the scans it cannot draw", () => {
    expect(unlocatedCount([scan("2026-01-01T00:00:00Z", NOWHERE), scan("2026-01-01T00:00:00Z", PARIS), { ...scan("2026-01-01T00:00:00Z", PARIS), latitude: Number.NaN }])).toBe(2);
  });
});

describe("shortFingerprint", () => {
  it.each([
    ["k1.3fa9d2c4e5f60718293a4b5cc21b", "k1.3fa9…c21b"],
    ["3fa9d2c4e5f60718293a4b5cc21b", "3fa9…c21b"],
    ["k2.abc", "k2.abc"],
    [null, "not recorded"],
    ["", "not recorded"],
  ])("%s → %s", (given, expected) => {
    expect(shortFingerprint(given)).toBe(expected);
  });
});

describe("groupScans", () => {
  const s = (at: string, device: string | null, source: string | null, country: string | null, verdict: string | null = "genuine"): GroupableScan & { at: string } => ({
    at,
    deviceFingerprint: device,
    sourceFingerprint: source,
    country,
    verdict,
  });
  const scans = [
    s("2026-01-04T00:00:00Z", "k1.phoneB", "k1.netX", "AU", "counterfeit"),
    s("2026-01-01T00:00:00Z", "k1.phoneA", "k1.netX", "FR"),
    s("2026-01-03T00:00:00Z", null, "k1.netY", "US", "suspect"),
    s("2026-01-02T00:00:00Z", "k1.phoneA", "k1.netY", "DE", "caution"),
  ];

  it.each([
    [
      "device",
      [
        { key: "k1.phoneA", scans: 2, countries: ["FR", "DE"], worstVerdict: "caution", firstAt: "2026-01-01T00:00:00.000Z", lastAt: "2026-01-02T00:00:00.000Z" },
        { key: "k1.phoneB", scans: 1, countries: ["AU"], worstVerdict: "counterfeit" },
        { key: null, label: "not recorded", scans: 1, countries: ["US"], worstVerdict: "suspect" },
      ],
    ],
    [
      "source",
      [
        { key: "k1.netX", scans: 2, countries: ["FR", "AU"], worstVerdict: "counterfeit" },
        { key: "k1.netY", scans: 2, countries: ["DE", "US"], worstVerdict: "suspect" },
      ],
    ],
  ] as const)("by %s: groups in order of first appearance, scans oldest first, unrecorded last", (by, expected) => {
    const groups = groupScans(scans, by);
    expect(groups.map((g) => ({ ...g, scans: g.scans.length }))).toMatchObject(expected);
    for (const g of groups) expect(g.scans.map((x) => x.at)).toEqual([...g.scans.map((x) => x.at)].sort());
  });

  it("returns no groups for no scans", () => {
    expect(groupScans([], "device")).toEqual([]);
  });
});

describe("splitRepeatScanners", () => {
  const s = (at: string, device: string | null) => ({ at, deviceFingerprint: device, sourceFingerprint: null, country: null, verdict: null });

  it.each([
    ["no scans", [], [], [], 0],
    ["a clone: every device once", [s("2026-01-02T00:00:00Z", "b"), s("2026-01-01T00:00:00Z", "a")], [], ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"], 2],
    [
      "one phone scanning again stays a group; the others are listed once, oldest first",
      [s("2026-01-01T00:00:00Z", "a"), s("2026-01-03T00:00:00Z", "a"), s("2026-01-02T00:00:00Z", "b")],
      ["a"],
      ["2026-01-02T00:00:00Z"],
      1,
    ],
    ["scans without a fingerprint stay their own group even when alone", [s("2026-01-01T00:00:00Z", null)], [null], [], 0],
  ])("%s", (_label, scans, repeatedKeys, onceTimes, onceGroups) => {
    const split = splitRepeatScanners(groupScans(scans, "device"));
    expect(split.repeated.map((g) => g.key)).toEqual(repeatedKeys);
    expect(split.once.map((x) => x.at)).toEqual(onceTimes);
    expect(split.onceGroups).toBe(onceGroups);
  });
});
