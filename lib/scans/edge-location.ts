// Coarse location of a scan from the headers a trusted edge network adds (never from the IP address
// itself, which genuine does not keep). Which edges are trusted is configuration: a header only counts
// when genuine actually runs behind that edge, else any client could claim any country.
export interface EdgeHeaderNames {
  country: string;
  region?: string;
  city?: string;
  latitude?: string;
  longitude?: string;
}

export const EDGE_PRESETS: Readonly<Record<string, EdgeHeaderNames>> = {
  vercel: {
    country: "x-vercel-ip-country",
    region: "x-vercel-ip-country-region",
    city: "x-vercel-ip-city",
    latitude: "x-vercel-ip-latitude",
    longitude: "x-vercel-ip-longitude",
  },
  // The last four need Cloudflare's "Add visitor location headers" managed transform.
  cloudflare: { country: "cf-ipcountry", region: "cf-region-code", city: "cf-ipcity", latitude: "cf-iplatitude", longitude: "cf-iplongitude" },
};

export interface ScanLocation {
  country: string | null;
  region: string | null;
  city: string | null;
  /** Rounded to 0.1° (about 11 km): the edge's own guess is no more precise than that. */
  latitude: number | null;
  longitude: number | null;
}

export const NO_LOCATION: ScanLocation = { country: null, region: null, city: null, latitude: null, longitude: null };

/**
 * "vercel,cloudflare" (the default), "none", or custom names:
 * "country=x-geo-country;region=x-geo-region;city=x-geo-city;latitude=x-geo-lat;longitude=x-geo-lon".
 */
export function parseEdgeConfig(value: string): EdgeHeaderNames[] {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === "none") return [];
  if (trimmed.includes("=")) {
    const entries = Object.fromEntries(
      trimmed.split(";").map((pair) => {
        const [key, header] = pair.split("=").map((s) => s.trim());
        return [key ?? "", (header ?? "").toLowerCase()];
      }),
    );
    if (!entries.country) throw new Error("SCAN_LOCATION_HEADERS: a custom mapping needs country=<header>");
    const known = new Set(["country", "region", "city", "latitude", "longitude"]);
    const unknown = Object.keys(entries).filter((k) => !known.has(k));
    if (unknown.length) throw new Error(`SCAN_LOCATION_HEADERS: unknown field(s) ${unknown.join(", ")}`);
    return [entries as unknown as EdgeHeaderNames];
  }
  return trimmed.split(",").map((name) => {
    const preset = EDGE_PRESETS[name.trim().toLowerCase()];
    if (!preset) throw new Error(`SCAN_LOCATION_HEADERS: unknown edge "${name.trim()}" (use ${Object.keys(EDGE_PRESETS).join(", ")}, none, or a custom mapping)`);
    return preset;
  });
}

const COUNTRY = /^[A-Z]{2}$/;
// Placeholders edges send when they do not know: Cloudflare's XX (unknown) and T1 (Tor).
const NOT_A_COUNTRY = new Set(["XX", "T1", "ZZ", "EU", "AP"]);

function text(headers: Headers, name: string | undefined, max: number): string | null {
  if (!name) return null;
  const raw = headers.get(name)?.trim();
  if (!raw) return null;
  let value = raw;
  try {
    value = decodeURIComponent(raw); // Vercel URL-encodes the city.
  } catch {
    // Not encoded after all: keep it as sent.
  }
  value = value.replace(/[\u0000-\u001f\u007f<>]/g, "").slice(0, max);
  return value || null;
}

function coordinate(headers: Headers, name: string | undefined, limit: number): number | null {
  const value = Number(text(headers, name, 32) ?? NaN);
  if (!Number.isFinite(value) || Math.abs(value) > limit) return null;
  return Math.round(value * 10) / 10;
}

/** The first configured edge that names a country wins; its other fields come along with it. */
export function edgeLocation(headers: Headers, edges: readonly EdgeHeaderNames[]): ScanLocation {
  for (const edge of edges) {
    const country = text(headers, edge.country, 8)?.toUpperCase() ?? null;
    if (!country || !COUNTRY.test(country) || NOT_A_COUNTRY.has(country)) continue;
    const latitude = coordinate(headers, edge.latitude, 90);
    const longitude = coordinate(headers, edge.longitude, 180);
    const both = latitude !== null && longitude !== null;
    return {
      country,
      region: text(headers, edge.region, 16),
      city: text(headers, edge.city, 80),
      latitude: both ? latitude : null,
      longitude: both ? longitude : null,
    };
  }
  return NO_LOCATION;
}
