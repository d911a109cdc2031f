// A case's scans as an analyst reads them: in time order, as a path of places (the map draws it), and
// grouped by the device or the network that scanned (one phone scanning many times is not a clone;
// many phones in many places are). Pure: the caller loads the scans.

export interface PathScan {
  /** ISO 8601 or a Date: the page has Dates, the map's props strings. */
  at: string | Date;
  latitude: number | null;
  longitude: number | null;
  country: string | null;
  city: string | null;
  verdict: string | null;
}

/** A place on the path: consecutive scans at the same coordinates are one stop. */
export interface PathStop {
  /** 1-based position along the path. */
  index: number;
  latitude: number;
  longitude: number;
  country: string | null;
  city: string | null;
  firstAt: string;
  lastAt: string;
  scans: number;
  /** The worst verdict answered at this stop. */
  verdict: string | null;
}

const time = (at: string | Date) => (at instanceof Date ? at.getTime() : Date.parse(at));
const iso = (at: string | Date) => (at instanceof Date ? at.toISOString() : new Date(at).toISOString());

/** Oldest first; scans at the same instant keep their given order (the sort is stable). */
export function inTimeOrder<S extends { at: string | Date }>(scans: readonly S[]): S[] {
  return [...scans].sort((a, b) => time(a.at) - time(b.at));
}

// Worst last, so the comparison is an index comparison; unknown verdicts rank as no verdict.
const verdictRank = ["genuine", "expired", "recalled", "caution", "suspect", "counterfeit"];

export function worseVerdict(a: string | null, b: string | null): string | null {
  return verdictRank.indexOf(b ?? "") > verdictRank.indexOf(a ?? "") ? b : a;
}

const located = (s: PathScan): s is PathScan & { latitude: number; longitude: number } =>
  s.latitude !== null && s.longitude !== null && Number.isFinite(s.latitude) && Number.isFinite(s.longitude);

/**
 * The located scans in time order, consecutive scans at one place merged into a stop. A return to an
 * earlier place is a new stop: the path is the journey, not the set of places.
 */
export function pathStops(scans: readonly PathScan[]): PathStop[] {
  const stops: PathStop[] = [];
  for (const scan of inTimeOrder(scans.filter(located))) {
    const last = stops[stops.length - 1];
    if (last && last.latitude === scan.latitude && last.longitude === scan.longitude) {
      last.lastAt = iso(scan.at);
      last.scans += 1;
      last.verdict = worseVerdict(last.verdict, scan.verdict);
      last.city ??= scan.city;
      continue;
    }
    stops.push({
      index: stops.length + 1,
      latitude: scan.latitude,
      longitude: scan.longitude,
      country: scan.country,
      city: scan.city,
      firstAt: iso(scan.at),
      lastAt: iso(scan.at),
      scans: 1,
      verdict: scan.verdict,
    });
  }
  return stops;
}

/** Scans without coordinates: listed beside the map, since they cannot be drawn on it. */
export function unlocatedCount(scans: readonly PathScan[]): number {
  return scans.filter((s) => !located(s)).length;
}

export type TimelineGrouping = "device" | "source";

export interface GroupableScan {
  at: string | Date;
  country: string | null;
  verdict: string | null;
  deviceFingerprint: string | null;
  sourceFingerprint: string | null;
}

export interface ScanGroup<S> {
  /** The fingerprint, or null for scans that carry none. */
  key: string | null;
  /** Short enough to read and compare: "k1.3fa9…c21b". */
  label: string;
  /** Oldest first. */
  scans: S[];
  firstAt: string;
  lastAt: string;
  /** Countries in the order the group was first seen in them. */
  countries: string[];
  worstVerdict: string | null;
}

/** A keyed hash shortened for people: key id, the first and last four characters. */
export function shortFingerprint(fingerprint: string | null): string {
  if (!fingerprint) return "not recorded";
  const [keyId, hash] = fingerprint.includes(".") ? [fingerprint.slice(0, fingerprint.indexOf(".")), fingerprint.slice(fingerprint.indexOf(".") + 1)] : ["", fingerprint];
  const body = hash.length > 10 ? `${hash.slice(0, 4)}…${hash.slice(-4)}` : hash;
  return keyId ? `${keyId}.${body}` : body;
}

/**
 * The timeline split by who scanned: one group per device (or per source network), groups in the
 * order they first appeared, each group's scans oldest first. Scans without the fingerprint form one
 * group of their own, last.
 */
export function groupScans<S extends GroupableScan>(scans: readonly S[], by: TimelineGrouping): ScanGroup<S>[] {
  const groups = new Map<string | null, ScanGroup<S>>();
  for (const scan of inTimeOrder(scans)) {
    const key = (by === "device" ? scan.deviceFingerprint : scan.sourceFingerprint) || null;
    let group = groups.get(key);
    if (!group) {
      group = { key, label: shortFingerprint(key), scans: [], firstAt: iso(scan.at), lastAt: iso(scan.at), countries: [], worstVerdict: null };
      groups.set(key, group);
    }
    group.scans.push(scan);
    group.lastAt = iso(scan.at);
    if (scan.country && !group.countries.includes(scan.country)) group.countries.push(scan.country);
    group.worstVerdict = worseVerdict(group.worstVerdict, scan.verdict);
  }
  const list = [...groups.values()];
  return [...list.filter((g) => g.key !== null), ...list.filter((g) => g.key === null)];
}

/**
 * Groups with more than one scan, and the scans of everyone who scanned only once. A clone is many
 * devices each scanning once: listing thirty one-scan groups hides that, one table of them shows it.
 */
export function splitRepeatScanners<S extends { at: string | Date }>(groups: readonly ScanGroup<S>[]): { repeated: ScanGroup<S>[]; once: S[]; onceGroups: number } {
  const repeated = groups.filter((g) => g.key === null || g.scans.length > 1);
  const single = groups.filter((g) => g.key !== null && g.scans.length === 1);
  return { repeated, once: inTimeOrder(single.map((g) => g.scans[0]!)), onceGroups: single.length };
}
