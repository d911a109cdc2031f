// API keys and the key pairs that sign them. Everything a tenant sees takes its organisationId; the
// two unscoped reads serve token verification (the token names its key) and the signing-key store.
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { apiKeys, signingKeys } from "../schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;
export type SigningKeyRow = typeof signingKeys.$inferSelect;

// PostgreSQL rejects a malformed uuid with an error; a foreign or garbled id is simply "not found".
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export async function insertApiKey(db: Executor, values: NewApiKeyRow): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  if (!row) throw new Error("insert into api_keys returned no row");
  return row;
}

/** Newest first, revoked ones included (the console shows them struck through). */
export async function listApiKeys(db: Executor, organisationId: string): Promise<ApiKeyRow[]> {
  if (!isUuid(organisationId)) return [];
  return db.select().from(apiKeys).where(eq(apiKeys.organisationId, organisationId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

export async function findApiKey(db: Executor, organisationId: string, id: string): Promise<ApiKeyRow | undefined> {
  if (!isUuid(organisationId) || !isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.organisationId, organisationId)))
    .limit(1);
  return row;
}

/**
 * Revoke a key of this organisation. Idempotent: revoking again keeps the first revocation time.
 * Undefined when the organisation has no such key (another organisation's id included).
 */
export async function revokeApiKey(db: Executor, organisationId: string, id: string, now: Date = new Date()): Promise<ApiKeyRow | undefined> {
  if (!isUuid(organisationId) || !isUuid(id)) return undefined;
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.organisationId, organisationId), isNull(apiKeys.revokedAt)))
    .returning();
  return revoked ?? findApiKey(db, organisationId, id);
}

/**
 * Unscoped on purpose: a presented token names its key, and the caller then checks that the row's
 * organisation is the one the token claims. Operator tooling (the admin CLI) may use it to find a
 * key's organisation before calling revokeApiKey. Never expose its result to a tenant directly.
 */
export async function findApiKeyForToken(db: Executor, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({
      id: apiKeys.id,
      organisationId: apiKeys.organisationId,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.id, id))
    .limit(1);
  return row;
}

/**
 * Record a use, unless one was recorded within `throttleMs`: the condition sits in the UPDATE so
 * concurrent requests across processes still write at most once per window.
 */
export async function recordApiKeyUse(db: Executor, organisationId: string, id: string, now: Date, throttleMs: number): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, id),
        eq(apiKeys.organisationId, organisationId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - throttleMs))),
      ),
    )
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

// Signing keys: instance-wide (not a tenant's data), so no organisation argument.

/** The key new tokens are signed with: the newest one not yet rotated out (nor retired). */
export async function findActiveSigningKey(db: Executor): Promise<SigningKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(signingKeys)
    .where(and(isNull(signingKeys.rotatedAt), isNull(signingKeys.retiredAt)))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid))
    .limit(1);
  return row;
}

export async function findSigningKey(db: Executor, kid: string): Promise<SigningKeyRow | undefined> {
  const [row] = await db.select().from(signingKeys).where(eq(signingKeys.kid, kid)).limit(1);
  return row;
}

/** Keys that still verify: active and rotated ones, oldest first. */
export async function listVerifyingSigningKeys(db: Executor): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).where(isNull(signingKeys.retiredAt)).orderBy(signingKeys.createdAt, signingKeys.kid);
}

export async function insertSigningKey(db: Executor, values: typeof signingKeys.$inferInsert): Promise<SigningKeyRow> {
  const [row] = await db.insert(signingKeys).values(values).returning();
  if (!row) throw new Error("insert into signing_keys returned no row");
  return row;
}

/** Stop every current key from signing (they keep verifying until retired). */
export async function markSigningKeysRotated(db: Executor, now: Date): Promise<void> {
  await db.update(signingKeys).set({ rotatedAt: now }).where(isNull(signingKeys.rotatedAt));
}

/** Retiring also rotates: a retired key must never sign again. Undefined for an unknown kid. */
export async function markSigningKeyRetired(db: Executor, kid: string, now: Date): Promise<SigningKeyRow | undefined> {
  const [row] = await db
    .update(signingKeys)
    .set({ retiredAt: sql`coalesce(${signingKeys.retiredAt}, ${now.toISOString()}::timestamptz)`, rotatedAt: sql`coalesce(${signingKeys.rotatedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(signingKeys.kid, kid))
    .returning();
  return row;
}

/** Serialises key creation and rotation across processes (inside a transaction). */
export async function lockSigningKeys(db: Executor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('genuine.signing_keys'))`);
}
