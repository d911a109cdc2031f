// The case's activity, oldest first: what the rules did, and what people did and said.
import type { CaseActivityKind, CaseStatus } from "@/db/schema";
import { caseStatusLabel } from "@/lib/cases/case-status";
import styles from "./case-page.module.css";
import { When } from "./when";

export interface CaseActivity {
  id: number;
  kind: CaseActivityKind;
  body: string | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  createdAt: Date;
  actorEmail: string | null;
}

const kindLabels: Record<CaseActivityKind, string> = {
  opened: "Case opened",
  rule_fired: "New evidence",
  comment: "Comment",
  status_changed: "Status changed",
  assigned: "Assignment",
  blacklisted: "Serial blacklisted",
  exported: "Evidence exported",
};

export function ActivityLog({ activities }: { activities: readonly CaseActivity[] }) {
  if (activities.length === 0) return <p className="muted">No activity yet.</p>;
  return (
    <ol className={`timeline ${styles.activity}`}>
      {activities.map((a) => (
        <li key={a.id}>
          <When at={a.createdAt} />
          <div>
            <strong>{kindLabels[a.kind] ?? a.kind}</strong>
            {a.fromStatus && a.toStatus && (
              <>
                : {caseStatusLabel(a.fromStatus)} → {caseStatusLabel(a.toStatus)}
              </>
            )}{" "}
            <span className="muted">by {a.actorEmail ?? "genuine (automatic)"}</span>
          </div>
          {a.body && <p>{a.body}</p>}
        </li>
      ))}
    </ol>
  );
}
