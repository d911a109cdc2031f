import type { Metadata } from "next";
import Link from "next/link";
import { findInvitationByToken } from "@/db/queries/invitations";
import { findUserByEmail } from "@/db/queries/users";
import { currentUser } from "@/lib/access/current-user";
import { withArticle } from "@/lib/access/role-label";
import { ssoEnabled } from "@/lib/auth/auth";
import { getDatabase } from "@/lib/runtime/app-database";
import { AcceptForm, NewAccountForm } from "./invitation-forms";

export const metadata: Metadata = { title: "Invitation", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = (await getDatabase()).db;
  const [found, user] = await Promise.all([findInvitationByToken(db, token), currentUser()]);
  if (!found) {
    return (
      <div className="auth-card">
        <h1>This invitation is no longer valid</h1>
        <p>It may have been used already, revoked, or it expired (invitations last 7 days). Ask for a new one.</p>
      </div>
    );
  }
  const { invitation, organisation } = found;
  const returnTo = `/invitations/${token}`;
  const existing = user ? null : await findUserByEmail(db, invitation.email);
  const sso = ssoEnabled();
  return (
    <div className="auth-card">
      <h1>Join {organisation.name}</h1>
      <p>
        You are invited as <strong>{withArticle(invitation.role)}</strong> ({invitation.email}).
      </p>
      {user ? (
        user.email === invitation.email ? (
          <AcceptForm token={token} />
        ) : (
          <p role="alert" className="result error">
            You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept.
          </p>
        )
      ) : existing ? (
        <p>
          <Link className="button" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>
            Sign in to accept
          </Link>
        </p>
      ) : (
        <>
          <NewAccountForm token={token} email={invitation.email} />
          {sso && <p className="muted">Or sign in with {sso.name} using {invitation.email}: the invitation is accepted for you.</p>}
        </>
      )}
    </div>
  );
}
