"use client";
// A form bound to a server action: shows the outcome (and a secret shown only once) accessibly.
// Works without JavaScript too — the action runs as a normal form post.
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/access/action-result";

interface Props {
  action: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;
  org: string;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  danger?: boolean;
  /** Accessible name of the form, when several sit on one page. */
  label?: string;
}

export function ActionForm({ action, org, submitLabel, children, className, danger, label }: Props) {
  const [result, formAction, pending] = useActionState(action, null);
  const fieldErrors = result && !result.ok ? result.fieldErrors : undefined;
  return (
    <form action={formAction} className={className ?? "stack"} aria-label={label}>
      <input type="hidden" name="org" value={org} />
      {children}
      {fieldErrors && (
        <ul className="field-errors">
          {Object.entries(fieldErrors).map(([field, message]) => (
            <li key={field}>
              <strong>{field}:</strong> {message}
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" className={danger ? "button danger" : "button"} disabled={pending} aria-busy={pending}>
          {pending ? "Working…" : submitLabel}
        </button>
      </div>
      {result && (
        <div role={result.ok ? "status" : "alert"} className={result.ok ? "result ok" : "result error"}>
          <p>{result.message}</p>
          {result.ok && result.secret && (
            <div className="secret">
              <label>
                {result.secret.label}
                <textarea readOnly rows={3} value={result.secret.value} onFocus={(e) => e.currentTarget.select()} />
              </label>
              <p className="muted">It is shown only this once. Copy it now.</p>
            </div>
          )}
        </div>
      )}
    </form>
  );
}
