// Enterprise SSO (OpenID Connect): a person is let in when their identity is already linked, or
// their *verified* email belongs to a user or to a pending invitation — which is then accepted.
import type { Database } from "@/db/database";
import { acceptInvitation, listPendingInvitationsForEmail } from "@/db/queries/invitations";
import { createUser, findSsoAccount, findUserByEmail, linkSsoAccount } from "@/db/queries/users";
import { appendAudit } from "@/db/queries/audit";

export interface SsoIdentity {
  provider: string;
  subject: string;
  email: string | null | undefined;
  emailVerified: boolean;
  name?: string | null;
}

export type SsoResult = { ok: true; userId: string } | { ok: false; reason: "email_not_verified" | "no_invitation" | "disabled" };

export async function resolveSsoUser(db: Database, identity: SsoIdentity): Promise<SsoResult> {
  const linked = await findSsoAccount(db, identity.provider, identity.subject);
  if (linked) {
    await linkSsoAccount(db, identity.provider, identity.subject, linked.userId);
    return { ok: true, userId: linked.userId };
  }
  if (!identity.email || !identity.emailVerified) return { ok: false, reason: "email_not_verified" };

  const existing = await findUserByEmail(db, identity.email);
  if (existing?.disabledAt) return { ok: false, reason: "disabled" };
  const invitations = await listPendingInvitationsForEmail(db, identity.email);
  if (!existing && invitations.length === 0) return { ok: false, reason: "no_invitation" };

  const userId = await db.transaction(async (tx) => {
    const user = existing ?? (await createUser(tx, { email: identity.email!, name: identity.name, emailVerified: true }));
    await linkSsoAccount(tx, identity.provider, identity.subject, user.id);
    return user.id;
  });
  for (const invitation of invitations) {
    if (await acceptInvitation(db, invitation.id, userId)) {
      await appendAudit(db, {
        organisationId: invitation.organisationId,
        actorUserId: userId,
        action: "invitation.accepted",
        targetType: "invitation",
        targetId: invitation.id,
        metadata: { via: identity.provider, role: invitation.role },
      });
    }
  }
  return { ok: true, userId };
}
