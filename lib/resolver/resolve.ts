// The resolution decision for one request: redirect (307), choices (300), not found (404) or the linkset (200).
import { acceptsLinkset, parseAccept, parseAcceptLanguage } from "./accept-headers";
import { appendQuery } from "./forward-query";
import { fillHrefTemplate, templateValues } from "./href-template";
import { parseLinkTypeParam } from "./link-types";
import { buildLinkset } from "./linkset-document";
import { bestMatches, designatedDefault, type RequestPreferences } from "./negotiate";
import type { LinksByAnchor, ResolutionOutcome, ResolutionRequest, ResolvedLink, ResolverLink } from "./types";
import { candidateAnchors } from "./walk-up";

export interface ResolveOptions {
  /** itemDescription for a linkset level (e.g. the product name); defaults to the identifier in brackets. */
  readonly describe?: (anchor: string) => string | undefined;
}

/** Every applicable link per anchor, most specific first; a link whose templates the request cannot fill is left out. */
export function applicableLevels(request: ResolutionRequest, linksByAnchor: LinksByAnchor): { anchor: string; links: ResolvedLink[] }[] {
  const values = templateValues(request.primaryKey, request.qualifiers, request.attributes);
  return candidateAnchors(request.primaryKey, request.qualifiers).map((anchor) => {
    const links: ResolvedLink[] = [];
    for (const link of linksByAnchor.get(anchor) ?? []) {
      const href = fillHrefTemplate(link.href, values);
      if (href !== null) links.push({ link, href, location: link.forwardQuery ? appendQuery(href, request.rawQuery) : href });
    }
    return { anchor, links };
  });
}

function redirect(anchor: string, chosen: ResolvedLink): ResolutionOutcome {
  return { kind: "redirect", status: 307, location: chosen.location, link: chosen.link, anchor };
}

function preferences(request: ResolutionRequest): RequestPreferences {
  const context = request.context?.trim() ? request.context.trim() : null;
  return { context, languages: parseAcceptLanguage(request.acceptLanguage), mediaRanges: parseAccept(request.accept) };
}

/** The first level (walking up) with any link passing the filter: the most granular level wins per link type. */
function firstLevel(levels: readonly { anchor: string; links: ResolvedLink[] }[], keep: (link: ResolverLink) => boolean) {
  for (const level of levels) {
    const links = level.links.filter((c) => keep(c.link));
    if (links.length > 0) return { anchor: level.anchor, links };
  }
  return null;
}

/**
 * Resolve one request against the links of its identifier (ConformantResolver1_0.txt; rules in README.md):
 * - linkType=linkset|all, or Accept: application/linkset+json without a linkType → 200 with the linkset of every level;
 * - no linkType, gs1:defaultLink or gs1:defaultLinkMulti → 307 to the default: among several defaults at the most
 *   specific level that has one, the best match for context, language and media type; a tie goes to the tied
 *   link with fewest optional attributes (the one gs1:defaultLink names, when it is among them);
 * - another link type → the most specific level with links of that type; one link → 307; several → the best
 *   match, ties broken by the brand's default flag, else 300 with the tied links;
 * - a link type outside the vocabulary or without links here → 404.
 */
export function resolve(request: ResolutionRequest, linksByAnchor: LinksByAnchor, options: ResolveOptions = {}): ResolutionOutcome {
  const linkType = parseLinkTypeParam(request.linkType);
  if (!linkType.ok) return { kind: "not-found", status: 404, reason: "unknown-link-type" };
  const levels = applicableLevels(request, linksByAnchor);

  const wantsLinkset = linkType.value.kind === "linkset" || (!request.linkType?.trim() && acceptsLinkset(request.accept));
  if (wantsLinkset) {
    // An identifier with no links at all is an error condition: never a 200 (check noErrorWith200).
    if (levels.every((level) => level.links.length === 0)) return { kind: "not-found", status: 404, reason: "no-links" };
    return { kind: "linkset", status: 200, linkset: buildLinkset(request.stem, levels, options.describe) };
  }

  const p = preferences(request);
  if (linkType.value.kind === "default") {
    const level = firstLevel(levels, (link) => link.isDefault);
    if (!level) return { kind: "not-found", status: 404, reason: "no-default-link" };
    const best = level.links.length === 1 ? level.links : bestMatches(level.links, p);
    // A default request always redirects, never 300: the one best match, else the plainest of the tied.
    const chosen = best.length === 1 ? best[0] : (designatedDefault(best) ?? designatedDefault(level.links));
    return chosen ? redirect(level.anchor, chosen) : { kind: "not-found", status: 404, reason: "no-default-link" };
  }

  const key = linkType.value.linkType.key;
  const level = firstLevel(levels, (link) => link.linkType === key);
  if (!level) return { kind: "not-found", status: 404, reason: "no-link-of-type" };
  // One link of the requested type is the answer whatever the headers say: they only disambiguate.
  if (level.links.length === 1 && level.links[0]) return redirect(level.anchor, level.links[0]);
  const best = bestMatches(level.links, p);
  const defaults = best.filter((c) => c.link.isDefault);
  const chosen = best.length === 1 ? best[0] : defaults.length === 1 ? defaults[0] : undefined;
  if (chosen) return redirect(level.anchor, chosen);
  return { kind: "multiple", status: 300, anchor: level.anchor, links: best };
}
