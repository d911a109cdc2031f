// The case page's map, rendered as the server renders it: an SVG with the path in time order and a text
// alternative naming the same places in the same order.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScanMap, type ScanMapProps } from "@/components/console/cases/scan-map";
import { scanMapGeometry } from "./scan-map-geometry";
import { pathStops } from "./scan-path";

const scan = (at: string, city: string, country: string, latitude: number | null, longitude: number | null, verdict: string | null): ScanMapProps["scans"][number] => ({
  at,
  city,
  country,
  latitude,
  longitude,
  verdict,
});

// Loaded newest first, as the case page has them.
const scans = [
  scan("2026-03-04T08:00:00.000Z", "Sydney", "AU", -33.9, 151.2, "counterfeit"),
  scan("2026-03-03T08:00:00.000Z", "Nowhere", "ZZ", null, null, "suspect"),
  scan("2026-03-02T08:00:00.000Z", "New York", "US", 40.7, -74, "suspect"),
  scan("2026-03-01T09:00:00.000Z", "Paris", "FR", 48.9, 2.3, "genuine"),
  scan("2026-03-01T08:00:00.000Z", "Paris", "FR", 48.9, 2.3, "genuine"),
];

const render = (props: ScanMapProps) => renderToStaticMarkup(createElement(ScanMap, props));

describe("ScanMap", () => {
  const html = render({ scans, label: "case #7" });

  it("renders a responsive, labelled SVG", () => {
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 960 500"/);
    expect(html).toMatch(/<svg[^>]*width="100%"/);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain("<title id=\"scan-map-case-7-title\">Map of the scans of case #7</title>");
    expect(html).toContain("4 located scans of case #7 at 3 stops, from Paris, FR on Mar 1, 2026, 8:00 AM UTC to Sydney, AU on Mar 4, 2026, 8:00 AM UTC.");
  });

  it("draws the stops numbered in time order, one hop with an arrow between each consecutive pair", () => {
    expect([...html.matchAll(/data-stop="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3]);
    expect([...html.matchAll(/data-hop="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([1, 2]);
    expect(html.match(/rotate\(/g)).toHaveLength(2);
    const stops = scanMapGeometry(pathStops(scans)).stops;
    expect(stops.map((s) => s.city)).toEqual(["Paris", "New York", "Sydney"]);
    // The first stop's dot is where Paris projects, so the numbers sit on the right places.
    expect(html).toContain(`transform="translate(${stops[0]!.x} ${stops[0]!.y})"`);
  });

  it("colours dots by verdict and says what each colour means", () => {
    expect(html).toContain('fill="#0b6e4f"');
    expect(html).toContain('fill="#b3261e"');
    expect(html).toMatch(/genuine<\/span>.*suspect<\/span>.*counterfeit<\/span>/s);
  });

  it("lists the same places in the same order as a table, and says what it could not draw", () => {
    const rows = [...html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]+)<\/td>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(rows).toEqual([
      [1, "Paris, FR"],
      [2, "New York, US"],
      [3, "Sydney, AU"],
    ]);
    expect(html).toContain("Places in time order (3)");
    expect(html).toContain("1 scan has no location and is not drawn.");
    // Two scans at one stop: the table gives both times.
    expect(html).toContain('<time dateTime="2026-03-01T08:00:00.000Z">');
    expect(html).toContain('<time dateTime="2026-03-01T09:00:00.000Z">');
  });

  it.each([
    ["no scans", [], "No scan of case #9 has a location."],
    ["only unlocated scans", [scan("2026-03-01T08:00:00.000Z", "x", "ZZ", null, null, null)], "No scan of case #9 has a location."],
    ["one place", [scan("2026-03-01T08:00:00.000Z", "Lyon", "FR", 45.8, 4.8, "genuine")], "1 located scan of case #9, all in Lyon, FR."],
  ])("still renders a map and a summary with %s", (_label, given, summary) => {
    const out = render({ scans: given, label: "case #9" });
    expect(out).toContain("<svg");
    expect(out).toContain(summary);
    expect(out).not.toContain("data-hop");
  });
});
