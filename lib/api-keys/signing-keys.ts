// The key pairs that sign API-key tokens: created on first use, rotated and retired by operators.
// Verification runs on every API request, so the decrypted signing key and the imported public keys
// are cached per process (and per database handle) for a short TTL; rotate/retire in this process
// clear the cache at once, other processes follow within the TTL.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { Executor } from "@/db/database";
import {
  findActiveSigningKey,
  findSigningKey,
  insertSigningKey,
  listVerifyingSigningKeys,
  lockSigningKeys,
  markSigningKeyRetired,
  markSigningKeysRotated,
  type SigningKeyRow,
} from "@/db/queries/api-keys";
import { decryptPrivateKey, encryptPrivateKey } from "./key-encryption";

export const signingAlgorithm = "ES256";
const cacheTtlMs = 60_000;
const maxCachedKids = 1_000;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface PublicJwk extends JWK {
  kid: string;
  alg: typeof signingAlgorithm;
  use: "sig";
}

interface Cached<T> {
  value: Promise<T>;
  expiresAt: number;
}

interface KeyCache {
  active?: Cached<SigningKey>;
  /** null: unknown or retired kid (cached too, so a flood of made-up kids does not reach the database). */
  publicKeys: Map<string, Cached<CryptoKey | null>>;
}

// On globalThis so that every bundle's copy of this module shares one cache (as app-database does).
const cacheKey = Symbol.for("genuine.signing-key-cache");
type GlobalWithCache = typeof globalThis & { [cacheKey]?: WeakMap<object, KeyCache> };

function cacheFor(db: Executor): KeyCache {
  const g = globalThis as GlobalWithCache;
  const caches = (g[cacheKey] ??= new WeakMap());
  let cache = caches.get(db);
  if (!cache) {
    cache = { publicKeys: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/** Start from the database again (after an operator changed keys from another process, or in tests). */
export function forgetCachedSigningKeys(db: Executor): void {
  const cache = cacheFor(db);
  delete cache.active;
  cache.publicKeys.clear();
}

/** The key new tokens are signed with; the first call on a new database creates it. */
export function activeSigningKey(db: Executor, secret: string): Promise<SigningKey> {
  const cache = cacheFor(db);
  if (cache.active && cache.active.expiresAt > Date.now()) return cache.active.value;
  const value = loadActiveSigningKey(db, secret);
  const entry = { value, expiresAt: Date.now() + cacheTtlMs };
  cache.active = entry;
  // A failure (database down, wrong secret) is not cached: the next call tries again.
  value.catch(() => {
    if (cache.active === entry) delete cache.active;
  });
  return value;
}

async function loadActiveSigningKey(db: Executor, secret: string): Promise<SigningKey> {
  const row =
    (await findActiveSigningKey(db)) ??
    (await db.transaction(async (tx) => {
      // Two processes starting together must not both create "the first" key.
      await lockSigningKeys(tx);
      return (await findActiveSigningKey(tx)) ?? (await insertSigningKey(tx, await generateSigningKey(secret)));
    }));
  return { kid: row.kid, privateKey: await importPrivateKey(row, secret) };
}

/** A new key signs from now on; every previous one stops signing but verifies until retired. */
export async function rotateSigningKey(db: Executor, secret: string, now: Date = new Date()): Promise<{ kid: string }> {
  const values = await generateSigningKey(secret);
  const row = await db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    await markSigningKeysRotated(tx, now);
    return insertSigningKey(tx, { ...values, createdAt: now });
  });
  const cache = cacheFor(db);
  delete cache.active;
  cache.publicKeys.delete(row.kid);
  return { kid: row.kid };
}

/**
 * The kid stops verifying: every token it signed is refused (unknown_key) and it leaves the JWKS.
 * Retiring the active key is allowed (a compromised key): the next token gets a newly created key.
 * False when no key has this kid.
 */
export async function retireSigningKey(db: Executor, kid: string, now: Date = new Date()): Promise<boolean> {
  const row = await markSigningKeyRetired(db, kid, now);
  const cache = cacheFor(db);
  cache.publicKeys.delete(kid);
  delete cache.active;
  return row !== undefined;
}

/** The public halves of every key that still verifies, as served at /.well-known/jwks.json. */
export async function publicJwks(db: Executor): Promise<{ keys: PublicJwk[] }> {
  const rows = await listVerifyingSigningKeys(db);
  return { keys: rows.filter((row) => row.algorithm === signingAlgorithm).map(toPublicJwk) };
}

/** The public key that verifies tokens with this kid, or null when the kid is unknown or retired. */
export function verificationKey(db: Executor, kid: string): Promise<CryptoKey | null> {
  const cache = cacheFor(db);
  const cached = cache.publicKeys.get(kid);
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  if (cache.publicKeys.size >= maxCachedKids) {
    // Map keeps insertion order: drop the oldest entry, a crude LRU that bounds memory.
    const oldest = cache.publicKeys.keys().next();
    if (!oldest.done) cache.publicKeys.delete(oldest.value);
  }
  const value = loadVerificationKey(db, kid);
  const entry = { value, expiresAt: Date.now() + cacheTtlMs };
  cache.publicKeys.set(kid, entry);
  value.catch(() => {
    if (cache.publicKeys.get(kid) === entry) cache.publicKeys.delete(kid);
  });
  return value;
}

async function loadVerificationKey(db: Executor, kid: string): Promise<CryptoKey | null> {
  const row = await findSigningKey(db, kid);
  if (!row || row.retiredAt || row.algorithm !== signingAlgorithm) return null;
  const key = await importJWK(publicJwkFields(row.publicJwk), signingAlgorithm);
  return key as CryptoKey;
}

function publicJwkFields(jwk: Record<string, unknown>): JWK {
  // Only the public EC members, whatever else the stored JSON may hold.
  const { kty, crv, x, y } = jwk as { kty?: string; crv?: string; x?: string; y?: string };
  return { kty, crv, x, y };
}

function toPublicJwk(row: SigningKeyRow): PublicJwk {
  return { ...publicJwkFields(row.publicJwk), kid: row.kid, alg: signingAlgorithm, use: "sig" };
}

async function generateSigningKey(secret: string) {
  const { publicKey, privateKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
  const publicJwk = publicJwkFields(await exportJWK(publicKey));
  // RFC 7638 thumbprint: a kid derived from the key itself, so it can never name a different key.
  const kid = await calculateJwkThumbprint(publicJwk, "sha256");
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    algorithm: signingAlgorithm,
    publicJwk: publicJwk as Record<string, unknown>,
    privateJwkEncrypted: encryptPrivateKey(secret, JSON.stringify(privateJwk), kid),
  };
}

async function importPrivateKey(row: SigningKeyRow, secret: string): Promise<CryptoKey> {
  if (row.algorithm !== signingAlgorithm) throw new Error(`Signing key ${row.kid} uses ${row.algorithm}; only ${signingAlgorithm} is supported.`);
  const jwk = JSON.parse(decryptPrivateKey(secret, row.privateJwkEncrypted, row.kid)) as JWK;
  return (await importJWK({ ...jwk, ext: false }, signingAlgorithm)) as CryptoKey;
}
