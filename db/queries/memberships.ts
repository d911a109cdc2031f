// Who belongs to which organisation, with which role. Every write takes the organisation.
import { and, asc, count, eq } from "drizzle-orm";
import type { Executor } from "../database";
import { memberships, organisations, users, type Role } from "../schema";

export interface MembershipView {
  organisation: { id: string; slug: string; name: string; kind: "brand" | "retailer" };
  role: Role;
}

const organisationColumns = { id: organisations.id, slug: organisations.slug, name: organisations.name, kind: organisations.kind };

export async function listMemberships(db: Executor, userId: string): Promise<MembershipView[]> {
  return db
    .select({ organisation: organisationColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

/** The caller's membership of the organisation with this slug, or undefined (not a member, or no such org). */
export async function findMembershipBySlug(db: Executor, userId: string, slug: string): Promise<MembershipView | undefined> {
  const [row] = await db
    .select({ organisation: organisationColumns, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(organisations.slug, slug)))
    .limit(1);
  return row;
}

export async function listMembers(db: Executor, organisationId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.email));
}

export async function addMembership(db: Executor, organisationId: string, userId: string, role: Role) {
  await db
    .insert(memberships)
    .values({ organisationId, userId, role })
    .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { role } });
}

export class LastOwnerError extends Error {
  constructor() {
    super("An organisation needs at least one owner: make someone else owner first.");
    this.name = "LastOwnerError";
  }
}

async function ownerCount(db: Executor, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

/** The member's current role, with the row locked until the transaction ends. */
async function lockMembership(tx: Executor, organisationId: string, userId: string) {
  const [current] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .for("update");
  return current;
}

/** Change a member's role; returns the previous role, or undefined when they are not a member. */
export async function changeRole(db: Executor, organisationId: string, userId: string, role: Role): Promise<Role | undefined> {
  return db.transaction(async (tx) => {
    const current = await lockMembership(tx, organisationId, userId);
    if (!current) return undefined;
    if (current.role === "owner" && role !== "owner" && (await ownerCount(tx, organisationId)) <= 1) throw new LastOwnerError();
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    return current.role;
  });
}

export async function removeMember(db: Executor, organisationId: string, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const current = await lockMembership(tx, organisationId, userId);
    if (!current) return false;
    if (current.role === "owner" && (await ownerCount(tx, organisationId)) <= 1) throw new LastOwnerError();
    await tx.delete(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    return true;
  });
}
