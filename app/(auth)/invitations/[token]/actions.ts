"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { appendAudit } from "@/db/queries/audit";
import { acceptInvitation, findInvitationByToken } from "@/db/queries/invitations";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { currentUser } from "@/lib/access/current-user";
import { signIn } from "@/lib/auth/auth";
import { hashPassword } from "@/lib/auth/password";
import { getDatabase } from "@/lib/runtime/app-database";

export interface InvitationState {
  error: string | null;
}

const newAccount = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(1, "Enter your name").max(120),
  password: z.string().min(12, "Use at least 12 characters").max(1024),
});

/** A signed-in person whose e-mail matches accepts the invitation. */
export async function acceptAsCurrentUser(_previous: InvitationState, form: FormData): Promise<InvitationState> {
  const token = String(form.get("token") ?? "");
  const db = (await getDatabase()).db;
  const [user, found] = await Promise.all([currentUser(), findInvitationByToken(db, token)]);
  if (!found) return { error: "This invitation is no longer valid." };
  if (!user || user.email !== found.invitation.email) return { error: `Sign in as ${found.invitation.email} to accept.` };
  await acceptInvitation(db, found.invitation.id, user.id);
  await appendAudit(db, { organisationId: found.organisation.id, actorUserId: user.id, action: "invitation.accepted", targetType: "invitation", targetId: found.invitation.id, metadata: { role: found.invitation.role } });
  redirect(`/console/${found.organisation.slug}`);
}

/** Someone new sets a name and password; the account, membership and sign-in follow. */
export async function acceptWithNewAccount(_previous: InvitationState, form: FormData): Promise<InvitationState> {
  const input = newAccount.safeParse(Object.fromEntries(form.entries()));
  if (!input.success) return { error: input.error.issues.map((i) => i.message).join(" ") };
  const db = (await getDatabase()).db;
  const found = await findInvitationByToken(db, input.data.token);
  if (!found) return { error: "This invitation is no longer valid." };
  if (await findUserByEmail(db, found.invitation.email)) return { error: "An account with this e-mail exists: sign in to accept." };
  const passwordHash = await hashPassword(input.data.password);
  const accepted = await db.transaction(async (tx) => {
    const user = await createUser(tx, { email: found.invitation.email, name: input.data.name, passwordHash, emailVerified: true });
    const invitation = await acceptInvitation(tx, found.invitation.id, user.id);
    if (!invitation) throw new Error("invitation used concurrently");
    await appendAudit(tx, { organisationId: found.organisation.id, actorUserId: user.id, action: "invitation.accepted", targetType: "invitation", targetId: invitation.id, metadata: { role: invitation.role, newAccount: true } });
    return invitation;
  }).catch(() => undefined);
  if (!accepted) return { error: "This invitation is no longer valid." };
  await signIn("credentials", { email: found.invitation.email, password: input.data.password, redirectTo: `/console/${found.organisation.slug}` });
  return { error: null };
}
