// The admin tool end to end on a real database: what an operator types, what it prints, what it leaves behind.
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findMembershipBySlug } from "@/db/queries/memberships";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { findUserByEmail } from "@/db/queries/users";
import * as t from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { verifyPassword } from "@/lib/auth/password";
import { runAdmin } from "./run-admin-command";

let database: TestDatabase;
const password = "correct horse battery staple";

beforeAll(async () => {
  // authSecret() reads it: the tool's default, as in production.
  process.env.AUTH_SECRET = "admin-integration-test-secret-0123456789";
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

const admin = (line: string[] | string, stdin = "") =>
  runAdmin(database.db, typeof line === "string" ? line.split(" ") : line, { readStdin: async () => stdin });

async function latestAudit() {
  const [entry] = await database.db.select().from(t.auditLog).orderBy(desc(t.auditLog.id)).limit(1);
  return entry;
}

describe("org create", () => {
  it("creates a brand with its GS1 Company Prefixes and link domains, and audits it", async () => {
    const result = await admin(["org", "create", "acme", "--name", "Acme Ltd", "--gcp", "9506000,9521234", "--link-domains", "acme.example"]);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Created brand acme \(Acme Ltd\)/);
    const acme = await findOrganisationBySlug(database.db, "acme");
    expect(acme).toMatchObject({ name: "Acme Ltd", kind: "brand", companyPrefixes: ["9506000", "9521234"], approvedDomains: ["acme.example"] });
    expect(await latestAudit()).toMatchObject({ organisationId: acme!.id, actorUserId: null, action: "organisation.created", metadata: { via: "admin-cli" } });
  });

  it("refuses a slug that is taken (exit 1), leaving the first organisation as it was", async () => {
    const result = await admin(["org", "create", "acme", "--name", "Impostor"]);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toMatch(/slug "acme" already exists/);
    expect((await findOrganisationBySlug(database.db, "acme"))?.name).toBe("Acme Ltd");
  });

  it("refuses a malformed GS1 Company Prefix (exit 1) and creates nothing", async () => {
    const result = await admin("org create globex --name Globex --gcp 95A0");
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toMatch(/"95A0" is not a GS1 Company Prefix/);
    expect(await findOrganisationBySlug(database.db, "globex")).toBeUndefined();
  });

  it("lists organisations", async () => {
    await admin("org create shop --name Shop --kind retailer");
    const result = await admin("org list");
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split("\n").map((line) => line.split(/\s{2,}/))).toEqual([
      ["SLUG", "KIND", "NAME", "GCPS"],
      ["acme", "brand", "Acme Ltd", "9506000,9521234"],
      ["shop", "retailer", "Shop", "-"],
      [""],
    ]);
  });
});

describe("user create", () => {
  it("creates a person with the password from the first line of stdin, as a member with the role", async () => {
    const result = await admin("user create Owner@Acme.example --org acme --role owner --password-stdin", `${password}\nnot part of it\n`);
    expect(result).toMatchObject({ exitCode: 0, stderr: "" });
    const user = await findUserByEmail(database.db, "owner@acme.example");
    expect(await verifyPassword(password, user?.passwordHash)).toBe(true);
    expect((await findMembershipBySlug(database.db, user!.id, "acme"))?.role).toBe("owner");
    expect(await latestAudit()).toMatchObject({ action: "member.added", targetId: user!.id, metadata: { via: "admin-cli", role: "owner", newAccount: true } });
  });

  it("is idempotent: a second run changes nothing and succeeds", async () => {
    const before = await findUserByEmail(database.db, "owner@acme.example");
    const result = await admin("user create owner@acme.example --org acme --role owner --password-stdin", "another password entirely\n");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/already owner of acme; nothing changed/);
    expect(result.stderr).toMatch(/password is unchanged/);
    expect((await findUserByEmail(database.db, "owner@acme.example"))?.passwordHash).toBe(before?.passwordHash);
  });

  it("gives an existing person a membership of another organisation", async () => {
    const result = await admin("user create owner@acme.example --org shop --role retailer");
    expect(result.exitCode).toBe(0);
    const user = await findUserByEmail(database.db, "owner@acme.example");
    expect((await findMembershipBySlug(database.db, user!.id, "shop"))?.role).toBe("retailer");
    expect((await findMembershipBySlug(database.db, user!.id, "acme"))?.role).toBe("owner");
  });

  it("creates a person without a password, who can then only sign in through SSO", async () => {
    const result = await admin("user create analyst@acme.example --org acme --role analyst");
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/No password set/);
    expect((await findUserByEmail(database.db, "analyst@acme.example"))?.passwordHash).toBeNull();
  });

  it.each([
    ["a short password", "user create short@acme.example --org acme --role editor --password-stdin", "too short\n", /at least 12 characters/],
    ["an unknown organisation", "user create x@acme.example --org nowhere --role editor", "", /No organisation with the slug "nowhere"/],
  ])("refuses %s (exit 1) and creates no one", async (_case, line, stdin, message) => {
    const result = await admin(line, stdin);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toMatch(message);
    expect(await findUserByEmail(database.db, line.split(" ")[2]!)).toBeUndefined();
  });

  it("will not demote an organisation's last owner", async () => {
    const result = await admin("user create owner@acme.example --org acme --role editor");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/last owner/);
  });
});

