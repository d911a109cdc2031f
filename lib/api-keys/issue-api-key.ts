// Issue an API key: store its row, sign its token. The token is returned once and never stored.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { Executor } from "@/db/database";
import { insertApiKey, isUuid, type ApiKeyRow } from "@/db/queries/api-keys";
import { AppError } from "@/lib/http/problem";
import { displayPrefixOf, tokenIssuer, tokenType } from "./api-key-token";
import { parseScopes, type ApiScope } from "./scopes";
import { activeSigningKey, signingAlgorithm } from "./signing-keys";

export interface IssueApiKeyInput {
  organisationId: string;
  name: string;
  scopes: readonly ApiScope[];
  createdBy?: string | null;
  /** Null or absent: the key lasts until revoked. Stored to the second, as in the token's exp. */
  expiresAt?: Date | null;
}

export interface IssuedApiKey {
  /** Show once; it cannot be recovered. */
  token: string;
  apiKey: ApiKeyRow;
}

const maxNameLength = 100;

/** Throws AppError("bad_request") for an empty name, no or unknown scopes, or a past expiry. */
export async function issueApiKey(db: Executor, secret: string, input: IssueApiKeyInput, now: Date = new Date()): Promise<IssuedApiKey> {
  const name = input.name.trim();
  if (name === "" || name.length > maxNameLength) throw new AppError("bad_request", `A key needs a name of 1 to ${maxNameLength} characters.`);
  // Typed as ApiScope[], but the CLI and forms may cast: check again at the door.
  const parsed = parseScopes(input.scopes);
  if (!parsed.ok) throw new AppError("bad_request", `Unknown scopes: ${parsed.unknown.join(", ")}.`, { unknownScopes: parsed.unknown });
  if (parsed.scopes.length === 0) throw new AppError("bad_request", "A key needs at least one scope.");
  if (!isUuid(input.organisationId)) throw new AppError("bad_request", "Unknown organisation.");

  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAtSeconds = input.expiresAt ? Math.floor(input.expiresAt.getTime() / 1000) : null;
  if (expiresAtSeconds !== null && expiresAtSeconds <= issuedAt) throw new AppError("bad_request", "The expiry must be in the future.");

  // The id is chosen here so the token can be signed before the row is written, in one insert.
  const id = randomUUID();
  const signingKey = await activeSigningKey(db, secret);
  const jwt = new SignJWT({ org: input.organisationId, scope: parsed.scopes.join(" ") })
    .setProtectedHeader({ alg: signingAlgorithm, kid: signingKey.kid, typ: tokenType })
    .setIssuer(tokenIssuer)
    .setSubject(id)
    .setJti(id)
    .setIssuedAt(issuedAt);
  if (expiresAtSeconds !== null) jwt.setExpirationTime(expiresAtSeconds);
  const token = await jwt.sign(signingKey.privateKey);

  const apiKey = await insertApiKey(db, {
    id,
    organisationId: input.organisationId,
    name,
    scopes: parsed.scopes,
    displayPrefix: displayPrefixOf(token),
    createdBy: input.createdBy ?? null,
    createdAt: now,
    expiresAt: expiresAtSeconds === null ? null : new Date(expiresAtSeconds * 1000),
  });
  return { token, apiKey };
}
