// Verify a presented API-key token: signature (cached public key, no database), then the key's row
// (revocation is checked on every use), then record the use at most once a minute.
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import type { Executor } from "@/db/database";
import { findApiKeyForToken, recordApiKeyUse } from "@/db/queries/api-keys";
import { looksLikeCompactJws, readApiKeyClaims, tokenIssuer, tokenType } from "./api-key-token";
import { scopesFromClaim, type ApiScope } from "./scopes";
import { signingAlgorithm, verificationKey } from "./signing-keys";

export type ApiKeyRefusal = "malformed" | "unknown_key" | "bad_signature" | "expired" | "revoked" | "not_found";

export interface VerifiedApiKey {
  id: string;
  organisationId: string;
  scopes: ApiScope[];
  name: string;
}

export type ApiKeyVerification = { ok: true; key: VerifiedApiKey } | { ok: false; reason: ApiKeyRefusal };

export interface VerifyApiKeyOptions {
  /**
   * Run the lastUsedAt write later, e.g. with Next's `after()`, so the request does not wait for it.
   * Without it the write is awaited (and its failure logged, never thrown).
   */
  defer?: (task: () => Promise<void>) => void;
}

/** Record lastUsedAt at most once per key in this window: one write a minute, not one per request. */
export const lastUsedThrottleMs = 60_000;

/**
 * Never throws for a bad token, whatever its shape; a database failure does throw (it is not the
 * caller's fault, and must not read as "your key is invalid").
 */
export async function verifyApiKey(
  db: Executor,
  token: unknown,
  now: Date = new Date(),
  options: VerifyApiKeyOptions = {},
): Promise<ApiKeyVerification> {
  if (!looksLikeCompactJws(token)) return refuse("malformed");
  let kid: string;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== signingAlgorithm || header.typ !== tokenType || typeof header.kid !== "string" || header.kid === "") {
      return refuse("malformed");
    }
    kid = header.kid;
  } catch {
    return refuse("malformed");
  }

  const key = await verificationKey(db, kid);
  if (!key) return refuse("unknown_key");

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [signingAlgorithm],
      issuer: tokenIssuer,
      typ: tokenType,
      currentDate: now,
      requiredClaims: ["sub", "jti", "iat"],
    }));
  } catch (error) {
    // jose checks the signature before any claim, so "expired" is only said of a genuine token.
    if (error instanceof errors.JWTExpired) return refuse("expired");
    if (error instanceof errors.JWSSignatureVerificationFailed) return refuse("bad_signature");
    return refuse("malformed");
  }
  const claims = readApiKeyClaims(payload);
  if (!claims) return refuse("malformed");

  const row = await findApiKeyForToken(db, claims.apiKeyId);
  // A token naming another organisation than its key's row can only come from a leaked signing
  // key; answer as for a key that does not exist, and leak nothing about the row.
  if (!row || row.organisationId !== claims.organisationId) return refuse("not_found");
  if (row.revokedAt) return refuse("revoked");
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return refuse("expired");

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedThrottleMs) {
    const record = () => recordUse(db, row.organisationId, row.id, now);
    if (options.defer) options.defer(record);
    else await record();
  }

  // The row is authoritative (scopes cannot grow after issue); the claim can only narrow it.
  const granted = new Set(row.scopes);
  const scopes = scopesFromClaim(claims.scope).filter((scope) => granted.has(scope));
  return { ok: true, key: { id: row.id, organisationId: row.organisationId, scopes, name: row.name } };
}

export function hasScope(key: Pick<VerifiedApiKey, "scopes">, scope: ApiScope): boolean {
  return key.scopes.includes(scope);
}

function refuse(reason: ApiKeyRefusal): ApiKeyVerification {
  return { ok: false, reason };
}

async function recordUse(db: Executor, organisationId: string, id: string, now: Date): Promise<void> {
  try {
    await recordApiKeyUse(db, organisationId, id, now, lastUsedThrottleMs);
  } catch (error) {
    // Bookkeeping: a failed write must not refuse an otherwise valid request.
    console.warn("genuine: could not record an API key's last use", error);
  }
}
