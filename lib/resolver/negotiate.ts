// Choosing among several links of one type by context, language and media type.
import { languagePreference, mediaPreference, type LanguageRange, type MediaRange, type Preference } from "./accept-headers";
import type { ResolverLink } from "./types";

export interface RequestPreferences {
  readonly context: string | null;
  readonly languages: readonly LanguageRange[];
  readonly mediaRanges: readonly MediaRange[];
}

// Per attribute the request states a preference for: a match beats an unstated value on the link (an "und"
// language, no media type, no context), which beats a value the request did not ask for.
const MATCH = 2;
const UNSTATED = 1;
const MISMATCH = 0;

type Score = readonly number[];

function tiered(preference: Preference | null): number[] {
  return preference ? [MATCH, preference.q, preference.grade] : [MISMATCH, 0, 0];
}

function contextScore(link: ResolverLink, context: string | null): number[] {
  if (context === null) return [];
  if (!link.context) return [UNSTATED];
  return [link.context.toLowerCase() === context.toLowerCase() ? MATCH : MISMATCH];
}

function languageScore(link: ResolverLink, languages: readonly LanguageRange[]): number[] {
  if (languages.length === 0) return [];
  if (link.hreflang === "und" || link.hreflang.length === 0) return [UNSTATED, 0, 0];
  let best: Preference | null = null;
  for (const tag of link.hreflang) {
    const p = languagePreference(tag, languages);
    if (p && (!best || p.q > best.q || (p.q === best.q && p.grade > best.grade))) best = p;
  }
  return tiered(best);
}

function mediaScore(link: ResolverLink, ranges: readonly MediaRange[]): number[] {
  if (ranges.length === 0) return [];
  // A link of unknown media type may be anything the client accepts: ranked with its most preferred range, below
  // any link whose stated type actually matches at that preference.
  if (!link.mediaType) return [MATCH, ranges[0]?.q ?? 1, 0];
  return tiered(mediaPreference(link.mediaType, ranges));
}

/** Attributes the link states although the request expressed no preference on them: fewer is a closer fit. */
function unrequested(link: ResolverLink, p: RequestPreferences): number {
  let count = 0;
  if (p.context === null && link.context) count++;
  if (p.languages.length === 0 && link.hreflang !== "und" && link.hreflang.length > 0) count++;
  if (p.mediaRanges.length === 0 && link.mediaType) count++;
  return count;
}

/**
 * The score vector compared lexicographically. Context comes first because it is stated deliberately in the
 * request URI; Accept-Language and Accept are sent by every browser whether or not the user chose them.
 */
function score(link: ResolverLink, p: RequestPreferences): Score {
  return [...contextScore(link, p.context), ...languageScore(link, p.languages), ...mediaScore(link, p.mediaRanges), -unrequested(link, p)];
}

function compare(a: Score, b: Score): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The links that match the request best (ties kept, input order preserved). */
export function bestMatches<T extends { readonly link: ResolverLink }>(candidates: readonly T[], p: RequestPreferences): T[] {
  let best: T[] = [];
  let bestScore: Score | null = null;
  for (const candidate of candidates) {
    const s = score(candidate.link, p);
    const d = bestScore === null ? 1 : compare(s, bestScore);
    if (d > 0) {
      best = [candidate];
      bestScore = s;
    } else if (d === 0) {
      best.push(candidate);
    }
  }
  return best;
}

function optionalAttributes(link: ResolverLink): number {
  return (link.hreflang === "und" || link.hreflang.length === 0 ? 0 : 1) + (link.context ? 1 : 0) + (link.mediaType ? 1 : 0);
}

/**
 * Of several default links at one anchor (gs1:defaultLinkMulti), the one published as gs1:defaultLink: the one
 * with fewest optional attributes ("The default link SHALL NOT have any optional attributes"), then the first.
 */
export function designatedDefault<T extends { readonly link: ResolverLink }>(defaults: readonly T[]): T | undefined {
  let chosen: T | undefined;
  for (const candidate of defaults) {
    if (!chosen || optionalAttributes(candidate.link) < optionalAttributes(chosen.link)) chosen = candidate;
  }
  return chosen;
}
