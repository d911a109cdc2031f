// The geometry of a case's scan map, computed on the server from bundled Natural Earth data (world-atlas,
// 1:110m): no tile server, no network, nothing for the browser to run. The view fits the scanned places
// (a clone seen across one country is not a dot on a world map) and never shows less than a region.
import { geoEqualEarth, geoGraticule, geoInterpolate, geoPath, type GeoProjection } from "d3-geo";
import { merge, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import type { PathStop } from "./scan-path";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
const PADDING = 36;
/** The closest the map zooms in, as a multiple of the whole-world scale (about a large country). */
const MAX_ZOOM = 8;

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
// One outline for all land (countries merged) plus the borders once: each shared edge drawn a single time.
const land = merge(topology, topology.objects.countries.geometries as Parameters<typeof merge>[1]);
const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
const sphere = { type: "Sphere" } as const;
// Every 30°: enough to read the curvature, a tenth of the bytes of the usual 10° lines.
const graticule = geoGraticule().step([30, 30])();

export interface MapStop extends PathStop {
  x: number;
  y: number;
}

export interface MapArrow {
  /** Where the arrow head sits (the middle of the hop) and where it points, in degrees. */
  x: number;
  y: number;
  angle: number;
}

export interface ScanMapGeometry {
  sphere: string;
  graticule: string;
  land: string;
  borders: string;
  /** One path per hop between consecutive stops, along the great circle. */
  hops: string[];
  arrows: MapArrow[];
  stops: MapStop[];
  zoomed: boolean;
}

function worldProjection(): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    sphere,
  );
}

/**
 * The whole world when the stops span much of it; otherwise zoomed on them (at most MAX_ZOOM times),
 * centred on their middle, and clipped to the frame.
 */
export function projectionFor(stops: readonly Pick<PathStop, "latitude" | "longitude">[]): { projection: GeoProjection; zoomed: boolean } {
  const world = worldProjection();
  if (stops.length === 0) return { projection: world, zoomed: false };
  const points = { type: "MultiPoint" as const, coordinates: stops.map((s) => [s.longitude, s.latitude]) };
  const fitted = geoEqualEarth().fitExtent(
    [
      [PADDING, PADDING],
      [MAP_WIDTH - PADDING, MAP_HEIGHT - PADDING],
    ],
    points,
  );
  const fittedScale = Number.isFinite(fitted.scale()) ? fitted.scale() : Infinity;
  const scale = Math.min(Math.max(fittedScale, world.scale()), world.scale() * MAX_ZOOM);
  if (scale <= world.scale() * 1.05) return { projection: world, zoomed: false };
  // Centre on the middle of the stops' projected bounds at the chosen scale.
  const probe = geoEqualEarth().scale(scale).translate([0, 0]);
  const xy = stops.map((s) => probe([s.longitude, s.latitude])!);
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const mid = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
  const projection = geoEqualEarth()
    .scale(scale)
    .translate([MAP_WIDTH / 2 - mid[0]!, MAP_HEIGHT / 2 - mid[1]!])
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
  return { projection, zoomed: true };
}

type Layers = Pick<ScanMapGeometry, "sphere" | "graticule" | "land" | "borders">;

function layers(path: ReturnType<typeof geoPath>): Layers {
  return { sphere: path(sphere) ?? "", graticule: path(graticule) ?? "", land: path(land) ?? "", borders: path(borders) ?? "" };
}

// The whole-world view is the same for every case: drawn once per process.
let worldLayers: Layers | null = null;

export function scanMapGeometry(stops: readonly PathStop[]): ScanMapGeometry {
  const { projection, zoomed } = projectionFor(stops);
  // Whole pixels are plenty at this size and keep the page small.
  const path = geoPath(projection).digits(0);
  const background = zoomed ? layers(path) : (worldLayers ??= layers(path));
  const placed = stops.map((s) => {
    const [x, y] = projection([s.longitude, s.latitude]) ?? [NaN, NaN];
    return { ...s, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  const hops: string[] = [];
  const arrows: MapArrow[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a: [number, number] = [stops[i - 1]!.longitude, stops[i - 1]!.latitude];
    const b: [number, number] = [stops[i]!.longitude, stops[i]!.latitude];
    hops.push(path({ type: "LineString", coordinates: [a, b] }) ?? "");
    const along = geoInterpolate(a, b);
    const head = projection(along(0.5));
    const ahead = projection(along(0.52));
    if (head && ahead && (head[0] !== ahead[0] || head[1] !== ahead[1])) {
      const angle = (Math.atan2(ahead[1] - head[1], ahead[0] - head[0]) * 180) / Math.PI;
      arrows.push({ x: Math.round(head[0] * 10) / 10, y: Math.round(head[1] * 10) / 10, angle: Math.round(angle) });
    }
  }
  return {
    ...background,
    hops,
    arrows,
    stops: placed.filter((s) => Number.isFinite(s.x) && Number.isFinite(s.y)),
    zoomed,
  };
}
