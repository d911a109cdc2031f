// A case's scans on a world map, drawn on the server as SVG from bundled geography (works offline, no
// tiles, no client script): dots coloured by verdict, the path between them in time order with arrows
// and numbered stops, and the same places as a table for screen readers and for reading exact times.
import { scanMapGeometry, MAP_HEIGHT, MAP_WIDTH } from "@/lib/cases/scan-map-geometry";
import { pathStops, unlocatedCount, type PathScan } from "@/lib/cases/scan-path";
import { verdictColour, verdictColours, verdictLabel } from "./verdict-style";

export interface ScanMapProps {
  scans: { at: string; latitude: number | null; longitude: number | null; country: string | null; city: string | null; verdict: string | null }[];
  /** What the scans are of ("case #42"), for the accessible name. */
  label: string;
}

/** Numbers on the map beyond this many stops would overlap: the first, the last and every n-th are numbered. */
const MAX_NUMBERED = 30;
const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const placeName = (s: { city: string | null; country: string | null }) => [s.city, s.country].filter(Boolean).join(", ") || "Unknown place";
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scans";

function numbered(index: number, count: number): boolean {
  if (count <= MAX_NUMBERED) return true;
  const every = Math.ceil(count / MAX_NUMBERED);
  return index === 1 || index === count || index % every === 0;
}

export function ScanMap({ scans, label }: ScanMapProps) {
  const stops = pathStops(scans as PathScan[]);
  const geometry = scanMapGeometry(stops);
  const unlocated = unlocatedCount(scans as PathScan[]);
  const id = `scan-map-${slug(label)}`;
  const first = stops[0];
  const last = stops[stops.length - 1];
  const summary =
    stops.length === 0
      ? `No scan of ${label} has a location.`
      : stops.length === 1
        ? `${scans.length - unlocated} located scan${scans.length - unlocated === 1 ? "" : "s"} of ${label}, all in ${placeName(first!)}.`
        : `${scans.length - unlocated} located scans of ${label} at ${stops.length} stops, from ${placeName(first!)} on ${dates.format(new Date(first!.firstAt))} UTC to ${placeName(last!)} on ${dates.format(new Date(last!.lastAt))} UTC.`;
  const seenVerdicts = Object.keys(verdictColours).filter((v) => stops.some((s) => s.verdict === v));

  return (
    <figure className="scan-map" aria-labelledby={`${id}-caption`} style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
        style={{ display: "block", height: "auto", maxWidth: "100%", background: "#eef3f7", borderRadius: 8 }}
        data-stops={stops.length}
      >
        <title id={`${id}-title`}>{`Map of the scans of ${label}`}</title>
        <desc id={`${id}-desc`}>{`${summary} The table after the map lists the places in time order.`}</desc>
        <path d={geometry.sphere} fill="#f5f9fc" stroke="#c9d5de" strokeWidth={1} />
        <path d={geometry.graticule} fill="none" stroke="#dce5ec" strokeWidth={0.5} />
        <path d={geometry.land} fill="#dfe7e2" stroke="#9fb0a7" strokeWidth={0.6} />
        <path d={geometry.borders} fill="none" stroke="#ffffff" strokeWidth={0.6} />
        <g className="scan-map-path" fill="none" stroke="#14201b" strokeOpacity={0.6} strokeWidth={1.6} strokeLinecap="round">
          {geometry.hops.map((d, i) => (
            <path key={i} d={d} data-hop={i + 1} />
          ))}
        </g>
        <g className="scan-map-arrows" fill="#14201b" fillOpacity={0.75}>
          {geometry.arrows.map((a, i) => (
            <path key={i} d="M-6,-4.5L6,0L-6,4.5Z" transform={`translate(${a.x} ${a.y}) rotate(${a.angle})`} />
          ))}
        </g>
        <g className="scan-map-stops">
          {geometry.stops.map((s) => (
            <g key={s.index} data-stop={s.index} transform={`translate(${s.x} ${s.y})`}>
              <circle r={s.scans > 1 ? 7 : 5.5} fill={verdictColour(s.verdict)} stroke="#ffffff" strokeWidth={1.8} />
              {numbered(s.index, geometry.stops.length) && (
                <text x={8} y={-7} fontSize={13} fontWeight={700} fill="#14201b" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
                  {s.index}
                </text>
              )}
            </g>
          ))}
        </g>
      </svg>
      <figcaption id={`${id}-caption`} className="muted" style={{ marginTop: "0.5rem" }}>
        <span>{summary}</span>
        {geometry.zoomed && <span> The map is zoomed to the scanned places.</span>}
        {unlocated > 0 && (
          <span>
            {" "}
            {unlocated} scan{unlocated === 1 ? " has" : "s have"} no location and {unlocated === 1 ? "is" : "are"} not drawn.
          </span>
        )}
        {seenVerdicts.length > 0 && (
          <span className="scan-map-legend" style={{ display: "flex", flexWrap: "wrap", gap: "0.25rem 1rem", marginTop: "0.35rem" }}>
            {seenVerdicts.map((v) => (
              <span key={v} style={{ display: "inline-flex", alignItems: "center", gap: "0.35rem" }}>
                <svg width="12" height="12" aria-hidden="true" focusable="false">
                  <circle cx="6" cy="6" r="5" fill={verdictColour(v)} />
                </svg>
                {verdictLabel(v)}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      {stops.length > 0 && (
        <details className="scan-map-places" open={stops.length <= 8}>
          <summary>Places in time order ({stops.length})</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{`Places where ${label} was scanned, in time order`}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Place</th>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Scans</th>
                  <th scope="col">Worst verdict</th>
                </tr>
              </thead>
              <tbody>
                {stops.map((s) => (
                  <tr key={s.index}>
                    <td>{s.index}</td>
                    <td>{placeName(s)}</td>
                    <td>
                      <time dateTime={s.firstAt}>{dates.format(new Date(s.firstAt))}</time>
                      {s.lastAt !== s.firstAt && (
                        <>
                          {" – "}
                          <time dateTime={s.lastAt}>{dates.format(new Date(s.lastAt))}</time>
                        </>
                      )}
                    </td>
                    <td>{s.scans}</td>
                    <td>{verdictLabel(s.verdict)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
