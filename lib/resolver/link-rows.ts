// Between resolver_links rows (one language a row) and ResolverLinks (one target, all its languages).
import type { LinksByAnchor, ResolverLink, ResolverLinkRow } from "./types";

const UND = "und";

function groupKey(row: ResolverLinkRow): string {
  const und = row.hreflang.toLowerCase() === UND;
  return JSON.stringify([row.anchor, row.linkType.toLowerCase(), row.href, row.title, row.context, row.mediaType, row.isDefault, row.forwardQuery, und]);
}

/**
 * Rows that differ only in hreflang are one target in several languages (one linkset entry with an hreflang
 * array). An "und" row stays a link of its own: it is the fallback for any language, not one more language.
 */
export function groupLinkRows(rows: readonly ResolverLinkRow[]): ResolverLink[] {
  const groups = new Map<string, { row: ResolverLinkRow; languages: string[] }>();
  for (const row of rows) {
    const key = groupKey(row);
    const group = groups.get(key);
    if (group) {
      if (!group.languages.includes(row.hreflang)) group.languages.push(row.hreflang);
    } else {
      groups.set(key, { row, languages: [row.hreflang] });
    }
  }
  return [...groups.values()].map(({ row, languages }) => ({
    anchor: row.anchor,
    linkType: row.linkType.toLowerCase(),
    href: row.href,
    title: row.title,
    hreflang: row.hreflang.toLowerCase() === UND ? UND : languages,
    context: row.context,
    mediaType: row.mediaType,
    isDefault: row.isDefault,
    forwardQuery: row.forwardQuery,
  }));
}

/** One row per language, the shape resolver_links stores. */
export function toLinkRows(link: ResolverLink): ResolverLinkRow[] {
  const languages = link.hreflang === UND || link.hreflang.length === 0 ? [UND] : link.hreflang;
  return languages.map((hreflang) => ({
    anchor: link.anchor,
    linkType: link.linkType,
    href: link.href,
    title: link.title,
    hreflang,
    context: link.context ?? null,
    mediaType: link.mediaType ?? null,
    isDefault: link.isDefault,
    forwardQuery: link.forwardQuery,
  }));
}

/** Index links by anchor, keeping their order: the input of resolve(). */
export function indexLinksByAnchor(links: readonly ResolverLink[]): LinksByAnchor {
  const byAnchor = new Map<string, ResolverLink[]>();
  for (const link of links) {
    const list = byAnchor.get(link.anchor);
    if (list) list.push(link);
    else byAnchor.set(link.anchor, [link]);
  }
  return byAnchor;
}
