import { describe, expect, it } from "vitest";

import { acceptsLinkset, languagePreference, mediaPreference, parseAccept, parseAcceptLanguage } from "./accept-headers";

describe("parseAcceptLanguage", () => {
  const cases: [header: string | null, ranges: [string, number][]][] = [
    [null, []],
    ["", []],
    ["fr", [["fr", 1]]],
    ["en-GB,en;q=0.8,fr;q=0.9", [["en-gb", 1], ["fr", 0.9], ["en", 0.8]]],
    ["de;q=0.5, *;q=0.1", [["de", 0.5], ["*", 0.1]]],
    ["en;q=0, fr", [["fr", 1]]], // q=0: not acceptable, dropped
    ["en;q=1.5, fr;q=abc, de", [["de", 1]]], // invalid q values drop the range
    ["x_y, en-US", [["en-us", 1]]],
    ["es-419;q=0.7, es", [["es", 1], ["es-419", 0.7]]],
  ];
  it.each(cases)("%s", (header, ranges) => {
    expect(parseAcceptLanguage(header).map((r) => [r.range, r.q])).toEqual(ranges);
  });

  it("reads at most 32 ranges of a hostile header", () => {
    expect(parseAcceptLanguage(Array.from({ length: 1000 }, () => "en").join(","))).toHaveLength(32);
  });
});

describe("languagePreference", () => {
  const ranges = parseAcceptLanguage("en-GB, fr;q=0.8, *;q=0.1");
  const cases: [tag: string, expected: { q: number; grade: number } | null][] = [
    ["en-GB", { q: 1, grade: 4 }], // exact
    ["en", { q: 1, grade: 3 }], // prefix of the range
    ["en-US", { q: 1, grade: 2 }], // same primary subtag
    ["fr-CA", { q: 0.8, grade: 3 }],
    ["de", { q: 0.1, grade: 1 }], // wildcard
  ];
  it.each(cases)("%s", (tag, expected) => {
    expect(languagePreference(tag, ranges)).toEqual(expected);
  });
  it("no match without a wildcard", () => {
    expect(languagePreference("de", parseAcceptLanguage("en"))).toBeNull();
  });
});

describe("parseAccept and mediaPreference", () => {
  const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
  it("orders ranges by q", () => {
    expect(parseAccept(browser).map((r) => r.range)).toEqual(["text/html", "application/xhtml+xml", "image/avif", "application/xml", "*/*"]);
  });
  const cases: [type: string, expected: { q: number; grade: number } | null][] = [
    ["text/html", { q: 1, grade: 3 }],
    ["TEXT/HTML; charset=utf-8", { q: 1, grade: 3 }],
    ["application/pdf", { q: 0.8, grade: 1 }],
  ];
  it.each(cases)("%s", (type, expected) => {
    expect(mediaPreference(type, parseAccept(browser))).toEqual(expected);
  });
  it("type/* ranges", () => {
    expect(mediaPreference("image/png", parseAccept("image/*"))).toEqual({ q: 1, grade: 2 });
    expect(mediaPreference("text/html", parseAccept("application/json"))).toBeNull();
  });
});

describe("acceptsLinkset (ltAcceptHeader)", () => {
  const cases: [header: string | null, expected: boolean][] = [
    ["application/linkset+json", true],
    ["Application/Linkset+JSON", true],
    ["application/json, application/linkset+json;q=0.5", true],
    ["application/linkset+json;q=0", false],
    ["*/*", false],
    ["application/json", false],
    [null, false],
  ];
  it.each(cases)("%s → %s", (header, expected) => {
    expect(acceptsLinkset(header)).toBe(expected);
  });
});
