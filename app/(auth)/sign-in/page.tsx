import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ssoEnabled } from "@/lib/auth/auth";
import { currentUser } from "@/lib/access/current-user";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { ssoSignIn } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const errorMessages: Record<string, string> = {
  no_invitation: "Your single sign-on account is not invited to any organisation on genuine. Ask an owner to invite your e-mail address.",
  email_not_verified: "Your identity provider did not confirm your e-mail address, so we cannot link it to an invitation.",
  disabled: "This account is disabled.",
  AccessDenied: "Sign-in was refused.",
  Configuration: "Sign-in is not available right now. Please try again later.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const query = await searchParams;
  const callbackUrl = safeReturnPath(query.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const sso = ssoEnabled();
  const error = query.error ? (errorMessages[query.error] ?? "Sign-in failed. Please try again.") : null;
  return (
    <div className="auth-card">
      <h1>Sign in to genuine</h1>
      <p className="muted">For brand teams and retailers. Checking a product needs no account: just scan its code.</p>
      {query.signedOut && <p role="status">You are signed out.</p>}
      {error && (
        <p role="alert" className="result error">
          {error}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      {sso && (
        <form action={ssoSignIn} className="stack sso">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className="button secondary">
            Sign in with {sso.name}
          </button>
        </form>
      )}
    </div>
  );
}
