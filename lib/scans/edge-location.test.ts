import { describe, expect, it } from "vitest";
import { edgeLocation, EDGE_PRESETS, NO_LOCATION, parseEdgeConfig } from "./edge-location";

const both = parseEdgeConfig("vercel,cloudflare");

describe("edgeLocation", () => {
  it.each([
    [
      "Vercel, city URL-encoded, coordinates rounded to 0.1°",
      { "x-vercel-ip-country": "de", "x-vercel-ip-country-region": "BE", "x-vercel-ip-city": "K%C3%B6ln", "x-vercel-ip-latitude": "50.9375", "x-vercel-ip-longitude": "6.9603" },
      { country: "DE", region: "BE", city: "Köln", latitude: 50.9, longitude: 7 },
    ],
    ["Cloudflare country only", { "cf-ipcountry": "FR" }, { ...NO_LOCATION, country: "FR" }],
    ["Cloudflare's XX (unknown) and T1 (Tor) are no country", { "cf-ipcountry": "T1" }, NO_LOCATION],
    ["a malformed country is ignored", { "x-vercel-ip-country": "France" }, NO_LOCATION],
    ["a lone latitude is dropped", { "cf-ipcountry": "ES", "cf-iplatitude": "40.4" }, { ...NO_LOCATION, country: "ES" }],
    ["out-of-range coordinates are dropped", { "cf-ipcountry": "ES", "cf-iplatitude": "140", "cf-iplongitude": "3" }, { ...NO_LOCATION, country: "ES" }],
    ["markup in a city is stripped", { "cf-ipcountry": "GB", "cf-ipcity": "<script>x" }, { ...NO_LOCATION, country: "GB", city: "scriptx" }],
    ["nothing", {}, NO_LOCATION],
  ])("%s", (_, headers, expected) => {
    expect(edgeLocation(new Headers(headers), both)).toEqual(expected);
  });

  it("trusts no header when configured with none", () => {
    expect(edgeLocation(new Headers({ "cf-ipcountry": "FR" }), parseEdgeConfig("none"))).toEqual(NO_LOCATION);
  });

  it("reads a custom mapping", () => {
    const edges = parseEdgeConfig("country=X-Geo-Country;city=x-geo-city");
    expect(edgeLocation(new Headers({ "x-geo-country": "jp", "x-geo-city": "Osaka" }), edges)).toEqual({ ...NO_LOCATION, country: "JP", city: "Osaka" });
  });
});

describe("parseEdgeConfig", () => {
  it("knows the presets", () => {
    expect(parseEdgeConfig("cloudflare")).toEqual([EDGE_PRESETS.cloudflare]);
  });
  it.each(["akamai", "city=x-city", "country=x;planet=y"])("rejects %s", (value) => {
    expect(() => parseEdgeConfig(value)).toThrow(/SCAN_LOCATION_HEADERS/);
  });
});
