// What an analyst can do on one case: change its status (only to the statuses its current one allows),
// assign it, comment, and blacklist the serial. Each form posts a server action of the cases section,
// which records the activity and the audit entry; the forms work without JavaScript.
import { ActionForm } from "@/components/console/action-form";
import type { CaseStatus } from "@/db/schema";
import { assignCaseAction, blacklistSerialAction, changeCaseStatusAction, commentOnCaseAction } from "@/app/(console)/console/[org]/cases/actions";
import { caseStatusLabel, nextStatuses } from "@/lib/cases/case-status";
import { MAX_NOTE_LENGTH } from "@/lib/cases/triage";
import { When } from "./when";

export interface CaseActionsProps {
  org: string;
  caseId: string;
  caseNumber: number;
  status: CaseStatus;
  serial: string | null;
  gtin: string;
  assigneeId: string | null;
  currentUserId: string;
  /** Members who may be assigned cases (owners and analysts). */
  assignees: { userId: string; email: string; name: string | null }[];
  blacklisted: { reason: string; createdAt: Date; createdByEmail: string | null } | null;
}

export function CaseActions(props: CaseActionsProps) {
  const { org, caseId, caseNumber, status } = props;
  const allowed = nextStatuses(status);
  const others = props.assignees.filter((m) => m.userId !== props.currentUserId);
  const assignedElsewhere = props.assigneeId !== null && props.assigneeId !== props.currentUserId && !others.some((m) => m.userId === props.assigneeId);
  return (
    <>
      <ActionForm action={changeCaseStatusAction} org={org} submitLabel="Change status" label={`Change the status of case #${caseNumber}`}>
        <input type="hidden" name="caseId" value={caseId} />
        <label>
          New status <span className="muted">(now {caseStatusLabel(status).toLowerCase()})</span>
          {/* No preselected status: a change of status is always a choice, never the first option by default. */}
          <select name="toStatus" required defaultValue="">
            <option value="" disabled>
              Choose…
            </option>
            {allowed.map((s) => (
              <option key={s} value={s}>
                {caseStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note <span className="muted">(optional, kept in the activity log)</span>
          <textarea name="note" rows={2} maxLength={MAX_NOTE_LENGTH} />
        </label>
      </ActionForm>

      <ActionForm action={assignCaseAction} org={org} submitLabel="Assign" label={`Assign case #${caseNumber}`}>
        <input type="hidden" name="caseId" value={caseId} />
        <label>
          Assignee
          <select name="assignee" defaultValue={props.assigneeId === null ? "none" : props.assigneeId === props.currentUserId ? "me" : props.assigneeId}>
            <option value="me">Me</option>
            <option value="none">Nobody (unassigned)</option>
            {others.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name ? `${m.name} (${m.email})` : m.email}
              </option>
            ))}
            {assignedElsewhere && (
              <option value={props.assigneeId!} disabled>
                A former member
              </option>
            )}
          </select>
        </label>
      </ActionForm>

      <ActionForm action={commentOnCaseAction} org={org} submitLabel="Add comment" label={`Comment on case #${caseNumber}`}>
        <input type="hidden" name="caseId" value={caseId} />
        <label>
          Comment
          <textarea name="body" rows={3} required maxLength={MAX_NOTE_LENGTH} />
        </label>
      </ActionForm>

      {props.serial === null ? (
        <p className="muted">The scanned code carried no serial, so there is nothing to blacklist.</p>
      ) : props.blacklisted ? (
        <div role="note">
          <h3>Serial blacklisted</h3>
          <p>
            <span className="mono">{props.serial}</span> has been blacklisted since <When at={props.blacklisted.createdAt} />
            {props.blacklisted.createdByEmail && <> by {props.blacklisted.createdByEmail}</>}: every scan of it answers counterfeit.
          </p>
          <p className="muted">Reason: {props.blacklisted.reason}</p>
        </div>
      ) : (
        <ActionForm action={blacklistSerialAction} org={org} submitLabel="Blacklist serial" danger label={`Blacklist the serial of case #${caseNumber}`}>
          <input type="hidden" name="caseId" value={caseId} />
          <p className="muted">
            Every later scan of GTIN <span className="mono">{props.gtin}</span>, serial <span className="mono">{props.serial}</span> will answer counterfeit — the
            genuine unit too, if someone still holds it.
          </p>
          <label>
            Reason <span className="muted">(required, kept on the blacklist)</span>
            <textarea name="reason" rows={2} required maxLength={MAX_NOTE_LENGTH} />
          </label>
        </ActionForm>
      )}
    </>
  );
}
