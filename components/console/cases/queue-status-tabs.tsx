// Counts by status for the current filters, as links that keep every other filter.
import Link from "next/link";
import { QUEUE_COUNT_CAP, type CaseQueueFilter } from "@/db/queries/case-queue";
import { caseStatuses, type CaseStatus } from "@/db/schema";
import { activeCaseStatuses, caseStatusLabel } from "@/lib/cases/case-status";
import { queueHref, type QueueView } from "@/lib/cases/queue-filter";
import styles from "./queue.module.css";

const numbers = new Intl.NumberFormat("en");

/** The number of cases in some statuses: "10,000+" once any of them reached the count cap. */
export function countLabel(counts: Record<CaseStatus, number>, statuses: readonly CaseStatus[]): string {
  const chosen = statuses.length === 0 ? caseStatuses : statuses;
  if (chosen.some((s) => counts[s] > QUEUE_COUNT_CAP)) return `${numbers.format(QUEUE_COUNT_CAP)}+`;
  return numbers.format(chosen.reduce((n, s) => n + counts[s], 0));
}

export function QueueStatusTabs({ base, view, counts }: { base: string; view: QueueView; counts: Record<CaseStatus, number> }) {
  const tabs: { label: string; statuses: CaseQueueFilter["statuses"] }[] = [
    { label: "Active", statuses: activeCaseStatuses },
    ...caseStatuses.map((s) => ({ label: caseStatusLabel(s), statuses: [s] })),
    { label: "All", statuses: [] },
  ];
  const current = view.filter.statuses;
  const same = (a: readonly CaseStatus[]) => a.length === current.length && a.every((s) => current.includes(s));
  return (
    <nav aria-label="Cases by status">
      <ul className={styles.tabs}>
        {tabs.map((tab) => (
          <li key={tab.label}>
            <Link href={queueHref(base, view, { statuses: tab.statuses })} aria-current={same(tab.statuses) ? "page" : undefined}>
              {tab.label} <span className={styles.count}>{countLabel(counts, tab.statuses)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
