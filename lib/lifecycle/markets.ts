// The markets (ISO 3166-1 alpha-2) an event sends a unit to, from its destinationList and, for steps
// that happen at the destination, its bizLocation. Locations resolve through the brand's own map.
import { computeCheckDigit } from "@/lib/gs1/check-digit";
import { toCountryCode } from "./iso-3166";
import { toCbvBizStep, toCbvDisposition, toCbvSourceDestType } from "./vocabulary";

/** The brand's known locations and parties: any identifier form (GLN, SGLN/PGLN URN, Digital Link) → country. */
export type KnownLocations = Readonly<Record<string, string>>;

/** A lookup built once per capture from KnownLocations, keyed by canonical location. */
export type LocationIndex = ReadonlyMap<string, string>;

const SGLN = /^urn:epc:id:sgln:(\d+)\.(\d*)\.(.+)$/i;
const PGLN = /^urn:epc:id:pgln:(\d+)\.(\d*)$/i;
const DL_LOCATION = /^https?:\/\/[^/]+(?:\/.*)?\/(414|417)\/(\d{13})(?:\/254\/([^/?#]+))?\/?(?:[?#].*)?$/i;

function gln(companyPrefix: string, reference: string): string | null {
  const body = companyPrefix + reference;
  if (body.length !== 12) return null;
  const check = computeCheckDigit(body);
  return check === null ? null : body + check;
}

/**
 * One key per physical location: `gln` or `gln/extension`. An SGLN extension of "0" is the GLN itself
 * (TDS 1.13 §6.3.3); Digital Link 414/254 and 417 (party GLN) map the same way. Anything else is kept
 * as it is, so a brand can also key its own URNs.
 */
export function canonicalLocation(id: string): string {
  const value = id.trim();
  const sgln = SGLN.exec(value);
  if (sgln) {
    const base = gln(sgln[1] ?? "", sgln[2] ?? "");
    if (base) return sgln[3] === "0" ? base : `${base}/${decodeURIComponent(sgln[3] ?? "")}`;
  }
  const pgln = PGLN.exec(value);
  if (pgln) return gln(pgln[1] ?? "", pgln[2] ?? "") ?? value;
  const dl = DL_LOCATION.exec(value);
  if (dl?.[2]) return dl[3] ? `${dl[2]}/${decodeURIComponent(dl[3])}` : dl[2];
  return value;
}

export function indexLocations(known: KnownLocations): LocationIndex {
  const index = new Map<string, string>();
  for (const [id, country] of Object.entries(known)) {
    const code = toCountryCode(country);
    if (code) index.set(canonicalLocation(id), code);
  }
  return index;
}

const ISO_URN = /^urn:iso:(?:std:iso:)?3166(?::-1|-1)?:([a-z]{2})$/i;
const ISO_SUBDIVISION_URN = /^urn:iso:(?:std:iso:)?3166(?::-2|-2):([a-z]{2})-[a-z0-9]{1,3}$/i;
const ISO_OBP = /^https:\/\/www\.iso\.org\/obp\/ui\/#iso:code:3166:([a-z]{2})$/i;

/**
 * A country named explicitly by the identifier: `urn:iso:std:iso:3166:-1:DE` (also `urn:iso:3166-1:DE`),
 * a subdivision `urn:iso:std:iso:3166:-2:DE-BY` (its country), or ISO's own page for the code.
 * `geo:` URIs are not resolved: that needs reverse geocoding and border data; map them in KnownLocations.
 */
export function explicitCountry(id: string): string | null {
  const value = id.trim();
  const match = ISO_URN.exec(value) ?? ISO_SUBDIVISION_URN.exec(value) ?? ISO_OBP.exec(value);
  return match ? toCountryCode(match[1]) : null;
}

/** The country of a location or party: the brand's map first (location, then its GLN), then an explicit code. */
export function countryOfLocation(id: string, index: LocationIndex): string | null {
  const key = canonicalLocation(id);
  const slash = key.indexOf("/");
  const site = slash > 0 && /^\d{13}$/.test(key.slice(0, slash)) ? key.slice(0, slash) : null;
  return index.get(key) ?? (site ? index.get(site) : undefined) ?? explicitCountry(id);
}

export interface Destination {
  /** CBV source/destination type, bare or URI. */
  readonly type: string;
  readonly destination: string;
}

export interface MarketEvidence {
  readonly bizStep?: string | null;
  readonly disposition?: string | null;
  readonly bizLocation?: string | null;
  readonly destinationList?: readonly Destination[];
}

// Steps done where the goods have arrived: their bizLocation is in the market. Commissioning or
// packing happen at the factory, which is no market.
const AT_DESTINATION_STEPS: ReadonlySet<string> = new Set(["receiving", "arriving", "accepting", "stocking", "retail_selling", "dispensing"]);
const AT_DESTINATION_DISPOSITIONS: ReadonlySet<string> = new Set(["sellable_accessible", "retail_sold", "dispensed", "partially_dispensed"]);

export interface MarketsResult {
  /** Markets to add to the unit, upper-case, without duplicates. */
  readonly markets: string[];
  /** Identifiers that named a destination but resolved to no country: worth adding to KnownLocations. */
  readonly unresolved: string[];
}

/**
 * Destinations of type `location` are used; `possessing_party` only when no location is given (where
 * the new holder is); `owning_party` never (an owner abroad says nothing about where the goods go).
 */
export function marketsOfEvent(evidence: MarketEvidence, index: LocationIndex): MarketsResult {
  const destinations = evidence.destinationList ?? [];
  const byType = (type: string) =>
    destinations.filter((d) => toCbvSourceDestType(d.type) === type).map((d) => d.destination);
  const locations = byType("location");
  const candidates = locations.length > 0 ? locations : byType("possessing_party");

  const bizStep = toCbvBizStep(evidence.bizStep);
  const disposition = toCbvDisposition(evidence.disposition);
  const atDestination = (bizStep && AT_DESTINATION_STEPS.has(bizStep)) || (disposition && AT_DESTINATION_DISPOSITIONS.has(disposition));
  if (evidence.bizLocation && atDestination) candidates.push(evidence.bizLocation);

  const markets: string[] = [];
  const unresolved: string[] = [];
  for (const id of candidates) {
    const country = countryOfLocation(id, index);
    if (!country) unresolved.push(id);
    else if (!markets.includes(country)) markets.push(country);
  }
  return { markets, unresolved };
}
