// API keys, end to end on a real database: issue, verify, refuse (each reason), revoke, rotate, JWKS.
import { eq, sql } from "drizzle-orm";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { selectRows } from "@/db/database";
import { findApiKey, listApiKeys, revokeApiKey } from "@/db/queries/api-keys";
import * as t from "@/db/schema";
import { issueApiKey } from "@/lib/api-keys/issue-api-key";
import { KeyDecryptionError } from "@/lib/api-keys/key-encryption";
import { activeSigningKey, forgetCachedSigningKeys, publicJwks, retireSigningKey, rotateSigningKey } from "@/lib/api-keys/signing-keys";
import { hasScope, verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { AppError } from "@/lib/http/problem";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";

const holder = vi.hoisted(() => ({ database: undefined as unknown }));
vi.mock("@/lib/runtime/app-database", () => ({ getDatabase: async () => holder.database }));

const secret = "integration-test-secret-0123456789abcdef";
let database: TestDatabase;
let acme: string;
let globex: string;

beforeAll(async () => {
  database = await createTestDatabase();
  holder.database = database;
  const rows = await database.db
    .insert(t.organisations)
    .values([
      { slug: "acme", name: "Acme", kind: "brand" },
      { slug: "globex", name: "Globex", kind: "retailer" },
    ])
    .returning();
  acme = rows[0]!.id;
  globex = rows[1]!.id;
});

afterAll(async () => {
  await database?.drop();
});

const issue = (overrides: Partial<Parameters<typeof issueApiKey>[2]> = {}) =>
  issueApiKey(database.db, secret, { organisationId: acme, name: "ERP", scopes: ["epcis:write", "verify"], ...overrides });

/** Replace the middle character of one part of a compact JWS with another valid base64url one. */
function flip(token: string, part: 1 | 2): string {
  const parts = token.split(".");
  const text = parts[part]!;
  const middle = Math.floor(text.length / 2);
  parts[part] = text.slice(0, middle) + (text[middle] === "A" ? "B" : "A") + text.slice(middle + 1);
  return parts.join(".");
}

const reasonOf = async (token: unknown, now?: Date) => {
  const result = await verifyApiKey(database.db, token, now);
  return result.ok ? "ok" : result.reason;
};

describe("issuing", () => {
  it("creates one signing key on first use, even when asked concurrently", async () => {
    const [a, b] = await Promise.all([issue(), issue()]);
    expect(decodeProtectedHeader(a.token).kid).toBe(decodeProtectedHeader(b.token).kid);
    expect(await database.db.select().from(t.signingKeys)).toHaveLength(1);
  });

  it("signs a JWT with the documented header and claims, and stores nothing secret", async () => {
    const { token, apiKey } = await issue({ scopes: ["verify", "epcis:write", "verify"] });
    const { kid } = await activeSigningKey(database.db, secret);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "ES256", kid, typ: "JWT" });
    const claims = decodeJwt(token);
    expect(claims).toEqual({ iss: "genuine", sub: apiKey.id, jti: apiKey.id, org: acme, scope: "epcis:write verify", iat: expect.any(Number) });
    expect(apiKey).toMatchObject({ organisationId: acme, name: "ERP", scopes: ["epcis:write", "verify"], expiresAt: null, revokedAt: null });
    expect(token.endsWith(apiKey.displayPrefix)).toBe(true);
    expect(apiKey.displayPrefix).toHaveLength(8);
    const [stored] = await selectRows<Record<string, unknown>>(database.db, sql`select * from api_keys where id = ${apiKey.id}`);
    expect(JSON.stringify(stored)).not.toContain(token.split(".")[2]);
  });

  it("keeps the private key encrypted, readable only with the app secret", async () => {
    const [row] = await database.db.select().from(t.signingKeys);
    expect(row!.privateJwkEncrypted).toMatch(/^v1\./);
    expect(row!.publicJwk).not.toHaveProperty("d");
    forgetCachedSigningKeys(database.db);
    await expect(activeSigningKey(database.db, "another-secret-entirely-0123456789")).rejects.toThrow(KeyDecryptionError);
    await expect(activeSigningKey(database.db, secret)).resolves.toMatchObject({ kid: row!.kid });
  });

  it.each([
    ["an unknown scope", { scopes: ["verify", "admin"] as never }, /Unknown scopes: admin/],
    ["no scope", { scopes: [] }, /at least one scope/],
    ["an empty name", { name: "  " }, /name/],
    ["a past expiry", { expiresAt: new Date(Date.now() - 1000) }, /future/],
  ])("refuses %s", async (_, overrides, message) => {
    const attempt = issue(overrides);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe("verifying", () => {
  it("accepts a valid key with its scopes and organisation", async () => {
    const { token, apiKey } = await issue({ scopes: ["scans:read", "verify"] });
    const result = await verifyApiKey(database.db, token);
    expect(result).toEqual({ ok: true, key: { id: apiKey.id, organisationId: acme, scopes: ["scans:read", "verify"], name: "ERP" } });
    if (!result.ok) return;
    expect(hasScope(result.key, "verify")).toBe(true);
    expect(hasScope(result.key, "epcis:write")).toBe(false);
  });

  it("refuses an expired key: by the token's exp, and by the row's expiry", async () => {
    const in1h = new Date(Date.now() + 3_600_000);
    const { token } = await issue({ expiresAt: in1h });
    expect(decodeJwt(token).exp).toBe(Math.floor(in1h.getTime() / 1000));
    expect(await reasonOf(token)).toBe("ok");
    expect(await reasonOf(token, new Date(in1h.getTime() + 1000))).toBe("expired");

    const lasting = await issue();
    await database.db.update(t.apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(t.apiKeys.id, lasting.apiKey.id));
    expect(await reasonOf(lasting.token)).toBe("expired");
  });

  it("refuses a revoked key on its next use", async () => {
    const { token, apiKey } = await issue();
    expect(await reasonOf(token)).toBe("ok");
    const revoked = await revokeApiKey(database.db, acme, apiKey.id);
    expect(revoked?.revokedAt).toBeInstanceOf(Date);
    expect(await reasonOf(token)).toBe("revoked");
    // Revoking again keeps the first time.
    expect((await revokeApiKey(database.db, acme, apiKey.id))?.revokedAt).toEqual(revoked?.revokedAt);
  });

  it("refuses a tampered signature or payload", async () => {
    const { token } = await issue();
    expect(await reasonOf(flip(token, 2))).toBe("bad_signature");
    expect(await reasonOf(flip(token, 1))).toBe("bad_signature");
    const [header, , signature] = token.split(".");
    const widened = Buffer.from(JSON.stringify({ ...decodeJwt(token), scope: "epcis:write verify webhooks:write" })).toString("base64url");
    expect(await reasonOf(`${header}.${widened}.${signature}`)).toBe("bad_signature");
  });

  it("refuses a token signed by another key pair under our kid", async () => {
    const { token } = await issue();
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT(decodeJwt(token)).setProtectedHeader(decodeProtectedHeader(token) as { alg: string }).sign(privateKey);
    expect(await reasonOf(forged)).toBe("bad_signature");
  });

  it("refuses a correctly signed token whose organisation is not its key's", async () => {
    const { token, apiKey } = await issue();
    const { privateKey } = await activeSigningKey(database.db, secret);
    const resign = (claims: Record<string, unknown>) =>
      new SignJWT({ ...decodeJwt(token), ...claims }).setProtectedHeader(decodeProtectedHeader(token) as { alg: string }).sign(privateKey);
    expect(await reasonOf(await resign({}))).toBe("ok");
    expect(await reasonOf(await resign({ org: globex }))).toBe("not_found");
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await reasonOf(await resign({ sub: missing, jti: missing }))).toBe("not_found");
    expect(await reasonOf(await resign({ sub: "not-a-uuid", jti: "not-a-uuid" }))).toBe("not_found");
    expect(await reasonOf(await resign({ jti: "other" }))).toBe("malformed");
    expect(await reasonOf(await resign({ iss: "someone-else" }))).toBe("malformed");
    expect(apiKey.organisationId).toBe(acme);
  });

  it("refuses malformed input without throwing", async () => {
    const { token } = await issue();
    const [, payload, signature] = token.split(".");
    const header = (h: object) => Buffer.from(JSON.stringify(h)).toString("base64url");
    const kid = decodeProtectedHeader(token).kid;
    const inputs: unknown[] = [
      undefined, null, 42, "", "Bearer " + token, "a.b", "a.b.c", "...", `${token}.x`, "x".repeat(10_000),
      `${header({ alg: "none", kid, typ: "JWT" })}.${payload}.`,
      `${header({ alg: "HS256", kid, typ: "JWT" })}.${payload}.${signature}`,
      `${header({ alg: "ES256", typ: "JWT" })}.${payload}.${signature}`,
      `${header({ alg: "ES256", kid })}.${payload}.${signature}`,
      `${header({ alg: "ES256", kid: 7, typ: "JWT" })}.${payload}.${signature}`,
    ];
    for (const input of inputs) expect(await reasonOf(input), String(input).slice(0, 40)).toBe("malformed");
    expect(await reasonOf(`${header({ alg: "ES256", kid: "nobody", typ: "JWT" })}.${payload}.${signature}`)).toBe("unknown_key");
  });
});

describe("rotation", () => {
  it("keeps old tokens valid after a rotation, signs new ones with the new kid, and ends the old kid on retirement", async () => {
    const before = await issue();
    const oldKid = decodeProtectedHeader(before.token).kid!;
    const { kid: newKid } = await rotateSigningKey(database.db, secret);
    expect(newKid).not.toBe(oldKid);
    expect((await activeSigningKey(database.db, secret)).kid).toBe(newKid);

    const after = await issue();
    expect(decodeProtectedHeader(after.token).kid).toBe(newKid);
    expect(await reasonOf(before.token)).toBe("ok");
    expect((await publicJwks(database.db)).keys.map((key) => key.kid)).toEqual([oldKid, newKid]);

    expect(await retireSigningKey(database.db, oldKid)).toBe(true);
    expect(await reasonOf(before.token)).toBe("unknown_key");
    expect(await reasonOf(after.token)).toBe("ok");
    expect((await publicJwks(database.db)).keys.map((key) => key.kid)).toEqual([newKid]);
    expect(await retireSigningKey(database.db, "no-such-kid")).toBe(false);
  });

  it("creates a new key when the active one is retired (a compromised key)", async () => {
    const { kid } = await activeSigningKey(database.db, secret);
    await retireSigningKey(database.db, kid);
    const { token } = await issue();
    expect(decodeProtectedHeader(token).kid).not.toBe(kid);
    expect(await reasonOf(token)).toBe("ok");
  });

  it("serves a retirement made elsewhere from cache until the cache is refreshed", async () => {
    const { token } = await issue();
    expect(await reasonOf(token)).toBe("ok");
    const kid = decodeProtectedHeader(token).kid!;
    // Another process retires the key: this one keeps its cached public key (for up to a minute).
    await database.db.update(t.signingKeys).set({ retiredAt: new Date(), rotatedAt: new Date() }).where(eq(t.signingKeys.kid, kid));
    expect(await reasonOf(token)).toBe("ok");
    forgetCachedSigningKeys(database.db);
    expect(await reasonOf(token)).toBe("unknown_key");
  });
});

describe("the JWKS", () => {
  it("verifies issued tokens with jose, and shows public parts only", async () => {
    await rotateSigningKey(database.db, secret);
    const { token } = await issue();
    const jwks = await publicJwks(database.db);
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x", "y"]);
      expect(key).toMatchObject({ alg: "ES256", use: "sig", kty: "EC", crv: "P-256" });
    }
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: "genuine", algorithms: ["ES256"] });
    expect(payload.org).toBe(acme);
  });

  it("is served at /.well-known/jwks.json, cacheable for five minutes", async () => {
    const { GET } = await import("@/app/.well-known/jwks.json/route");
    const response = await GET(new Request("http://localhost/.well-known/jwks.json"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await response.json()).toEqual(await publicJwks(database.db));
  });
});

