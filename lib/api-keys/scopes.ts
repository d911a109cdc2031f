// The vocabulary of API-key scopes: what a machine caller (ERP, WMS, retailer system) may do.

export const apiScopes = [
  "epcis:write",
  "epcis:read",
  "links:write",
  "links:read",
  "scans:read",
  "cases:read",
  "verify",
  "serials:write",
  "webhooks:write",
  "recalls:write",
] as const;

export type ApiScope = (typeof apiScopes)[number];

export type ParsedScopes = { ok: true; scopes: ApiScope[] } | { ok: false; unknown: string[] };

const known: ReadonlySet<string> = new Set(apiScopes);

export function isApiScope(value: string): value is ApiScope {
  return known.has(value);
}

/**
 * Validate a list of scope names (from a form, the CLI or a token claim). Unknown names are returned,
 * not thrown, so callers can name them in their own error. The result is de-duplicated and in
 * vocabulary order, so equal grants always look equal (in the token, the row and the console).
 */
export function parseScopes(list: readonly string[]): ParsedScopes {
  const names = list.map((name) => name.trim()).filter((name) => name !== "");
  const unknown = [...new Set(names.filter((name) => !isApiScope(name)))];
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, scopes: apiScopes.filter((scope) => names.includes(scope)) };
}

/** Scopes from a token's space-separated `scope` claim (RFC 8693 style); unknown names are dropped. */
export function scopesFromClaim(claim: string): ApiScope[] {
  const names = claim.split(" ");
  return apiScopes.filter((scope) => names.includes(scope));
}
