// From lib/gs1's parse result and the HTTP request to the core's ResolutionRequest.
import type { ParsedDigitalLink } from "@/lib/gs1";

import type { ResolutionRequest } from "./types";

export interface RequestHeaders {
  readonly accept?: string | null;
  readonly acceptLanguage?: string | null;
}

/** A non-AI query parameter by name, ignoring case (linkType, linktype and LINKTYPE are one parameter). */
export function queryParam(params: Readonly<Record<string, string>>, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === wanted) return value;
  return null;
}

/**
 * @param parsed  parseDigitalLink's result for the request URL (compressed links already decoded)
 * @param headers Accept and Accept-Language as sent
 * @param rawQuery the request's query string as sent (URL.search, with or without "?"), passed on to targets
 */
export function toResolutionRequest(parsed: ParsedDigitalLink, headers: RequestHeaders, rawQuery: string): ResolutionRequest {
  const stem = parsed.stem.endsWith("/") ? parsed.stem.slice(0, -1) : parsed.stem;
  return {
    stem,
    primaryKey: parsed.primaryKey,
    qualifiers: parsed.qualifiers,
    attributes: parsed.attributes,
    linkType: queryParam(parsed.otherParams, "linkType"),
    context: queryParam(parsed.otherParams, "context"),
    acceptLanguage: headers.acceptLanguage ?? null,
    accept: headers.accept ?? null,
    rawQuery: rawQuery.startsWith("?") ? rawQuery.slice(1) : rawQuery,
    canonicalUri: parsed.canonicalUri,
  };
}