describe("api-key", () => {
  let apiKeyId: string;
  let token: string;

  it("create prints only a token, which verifies with the scopes and organisation given", async () => {
    const result = await admin("api-key create --org acme --scopes verify,epcis:write --name ERP --expires-in-days 30");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(result.stderr).toMatch(/Created API key "ERP"/);
    token = result.stdout.trim();
    const verified = await verifyApiKey(database.db, token);
    const acme = await findOrganisationBySlug(database.db, "acme");
    expect(verified).toEqual({ ok: true, key: { id: expect.any(String), organisationId: acme!.id, scopes: ["epcis:write", "verify"], name: "ERP" } });
    apiKeyId = verified.ok ? verified.key.id : "";
    const [row] = await database.db.select().from(t.apiKeys).where(eq(t.apiKeys.id, apiKeyId));
    expect(row!.expiresAt!.getTime() - row!.createdAt.getTime()).toBeCloseTo(30 * 86_400_000, -4);
    expect(await latestAudit()).toMatchObject({ action: "api_key.created", targetId: apiKeyId, metadata: { via: "admin-cli" } });
  });

  it("create refuses an unknown scope (exit 1) and prints no token", async () => {
    const result = await admin("api-key create --org acme --scopes epcis:write,admin");
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toMatch(/Unknown scopes: admin/);
  });

  it("list shows the key", async () => {
    const result = await admin("api-key list --org acme");
    expect(result.stdout).toContain(apiKeyId);
    expect(result.stdout).toMatch(/ERP .*active until/);
  });

  it("revoke refuses the token from then on, and says so when run again", async () => {
    const result = await admin(["api-key", "revoke", apiKeyId]);
    expect(result.exitCode).toBe(0);
    expect(await verifyApiKey(database.db, token)).toEqual({ ok: false, reason: "revoked" });
    expect(await latestAudit()).toMatchObject({ action: "api_key.revoked", targetId: apiKeyId, metadata: { via: "admin-cli" } });
    expect((await admin(["api-key", "revoke", apiKeyId])).stdout).toMatch(/already revoked/);
  });

  it.each(["00000000-0000-4000-8000-000000000000", "not-a-uuid"])("revoke of an unknown id %s exits 1", async (id) => {
    const result = await admin(["api-key", "revoke", id]);
    expect(result).toMatchObject({ exitCode: 1, stdout: "" });
    expect(result.stderr).toMatch(/No API key with the id/);
  });
});

describe("signing-key", () => {
  it("rotate prints the new kid, which signs the next key; retire makes its tokens unknown", async () => {
    const rotated = await admin("signing-key rotate");
    expect(rotated.exitCode).toBe(0);
    const kid = rotated.stdout.trim();
    const issued = await admin("api-key create --org acme --scopes verify");
    const issuedToken = issued.stdout.trim();
    expect(JSON.parse(Buffer.from(issuedToken.split(".")[0]!, "base64url").toString())).toMatchObject({ kid });
    expect((await verifyApiKey(database.db, issuedToken)).ok).toBe(true);

    expect((await admin(["signing-key", "retire", kid])).exitCode).toBe(0);
    expect(await verifyApiKey(database.db, issuedToken)).toEqual({ ok: false, reason: "unknown_key" });
    expect(await latestAudit()).toMatchObject({ organisationId: null, action: "signing_key.retired", targetId: kid });
    expect((await admin("signing-key retire no-such-kid")).exitCode).toBe(1);
  });
});
