// The membership decision and the member/invitation/SSO flows behind the console, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, createInvitation, findInvitationByToken, listPendingInvitations, revokeInvitation } from "@/db/queries/invitations";
import { changeRole, LastOwnerError, listMembers, removeMember } from "@/db/queries/memberships";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { findUserByEmail } from "@/db/queries/users";
import { roles } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { resolveSsoUser } from "@/lib/auth/sso-sign-in";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { seedDemo } from "@/lib/demo/seed";
import { decideOrgAccess } from "./org-access";
import { permissions, roleAllows, type Permission } from "./permissions";

let database: TestDatabase;
let mediviaId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  mediviaId = (await findOrganisationBySlug(database.db, "medivia"))!.id;
});

afterAll(async () => {
  await database?.drop();
});

const userId = async (email: string) => (await findUserByEmail(database.db, email))!.id;

describe("decideOrgAccess: every permission × role, own and foreign organisation, anonymous", () => {
  const people = { owner: "owner@medivia.example", analyst: "analyst@medivia.example", editor: "editor@medivia.example" } as const;
  for (const permission of Object.keys(permissions) as Permission[]) {
    it(permission, async () => {
      for (const [role, email] of Object.entries(people)) {
        const own = await decideOrgAccess(database.db, await userId(email), "medivia", permission);
        expect(own.ok ? 200 : own.status, `${role} on own`).toBe(roleAllows(role as (typeof roles)[number], permission) ? 200 : 403);
        const foreign = await decideOrgAccess(database.db, await userId(email), "maison-aurele", permission);
        expect(foreign.ok ? 200 : foreign.status, `${role} on foreign`).toBe(404);
      }
      const retailer = await decideOrgAccess(database.db, await userId("retailer@pharmacie-du-parc.example"), "pharmacie-du-parc", permission);
      expect(retailer.ok ? 200 : retailer.status).toBe(roleAllows("retailer", permission) ? 200 : 403);
      const anonymous = await decideOrgAccess(database.db, null, "medivia", permission);
      expect(anonymous).toEqual({ ok: false, status: 401 });
      const missing = await decideOrgAccess(database.db, await userId(people.owner), "no-such-org", permission);
      expect(missing).toEqual({ ok: false, status: 404 });
    });
  }
});

describe("members", () => {
  it("never leaves an organisation without an owner", async () => {
    const owner = await userId("owner@medivia.example");
    await expect(changeRole(database.db, mediviaId, owner, "analyst")).rejects.toThrow(LastOwnerError);
    await expect(removeMember(database.db, mediviaId, owner)).rejects.toThrow(LastOwnerError);
    const analyst = await userId("analyst@medivia.example");
    expect(await changeRole(database.db, mediviaId, analyst, "owner")).toBe("analyst");
    expect(await changeRole(database.db, mediviaId, owner, "editor")).toBe("owner");
    expect(await changeRole(database.db, mediviaId, owner, "owner")).toBe("editor");
    expect(await changeRole(database.db, mediviaId, analyst, "analyst")).toBe("owner");
  });

  it("cannot change or remove someone of another organisation", async () => {
    const foreigner = await userId("owner@maison-aurele.example");
    expect(await changeRole(database.db, mediviaId, foreigner, "owner")).toBeUndefined();
    expect(await removeMember(database.db, mediviaId, foreigner)).toBe(false);
    expect((await listMembers(database.db, mediviaId)).map((m) => m.email)).not.toContain("owner@maison-aurele.example");
  });
});

describe("invitations", () => {
  it("work once, within 7 days, and only until revoked", async () => {
    const owner = await userId("owner@medivia.example");
    const { token, invitation } = await createInvitation(database.db, { organisationId: mediviaId, email: " New.Person@Example.com ", role: "editor", invitedBy: owner });
    expect(invitation.email).toBe("new.person@example.com");
    expect(await findInvitationByToken(database.db, token, new Date(Date.now() + 8 * 86_400_000))).toBeUndefined();
    expect((await findInvitationByToken(database.db, token))?.organisation.slug).toBe("medivia");
    const editor = await userId("editor@medivia.example");
    expect(await acceptInvitation(database.db, invitation.id, editor)).toBeDefined();
    expect(await acceptInvitation(database.db, invitation.id, editor)).toBeUndefined();
    expect(await findInvitationByToken(database.db, token)).toBeUndefined();

    const second = await createInvitation(database.db, { organisationId: mediviaId, email: "other@example.com", role: "analyst", invitedBy: owner });
    const otherOrg = (await findOrganisationBySlug(database.db, "maison-aurele"))!.id;
    expect(await revokeInvitation(database.db, otherOrg, second.invitation.id)).toBe(false);
    expect(await revokeInvitation(database.db, mediviaId, second.invitation.id)).toBe(true);
    expect((await listPendingInvitations(database.db, mediviaId)).map((i) => i.email)).not.toContain("other@example.com");
  });
});

describe("SSO sign-in", () => {
  it("links a verified e-mail to its invitation, and refuses the uninvited and the unverified", async () => {
    const owner = await userId("owner@medivia.example");
    await createInvitation(database.db, { organisationId: mediviaId, email: "sso.person@corp.example", role: "analyst", invitedBy: owner });
    const unverified = await resolveSsoUser(database.db, { provider: "oidc", subject: "s-1", email: "sso.person@corp.example", emailVerified: false });
    expect(unverified).toEqual({ ok: false, reason: "email_not_verified" });
    const stranger = await resolveSsoUser(database.db, { provider: "oidc", subject: "s-2", email: "nobody@corp.example", emailVerified: true });
    expect(stranger).toEqual({ ok: false, reason: "no_invitation" });

    const joined = await resolveSsoUser(database.db, { provider: "oidc", subject: "s-1", email: "sso.person@corp.example", emailVerified: true, name: "SSO Person" });
    expect(joined.ok).toBe(true);
    const access = await decideOrgAccess(database.db, joined.ok ? joined.userId : null, "medivia", "cases:read");
    expect(access.ok).toBe(true);
    // Next time the subject alone is enough, whatever the e-mail claim says.
    expect(await resolveSsoUser(database.db, { provider: "oidc", subject: "s-1", email: "changed@corp.example", emailVerified: false })).toEqual(joined);
  });

  it("links an existing password user by verified e-mail", async () => {
    const result = await resolveSsoUser(database.db, { provider: "oidc", subject: "s-3", email: "analyst@medivia.example", emailVerified: true });
    expect(result).toEqual({ ok: true, userId: await userId("analyst@medivia.example") });
  });
});

describe("password sign-in", () => {
  it("accepts the right password, refuses a wrong one and an unknown user alike", async () => {
    expect(await signInWithPassword(database.db, { email: "Editor@Medivia.example", password: "genuine-demo" }, "src-a")).toMatchObject({ email: "editor@medivia.example" });
    expect(await signInWithPassword(database.db, { email: "editor@medivia.example", password: "nope" }, "src-a")).toBeNull();
    expect(await signInWithPassword(database.db, { email: "ghost@medivia.example", password: "genuine-demo" }, "src-a")).toBeNull();
    expect(await signInWithPassword(database.db, { email: "not an email", password: "x" }, "src-a")).toBeNull();
  });

  it("is rate-limited per account and source, with a 429 error", async () => {
    const attempt = () => signInWithPassword(database.db, { email: "owner@maison-aurele.example", password: "wrong" }, "src-burst");
    for (let i = 0; i < 5; i++) expect(await attempt()).toBeNull();
    await expect(attempt()).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });
});
