// The HTTP Link header (RFC 8288) a resolver response carries, with RFC 8288/8187 escaping.
import type { ResolutionOutcome, ResolutionRequest } from "./types";
import { LINKSET_MEDIA_TYPE } from "./accept-headers";
import { anchorPath } from "./walk-up";

/** GS1's JSON-LD context for linksets (Resolver standard artefacts; the latest version, unchanged since 1.0.0). */
export const LINKSET_CONTEXT_URL = "https://ref.gs1.org/standards/resolver/linkset-context";
export const JSON_LD_CONTEXT_REL = "http://www.w3.org/ns/json-ld#context";

export interface HeaderLink {
  readonly href: string;
  readonly rel: string;
  readonly type?: string;
  readonly title?: string;
  readonly hreflang?: string;
}

// Inside <…> only URI characters may appear. "," is escaped too: readers (GS1's test suite among them) split the
// header on commas, so a comma left in a URI would cut a link in two.
function escapeUri(uri: string): string {
  let out = "";
  for (const char of uri) {
    if (/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+;=%]$/.test(char)) out += char;
    else for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** RFC 8187 ext-value: UTF-8''percent-encoded, for a title that is not plain printable ASCII. */
function extValue(value: string): string {
  const encoded = encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `UTF-8''${encoded}`;
}

export function serialiseLink(link: HeaderLink): string {
  const parts = [`<${escapeUri(link.href)}>`, `rel=${quoted(link.rel)}`];
  if (link.type) parts.push(`type=${quoted(link.type)}`);
  if (link.hreflang) parts.push(`hreflang=${quoted(link.hreflang)}`);
  if (link.title !== undefined) {
    // Quoted-strings are ASCII: a title with other characters goes in title*, with an ASCII title beside it.
    if (/^[\x20-\x7e]*$/.test(link.title)) parts.push(`title=${quoted(link.title)}`);
    else parts.push(`title=${quoted(link.title.replace(/[^\x20-\x7e]/g, "?"))}`, `title*=${extValue(link.title)}`);
  }
  return parts.join("; ");
}

/** One Link header value from several links. */
export function serialiseLinkHeader(links: readonly HeaderLink[]): string {
  return links.map(serialiseLink).join(", ");
}

/** Where the linkset of this request can be fetched: the request's own path with linkType=linkset. */
export function linksetUrl(request: ResolutionRequest): string {
  return `${request.stem}${anchorPath(request.primaryKey, request.qualifiers)}?linkType=linkset`;
}

/**
 * The Link header for a resolution outcome:
 * - owl:sameAs → the uncompressed canonical URI on id.gs1.org, always (SHALL for compressed requests,
 *   ConformantResolver1_0.txt "Compression"; harmless and informative otherwise);
 * - rel="linkset" → the linkset, on every answer but the linkset itself and an identifier with no links
 *   ("SHOULD expose link to the linkset in an HTTP Link header, even when redirecting", check linkOnRedirect);
 *   only that link, not every link: listing all links was deprecated in standard 1.0.0 (check legacyLinkHeaders);
 * - on the linkset answer, the JSON-LD context (check linksetJsonldCheck).
 */
export function resolverLinkHeader(request: ResolutionRequest, outcome: ResolutionOutcome): string {
  const links: HeaderLink[] = [];
  if (outcome.kind === "linkset") {
    links.push({ href: LINKSET_CONTEXT_URL, rel: JSON_LD_CONTEXT_REL, type: "application/ld+json" });
  } else if (!(outcome.kind === "not-found" && outcome.reason === "no-links")) {
    links.push({ href: linksetUrl(request), rel: "linkset", type: LINKSET_MEDIA_TYPE });
  }
  links.push({ href: request.canonicalUri, rel: "owl:sameAs" });
  return serialiseLinkHeader(links);
}
