"use client";
// What to do with the ticked cases: change their status (with an optional note) or assign them. One
// form, two server actions (the assign button posts to its own); works as a plain POST without
// JavaScript, and announces the outcome to screen readers.
import { useActionState } from "react";
import type { CaseStatus } from "@/db/schema";
import type { ActionResult } from "@/lib/access/action-result";
import { useQueueSelection } from "./queue-select-all";
import styles from "./queue.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

interface Props {
  formId: string;
  org: string;
  statusAction: Action;
  assignAction: Action;
  statuses: { value: CaseStatus; label: string }[];
  members: { userId: string; label: string }[];
  currentUserId: string;
}

function Outcome({ result }: { result: ActionResult | null }) {
  if (!result) return null;
  return (
    <div role={result.ok ? "status" : "alert"} className={result.ok ? "result ok" : "result error"}>
      <p>{result.message}</p>
      {!result.ok && result.fieldErrors && (
        <ul className="field-errors">
          {Object.entries(result.fieldErrors).map(([field, message]) => (
            <li key={field}>
              <strong>{field === "toStatus" ? "New status" : field}:</strong> {message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function QueueBulkBar({ formId, org, statusAction, assignAction, statuses, members, currentUserId }: Props) {
  const [statusResult, changeStatus, statusPending] = useActionState(statusAction, null);
  const [assignResult, assign, assignPending] = useActionState(assignAction, null);
  const selection = useQueueSelection(formId);
  const pending = statusPending || assignPending;
  const nothing = selection !== null && selection.ticked === 0;
  return (
    <form id={formId} action={changeStatus} className={styles.bulk} aria-label="Selected cases" aria-describedby={`${formId}-selection`}>
      <input type="hidden" name="org" value={org} />
      <p id={`${formId}-selection`} className={styles.selection} aria-live="polite">
        {selection === null ? "Tick cases in the table, then:" : `${selection.ticked} of ${selection.total} case${selection.total === 1 ? "" : "s"} on this page selected`}
      </p>
      <fieldset>
        <legend>Change status</legend>
        <label>
          New status
          <select name="toStatus" required defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note <span className="muted">(optional, kept in each case&apos;s activity)</span>
          <input name="note" maxLength={5000} autoComplete="off" />
        </label>
        <button type="submit" className="button" disabled={pending || nothing} aria-busy={statusPending}>
          {statusPending ? "Working…" : "Change status"}
        </button>
      </fieldset>
      <fieldset>
        <legend>Assign</legend>
        <label>
          Assignee
          <select name="assignee" defaultValue="me">
            <option value="me">Me</option>
            {members
              .filter((m) => m.userId !== currentUserId)
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.label}
                </option>
              ))}
            <option value="none">Nobody (unassign)</option>
          </select>
        </label>
        {/* formNoValidate: assigning needs no status, so the required status list must not block it. */}
        <button type="submit" formAction={assign} formNoValidate className="button secondary" disabled={pending || nothing} aria-busy={assignPending}>
          {assignPending ? "Working…" : "Assign"}
        </button>
      </fieldset>
      <div className={styles.messages}>
        <Outcome result={statusResult} />
        <Outcome result={assignResult} />
      </div>
    </form>
  );
}
