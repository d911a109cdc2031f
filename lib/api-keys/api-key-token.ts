// The shape of an API-key token: a compact JWS (JWT) signed ES256 by the instance's active key.
//   header  { alg: "ES256", kid, typ: "JWT" }
//   claims  { iss: "genuine", sub: <api key id>, jti: <api key id>, org: <organisation id>,
//             scope: "epcis:write verify", iat, exp? }
// Nothing secret is stored: the database keeps the key's row, and the signature proves the token.

export const tokenIssuer = "genuine";
export const tokenType = "JWT";

/** Bigger than any token we issue (about 400 characters); refuses junk before any parsing. */
export const maxTokenLength = 4_096;

const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function looksLikeCompactJws(token: unknown): token is string {
  return typeof token === "string" && token.length <= maxTokenLength && compactJws.test(token);
}

/**
 * What the console shows beside a key so a person can match it to a token they hold: the token's
 * last 8 characters (the end of the signature, which differs for every token; the start is the
 * header, the same for every key). Shown as "…" + displayPrefix. Not secret: it proves nothing.
 */
export function displayPrefixOf(token: string): string {
  return token.slice(-8);
}

export interface ApiKeyClaims {
  apiKeyId: string;
  organisationId: string;
  scope: string;
}

/** The claims this module relies on, or null when a (correctly signed) payload lacks them. */
export function readApiKeyClaims(payload: Record<string, unknown>): ApiKeyClaims | null {
  const { sub, jti, org, scope } = payload;
  if (typeof sub !== "string" || jti !== sub || typeof org !== "string" || typeof scope !== "string") return null;
  return { apiKeyId: sub, organisationId: org, scope };
}