describe("use and tenancy", () => {
  it("records the last use at most once a minute", async () => {
    const { token, apiKey } = await issue();
    const lastUsed = async () => (await findApiKey(database.db, acme, apiKey.id))?.lastUsedAt?.getTime();
    const t0 = Date.now() + 10_000;
    expect(await lastUsed()).toBeUndefined();
    await verifyApiKey(database.db, token, new Date(t0));
    expect(await lastUsed()).toBe(t0);
    await verifyApiKey(database.db, token, new Date(t0 + 30_000));
    expect(await lastUsed()).toBe(t0);
    const deferred: (() => Promise<void>)[] = [];
    await verifyApiKey(database.db, token, new Date(t0 + 61_000), { defer: (task) => deferred.push(task) });
    expect(deferred).toHaveLength(1);
    expect(await lastUsed()).toBe(t0);
    await deferred[0]!();
    expect(await lastUsed()).toBe(t0 + 61_000);
  });

  it("lists, finds and revokes only within the organisation", async () => {
    const { token, apiKey } = await issue();
    const theirs = await issue({ organisationId: globex, name: "POS" });
    expect((await listApiKeys(database.db, acme)).map((key) => key.id)).toContain(apiKey.id);
    expect((await listApiKeys(database.db, globex)).map((key) => key.id)).toEqual([theirs.apiKey.id]);
    expect(await findApiKey(database.db, globex, apiKey.id)).toBeUndefined();
    expect(await revokeApiKey(database.db, globex, apiKey.id)).toBeUndefined();
    expect(await revokeApiKey(database.db, acme, "not-a-uuid")).toBeUndefined();
    expect(await reasonOf(token)).toBe("ok");
    expect(await reasonOf(theirs.token)).toBe("ok");
  });
});
