// HTTP for the resolver: CORS on every answer (the standard's SHALL), errors as problem+json for
// machines and as a page for people, and each resolution outcome as its response.
import { AppError } from "@/lib/http/problem";
import { LINKSET_MEDIA_TYPE } from "./accept-headers";
import { resolverPageHtml, RESOLVER_PAGE_CSP, type ResolverPage } from "./resolver-page";
import type { ResolutionOutcome } from "./types";

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-allow-headers": "Accept, Accept-Language, Content-Type",
  "access-control-expose-headers": "Link, Location, Content-Language, Retry-After",
  "access-control-max-age": "86400",
};

/** People's browsers ask for text/html; everything else (apps, the conformance suite) gets JSON. */
export function wantsHtml(accept: string | null): boolean {
  return accept !== null && /\btext\/html\b/i.test(accept);
}

export function respond(method: string, status: number, body: string | null, headers: Record<string, string>): Response {
  // HEAD: the same status and headers, no body (SHALL support HEAD).
  return new Response(method === "HEAD" ? null : body, { status, headers: { ...CORS_HEADERS, "cache-control": "no-store", ...headers } });
}

export function errorResponse(method: string, accept: string | null, page: ResolverPage, extra: Record<string, string> = {}, extensions: Record<string, unknown> = {}): Response {
  if (wantsHtml(accept)) {
    return respond(method, page.status, resolverPageHtml(page), { "content-type": "text/html; charset=utf-8", "content-security-policy": RESOLVER_PAGE_CSP, ...extra });
  }
  const code = page.status === 400 ? "bad_request" : page.status === 429 ? "rate_limited" : "not_found";
  const problem = new AppError(code, page.message, { ...(page.detail ? { gs1: page.detail } : {}), ...extensions }).toProblem();
  return respond(method, page.status, JSON.stringify(problem), { "content-type": "application/problem+json", ...extra });
}

const NOT_FOUND_MESSAGES: Record<Extract<ResolutionOutcome, { kind: "not-found" }>["reason"], string> = {
  "unknown-link-type": "That link type is not one of GS1's; nothing is offered under it.",
  "no-link-of-type": "There is no link of the requested type for this product.",
  "no-default-link": "This product has no page to show yet.",
  "no-links": "Nothing is published for this code yet.",
};

export function outcomeResponse(method: string, accept: string | null, outcome: ResolutionOutcome, headers: Record<string, string>): Response {
  switch (outcome.kind) {
    case "redirect":
      return respond(method, 307, null, { location: outcome.location, ...headers });
    case "linkset":
      return respond(method, 200, JSON.stringify(outcome.linkset), { "content-type": LINKSET_MEDIA_TYPE, ...headers });
    case "multiple": {
      const choices = outcome.links.map((l) => ({ href: l.location, title: l.link.title, hreflang: l.link.hreflang === "und" ? undefined : l.link.hreflang.join(",") }));
      if (wantsHtml(accept)) {
        const page = resolverPageHtml({ status: 300, title: "Choose a page", message: "Several pages match. Which one would you like?", choices });
        return respond(method, 300, page, { "content-type": "text/html; charset=utf-8", "content-security-policy": RESOLVER_PAGE_CSP, ...headers });
      }
      return respond(method, 300, JSON.stringify({ anchor: outcome.anchor, links: choices }), { "content-type": "application/json", ...headers });
    }
    case "not-found":
      return errorResponse(method, accept, { status: 404, title: "Nothing to show", message: NOT_FOUND_MESSAGES[outcome.reason] }, headers, { reason: outcome.reason });
  }
}
