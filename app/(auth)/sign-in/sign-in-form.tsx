"use client";
import { useActionState } from "react";
import { passwordSignIn, type SignInState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(passwordSignIn, { error: null });
  return (
    <form action={action} className="stack" aria-label="Sign in with e-mail and password">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label>
        E-mail
        <input type="email" name="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      {state.error && (
        <p role="alert" className="result error">
          {state.error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
