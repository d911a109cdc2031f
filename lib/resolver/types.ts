// The shapes the resolution core works on: links as the database holds them, a parsed request, and outcomes.
import type { AiValue } from "@/lib/gs1";

import type { LinksetDocument } from "./linkset-document";

/** One target of the resolver, as the core works on it (rows of resolver_links grouped by language). */
export interface ResolverLink {
  /** Canonical Digital Link path without the stem: "/01/09506000134352/10/LOT1". */
  readonly anchor: string;
  /** Lower-case CURIE: "gs1:pip", "gs1:recallstatus". */
  readonly linkType: string;
  /** Target URL; may hold templates ({gtin}, {lot}, {serial}, {expiry}, {10}, …) filled at resolution. */
  readonly href: string;
  readonly title: string;
  /** BCP 47 tags of the target, or "und" when the language is undetermined. */
  readonly hreflang: readonly string[] | "und";
  readonly context?: string | null;
  readonly mediaType?: string | null;
  /** Part of the default (gs1:defaultLink / gs1:defaultLinkMulti) at this anchor. */
  readonly isDefault: boolean;
  /** Pass the request's query string on to the target. */
  readonly forwardQuery: boolean;
}

/** One row of resolver_links (db/schema/resolver.ts): one language per row. */
export interface ResolverLinkRow {
  readonly anchor: string;
  readonly linkType: string;
  readonly href: string;
  readonly title: string;
  readonly hreflang: string;
  readonly context: string | null;
  readonly mediaType: string | null;
  readonly isDefault: boolean;
  readonly forwardQuery: boolean;
}

/** Links at each anchor ("/01/…" path) that a request may walk up to. */
export type LinksByAnchor = ReadonlyMap<string, readonly ResolverLink[]>;

/** What the core needs to know about one request; built from lib/gs1's ParsedDigitalLink by toResolutionRequest. */
export interface ResolutionRequest {
  /** Scheme, host and any path prefix the request came in on, without a trailing slash: "https://id.brand.example". */
  readonly stem: string;
  readonly primaryKey: AiValue;
  /** Key qualifiers in path order. */
  readonly qualifiers: readonly AiValue[];
  /** AI data attributes from the query string (e.g. 17 = expiry), used to fill templates. */
  readonly attributes: readonly AiValue[];
  /** The linkType parameter as sent (any case, CURIE or URI), or null. */
  readonly linkType: string | null;
  /** The context parameter, or null. */
  readonly context: string | null;
  /** Raw Accept-Language header, or null. */
  readonly acceptLanguage: string | null;
  /** Raw Accept header, or null. */
  readonly accept: string | null;
  /** The request's query string without "?", exactly as sent; passed on when a link forwards the query. */
  readonly rawQuery: string;
  /** The same identifier on https://id.gs1.org (canonical, uncompressed): published as owl:sameAs. */
  readonly canonicalUri: string;
}

/** A link chosen for a request: its template values filled in. */
export interface ResolvedLink {
  readonly link: ResolverLink;
  /** The href with templates filled: what a linkset publishes. */
  readonly href: string;
  /** Where a client is sent: the filled href plus the request's query when the link forwards it. */
  readonly location: string;
}

export type NotFoundReason = "unknown-link-type" | "no-link-of-type" | "no-default-link" | "no-links";

export type ResolutionOutcome =
  | {
      readonly kind: "redirect";
      readonly status: 307;
      /** Final Location: filled href plus the request query where the link forwards it. */
      readonly location: string;
      readonly link: ResolverLink;
      readonly anchor: string;
    }
  | { readonly kind: "multiple"; readonly status: 300; readonly links: readonly ResolvedLink[]; readonly anchor: string }
  | { readonly kind: "not-found"; readonly status: 404; readonly reason: NotFoundReason }
  | { readonly kind: "linkset"; readonly status: 200; readonly linkset: LinksetDocument };
