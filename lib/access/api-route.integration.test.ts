// API authentication and authorization end to end through the real route handlers, on both
// databases: every kind of bad key, wrong scope, other organisation, session roles, CSRF.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as apiKeysRoute } from "@/app/api/v1/api-keys/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { GET as unitRoute } from "@/app/api/v1/units/[gtin]/[serial]/route";
import { revokeApiKey } from "@/db/queries/api-keys";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { findUserByEmail } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { issueApiKey } from "@/lib/api-keys/issue-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { seedDemo } from "@/lib/demo/seed";
import { showcaseUnits } from "@/lib/demo/showcase";
import { handleApiRequest, type RouteDependencies } from "./with-api-route";

const SECRET = "integration-test-secret-with-enough-length-0123456789";
const BASE = "http://localhost:3000";
let database: TestDatabase;
const keys: Record<string, string> = {};
const medivaUnit = showcaseUnits.find((s) => s.key === "genuine-medicine")!;
const aureleUnit = showcaseUnits.find((s) => s.key === "genuine-watch")!;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const medivia = (await findOrganisationBySlug(database.db, "medivia"))!;
  const aurele = (await findOrganisationBySlug(database.db, "maison-aurele"))!;
  const issue = async (organisationId: string, scopes: ApiScope[], extra: { expiresAt?: Date; now?: Date } = {}) =>
    (await issueApiKey(database.db, SECRET, { organisationId, name: "test", scopes, expiresAt: extra.expiresAt ?? null }, extra.now)).token;
  keys.reader = await issue(medivia.id, ["epcis:read"]);
  keys.verifyOnly = await issue(medivia.id, ["verify"]);
  keys.aureleReader = await issue(aurele.id, ["epcis:read"]);
  const longAgo = new Date(Date.now() - 10 * 86_400_000);
  keys.expired = await issue(medivia.id, ["epcis:read"], { now: longAgo, expiresAt: new Date(longAgo.getTime() + 86_400_000) });
  const revoked = await issueApiKey(database.db, SECRET, { organisationId: medivia.id, name: "revoked", scopes: ["epcis:read"] });
  await revokeApiKey(database.db, medivia.id, revoked.apiKey.id);
  keys.revoked = revoked.token;
  const [header, payload, signature] = keys.reader.split(".") as [string, string, string];
  keys.tamperedSignature = `${header}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  keys.tamperedPayload = `${header}.${Buffer.from(JSON.stringify({ ...claims, org: aurele.id })).toString("base64url")}.${signature}`;
});

afterAll(async () => {
  await database?.drop();
});

type Route = { definition: { access: Parameters<typeof handleApiRequest>[1]; handler: Parameters<typeof handleApiRequest>[2] } };

async function call(
  route: Route,
  path: string,
  params: unknown,
  options: { key?: string; user?: string; org?: string; method?: string; origin?: string } = {},
) {
  const user = options.user ? await findUserByEmail(database.db, options.user) : null;
  const deps: RouteDependencies = { db: database.db, currentUser: async () => user ?? null, defer: (task) => void task() };
  const headers = new Headers();
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  if (options.org) headers.set("x-genuine-organisation", options.org);
  if (options.origin) headers.set("origin", options.origin);
  const request = new Request(`${BASE}${path}`, { method: options.method ?? "GET", headers });
  return handleApiRequest(deps, route.definition.access, route.definition.handler as never, request, params as never);
}

const unitPath = (u: { gtin: string; serial: string }) => [`/api/v1/units/${u.gtin}/${u.serial}`, { gtin: u.gtin, serial: u.serial }] as const;

describe("API keys against a scoped route (epcis:read)", () => {
  it.each([
    ["a valid key, own unit", "reader", medivaUnit, 200],
    ["a valid key, another brand's unit", "reader", aureleUnit, 404],
    ["another organisation's key", "aureleReader", medivaUnit, 404],
    ["a key without the scope", "verifyOnly", medivaUnit, 403],
    ["an expired key", "expired", medivaUnit, 401],
    ["a revoked key", "revoked", medivaUnit, 401],
    ["a tampered signature", "tamperedSignature", medivaUnit, 401],
    ["a tampered payload (other organisation)", "tamperedPayload", aureleUnit, 401],
  ])("%s → %i", async (_label, key, unit, status) => {
    const [path, params] = unitPath(unit);
    const response = await call(unitRoute as unknown as Route, path, params, { key: keys[key] });
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(await response.json()).toMatchObject({ gtin: unit.gtin, serial: unit.serial, status: "sellable" });
      expect(response.headers.get("x-ratelimit-limit")).toBe("1200");
    } else {
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ status });
    }
  });

  it("refuses a malformed token and no credentials at all with 401", async () => {
    const [path, params] = unitPath(medivaUnit);
    for (const key of ["not-a-jwt", "a.b.c", ""]) {
      expect((await call(unitRoute as unknown as Route, path, params, { key })).status).toBe(401);
    }
    expect((await call(unitRoute as unknown as Route, path, params)).status).toBe(401);
  });

  it("keeps people-only routes closed to every API key", async () => {
    const response = await call(apiKeysRoute as unknown as Route, "/api/v1/api-keys", {}, { key: keys.reader });
    expect(response.status).toBe(403);
    expect((await call(meRoute as unknown as Route, "/api/v1/me", {}, { key: keys.verifyOnly })).status).toBe(200);
  });
});

describe("sessions", () => {
  it.each([
    ["owner@medivia.example", "medivia", 200],
    ["analyst@medivia.example", "medivia", 403],
    ["editor@medivia.example", "medivia", 403],
    ["owner@maison-aurele.example", "medivia", 404],
    ["retailer@pharmacie-du-parc.example", "medivia", 404],
  ])("%s listing %s's API keys → %i", async (user, org, status) => {
    const response = await call(apiKeysRoute as unknown as Route, "/api/v1/api-keys", {}, { user, org });
    expect(response.status).toBe(status);
    if (status === 200) {
      const body = (await response.json()) as { apiKeys: Record<string, unknown>[] };
      expect(body.apiKeys.length).toBeGreaterThan(0);
      // Tokens are never stored, so never listed.
      expect(JSON.stringify(body)).not.toContain(keys.reader!.split(".")[2]);
    }
  });

  it("asks a session to name its organisation", async () => {
    const response = await call(meRoute as unknown as Route, "/api/v1/me", {}, { user: "owner@medivia.example" });
    expect(response.status).toBe(400);
  });

  it("refuses cookie-authenticated writes from another site (CSRF), accepts our own origin", async () => {
    const write = { definition: { access: { permission: "console:view" as const }, handler: async () => Response.json({ done: true }) } };
    const foreign = await call(write, "/api/v1/anything", {}, { user: "owner@medivia.example", org: "medivia", method: "POST", origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    const own = await call(write, "/api/v1/anything", {}, { user: "owner@medivia.example", org: "medivia", method: "POST", origin: BASE });
    expect(own.status).toBe(200);
  });
});
