// Accept-Language and Accept parsing (RFC 9110 §12.5) for choosing between links of one type.

export interface LanguageRange {
  /** Lower-case language range: "en", "en-gb", or "*". */
  readonly range: string;
  readonly q: number;
}

export interface MediaRange {
  /** Lower-case "type/subtype", "type/*" or "*\/*", parameters other than q dropped. */
  readonly range: string;
  readonly q: number;
}

/** A match of one link attribute against the request: higher q first, then the closer match (higher grade). */
export interface Preference {
  readonly q: number;
  readonly grade: number;
}

// Headers are client-controlled: bound the work whatever their length.
const MAX_RANGES = 32;
const LANGUAGE_RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
const MEDIA_RANGE = /^(?:\*\/\*|[a-z0-9!#$&^_.+-]+\/(?:\*|[a-z0-9!#$&^_.+-]+))$/;
const QVALUE = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

function parseRanges(header: string | null | undefined, valid: RegExp): { range: string; q: number }[] {
  if (!header) return [];
  const ranges: { range: string; q: number; order: number }[] = [];
  for (const item of header.split(",").slice(0, MAX_RANGES)) {
    const [first = "", ...params] = item.split(";").map((p) => p.trim().toLowerCase());
    if (!valid.test(first)) continue;
    let q = 1;
    for (const param of params) {
      if (!param.startsWith("q=")) continue;
      const match = QVALUE.exec(param);
      q = match ? Number(match[1]) : -1;
    }
    // q=0 means "not acceptable": such a range can never make a link preferable, so it is dropped.
    if (q > 0) ranges.push({ range: first, q, order: ranges.length });
  }
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order).map(({ range, q }) => ({ range, q }));
}

export function parseAcceptLanguage(header: string | null | undefined): LanguageRange[] {
  return parseRanges(header, LANGUAGE_RANGE);
}

export function parseAccept(header: string | null | undefined): MediaRange[] {
  return parseRanges(header, MEDIA_RANGE);
}

function primary(tag: string): string {
  const dash = tag.indexOf("-");
  return dash < 0 ? tag : tag.slice(0, dash);
}

/**
 * How well one language tag of a link meets the request: exact (4), one a prefix of the other as in RFC 4647
 * lookup, "en" for "en-GB" or back (3), same primary subtag, "en-US" for "en-GB" (2), the "*" range (1).
 */
export function languagePreference(tag: string, ranges: readonly LanguageRange[]): Preference | null {
  const lower = tag.toLowerCase();
  let best: Preference | null = null;
  for (const { range, q } of ranges) {
    let grade = 0;
    if (range === lower) grade = 4;
    else if (range === "*") grade = 1;
    else if (lower.startsWith(`${range}-`) || range.startsWith(`${lower}-`)) grade = 3;
    else if (primary(range) === primary(lower)) grade = 2;
    if (grade > 0 && (!best || q > best.q || (q === best.q && grade > best.grade))) best = { q, grade };
  }
  return best;
}

/** How well a link's media type meets the Accept ranges: exact (3), "type/*" (2), "*\/*" (1). */
export function mediaPreference(mediaType: string, ranges: readonly MediaRange[]): Preference | null {
  const lower = mediaType.toLowerCase().split(";")[0]?.trim() ?? "";
  const type = lower.slice(0, lower.indexOf("/") + 1);
  let best: Preference | null = null;
  for (const { range, q } of ranges) {
    let grade = 0;
    if (range === lower) grade = 3;
    else if (range === `${type}*`) grade = 2;
    else if (range === "*/*") grade = 1;
    if (grade > 0 && (!best || q > best.q || (q === best.q && grade > best.grade))) best = { q, grade };
  }
  return best;
}

export const LINKSET_MEDIA_TYPE = "application/linkset+json";

/** Accept asks for the linkset when it names application/linkset+json with q > 0 (ltAcceptHeader check). */
export function acceptsLinkset(header: string | null | undefined): boolean {
  return parseAccept(header).some((r) => r.range === LINKSET_MEDIA_TYPE);
}
