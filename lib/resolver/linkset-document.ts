// The linkset (RFC 9264, GS1 profile: linkset/gs1-linkset-schema.json) listing every link for a request, level by level.
import { linkTypeInfo, GS1_VOC_NAMESPACE } from "./link-types";
import { designatedDefault } from "./negotiate";
import type { ResolvedLink, ResolverLink } from "./types";

export interface LinksetTarget {
  readonly href: string;
  readonly title: string;
  readonly hreflang?: readonly string[];
  readonly type?: string;
  readonly context?: readonly string[];
}

/** One anchor's links: "anchor" and "itemDescription", then one array of targets per link-type URI. */
export type LinksetContextObject = {
  readonly anchor: string;
  readonly itemDescription: string;
  readonly [linkTypeUri: string]: string | readonly LinksetTarget[];
};

export interface LinksetDocument {
  readonly linkset: readonly LinksetContextObject[];
}

export interface LinksetLevel {
  /** Anchor path: "/01/09506000134352/10/LOT1". */
  readonly anchor: string;
  /** The links at this anchor that apply to the request, templates filled. */
  readonly links: readonly ResolvedLink[];
}

export const DEFAULT_LINK_URI = `${GS1_VOC_NAMESPACE}defaultLink`;
export const DEFAULT_LINK_MULTI_URI = `${GS1_VOC_NAMESPACE}defaultLinkMulti`;

// GS1's schema allows only "xx" or "xx-XX" language tags; "und" (no language) is said by leaving hreflang out.
const SCHEMA_LANGUAGE = /^(?:\w{2}|\w{2}-\w{2})$/;

/** The link's languages as the GS1 schema accepts them: a longer tag is published as its primary subtag. */
export function publishableLanguages(hreflang: ResolverLink["hreflang"]): string[] {
  if (hreflang === "und") return [];
  const out: string[] = [];
  for (const tag of hreflang) {
    const primary = tag.split("-")[0] ?? "";
    const published = SCHEMA_LANGUAGE.test(tag) ? tag : /^[A-Za-z]{2}$/.test(primary) ? primary : null;
    if (published && !out.includes(published)) out.push(published);
  }
  return out;
}

function target({ link, href }: ResolvedLink): LinksetTarget {
  const languages = publishableLanguages(link.hreflang);
  return {
    href,
    title: link.title,
    ...(languages.length > 0 ? { hreflang: languages } : {}),
    ...(link.mediaType ? { type: link.mediaType } : {}),
    ...(link.context ? { context: [link.context] } : {}),
  };
}

/** "(01)09506000134352(10)LOT1" from an anchor path, for anchors without a stored description. */
export function describeAnchor(anchor: string): string {
  const parts = anchor.split("/").slice(1);
  let text = "";
  for (let i = 0; i + 1 < parts.length; i += 2) {
    let value = parts[i + 1] ?? "";
    try {
      value = decodeURIComponent(value);
    } catch {
      // A malformed escape is shown as stored.
    }
    text += `(${parts[i]})${value}`;
  }
  return text;
}

function levelObject(stem: string, level: LinksetLevel, itemDescription: string): LinksetContextObject {
  const byType = new Map<string, LinksetTarget[]>();
  for (const resolved of level.links) {
    const info = linkTypeInfo(resolved.link.linkType);
    // Only vocabulary link types are published; anything else was refused on import.
    if (!info) continue;
    const list = byType.get(info.uri) ?? [];
    list.push(target(resolved));
    byType.set(info.uri, list);
  }
  const defaults = level.links.filter((r) => r.link.isDefault);
  const designated = designatedDefault(defaults);
  const object: Record<string, string | LinksetTarget[]> = { anchor: `${stem}${level.anchor}`, itemDescription };
  // gs1:defaultLink carries a title and no other attribute (suite checks defaultLinkExists, singleDefaulLink).
  if (designated) object[DEFAULT_LINK_URI] = [{ href: designated.href, title: designated.link.title }];
  // Several defaults are gs1:defaultLinkMulti, each also listed under its descriptive type (already above).
  if (defaults.length > 1) object[DEFAULT_LINK_MULTI_URI] = defaults.map(target);
  for (const [uri, targets] of byType) object[uri] = targets;
  return object as LinksetContextObject;
}

/**
 * The linkset for a request: one object per anchor level that has links, most specific first, each anchored
 * at the uncompressed URI on the request's own stem (what the suite's linksetTests match anchors against).
 */
export function buildLinkset(stem: string, levels: readonly LinksetLevel[], describe: (anchor: string) => string | undefined = () => undefined): LinksetDocument {
  const base = stem.endsWith("/") ? stem.slice(0, -1) : stem;
  const linkset = levels
    .filter((level) => level.links.length > 0)
    .map((level) => levelObject(base, level, describe(level.anchor) ?? describeAnchor(level.anchor)));
  return { linkset };
}
