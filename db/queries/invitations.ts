// Invitations: a link with a random token (only its SHA-256 is stored), valid for 7 days, used once.
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../database";
import { invitations, organisations, type Role } from "../schema";
import { addMembership } from "./memberships";
import { normaliseEmail } from "./users";

const VALID_DAYS = 7;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export async function createInvitation(
  db: Executor,
  input: { organisationId: string; email: string; role: Role; invitedBy: string | null },
  now = new Date(),
) {
  const token = randomBytes(32).toString("base64url");
  const [invitation] = await db
    .insert(invitations)
    .values({
      organisationId: input.organisationId,
      email: normaliseEmail(input.email),
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: input.invitedBy,
      expiresAt: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    })
    .returning();
  return { token, invitation: invitation! };
}

const pending = (now: Date) => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

/** A usable invitation for this token, with its organisation; undefined if unknown, used, revoked or expired. */
export async function findInvitationByToken(db: Executor, token: string, now = new Date()) {
  const [row] = await db
    .select({ invitation: invitations, organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name } })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), pending(now)))
    .limit(1);
  return row;
}

export async function listPendingInvitations(db: Executor, organisationId: string, now = new Date()) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), pending(now)))
    .orderBy(asc(invitations.email));
}

export async function listPendingInvitationsForEmail(db: Executor, email: string, now = new Date()) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.email, normaliseEmail(email)), pending(now)));
}

/** Accept: the membership and the used mark land together or not at all. */
export async function acceptInvitation(db: Executor, invitationId: string, userId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitationId), pending(now)))
      .returning();
    if (!invitation) return undefined;
    await addMembership(tx, invitation.organisationId, userId, invitation.role);
    return invitation;
  });
}

export async function revokeInvitation(db: Executor, organisationId: string, invitationId: string, now = new Date()) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, invitationId), eq(invitations.organisationId, organisationId), pending(now)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
