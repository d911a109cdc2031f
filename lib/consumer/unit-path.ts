// The unit a verification-page URL names: /verify/<Digital Link path>?<query>, read with lib/gs1's
// Digital Link parser (the same rules the resolver applied before sending the consumer here).
import { parseDigitalLink, uriEscape, type ParsedDigitalLink } from "@/lib/gs1";

export interface UnitPath {
  gtin: string;
  cpv: string | null;
  lot: string | null;
  serial: string | null;
  /** YYMMDD as printed in the code (AI 17). */
  expiry: string | null;
}

/** The GTIN-keyed part of a parsed Digital Link; null for other primary keys. */
export function unitPathOf(parsed: ParsedDigitalLink): UnitPath | null {
  if (parsed.primaryKey.ai !== "01") return null;
  const find = (ai: string, list: readonly { ai: string; value: string }[]) => list.find((e) => e.ai === ai)?.value ?? null;
  return {
    gtin: parsed.primaryKey.value,
    cpv: find("22", parsed.qualifiers),
    lot: find("10", parsed.qualifiers),
    serial: find("21", parsed.qualifiers),
    expiry: find("17", parsed.attributes),
  };
}

/**
 * From the page's decoded path segments (after /verify) and its query string. Segments are escaped
 * again one by one, so a value holding "/" (sent as %2F) stays one value.
 */
export function parseUnitPath(segments: readonly string[], search: string): UnitPath | null {
  if (segments.length === 0) return null;
  const query = search === "" || search.startsWith("?") ? search : `?${search}`;
  const parsed = parseDigitalLink(`https://verify.invalid/${segments.map((s) => uriEscape(s, false)).join("/")}${query}`);
  return parsed.ok ? unitPathOf(parsed.value) : null;
}
