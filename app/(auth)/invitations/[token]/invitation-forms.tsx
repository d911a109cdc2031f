"use client";
import { useActionState } from "react";
import { acceptAsCurrentUser, acceptWithNewAccount, type InvitationState } from "./actions";

function Alert({ state }: { state: InvitationState }) {
  return state.error ? (
    <p role="alert" className="result error">
      {state.error}
    </p>
  ) : null;
}

export function AcceptForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptAsCurrentUser, { error: null });
  return (
    <form action={action} className="stack">
      <input type="hidden" name="token" value={token} />
      <Alert state={state} />
      <button type="submit" className="button" disabled={pending}>
        Accept the invitation
      </button>
    </form>
  );
}

export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(acceptWithNewAccount, { error: null });
  return (
    <form action={action} className="stack" aria-label="Create your account">
      <input type="hidden" name="token" value={token} />
      <label>
        E-mail
        <input type="email" value={email} readOnly autoComplete="username" />
      </label>
      <label>
        Your name
        <input name="name" required maxLength={120} autoComplete="name" />
      </label>
      <label>
        Choose a password <span className="muted">(at least 12 characters)</span>
        <input type="password" name="password" required minLength={12} autoComplete="new-password" />
      </label>
      <Alert state={state} />
      <button type="submit" className="button" disabled={pending}>
        Create account and join
      </button>
    </form>
  );
}
