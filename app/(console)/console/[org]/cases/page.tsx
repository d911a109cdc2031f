import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { QueueBulkBar } from "@/components/console/cases/queue-bulk-bar";
import { QueueFilterForm } from "@/components/console/cases/queue-filter-form";
import { countLabel, QueueStatusTabs } from "@/components/console/cases/queue-status-tabs";
import { BULK_FORM_ID, QueueTable } from "@/components/console/cases/queue-table";
import styles from "@/components/console/cases/queue.module.css";
import { countQueueCasesByStatus, listQueueCases, listQueueFilterChoices } from "@/db/queries/case-queue";
import { listMembers } from "@/db/queries/memberships";
import { caseStatuses } from "@/db/schema";
import { roleAllows } from "@/lib/access/permissions";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { caseStatusLabel } from "@/lib/cases/case-status";
import { parseQueueView, queueHref, queueSearchParams } from "@/lib/cases/queue-filter";
import { bulkAssignCasesAction, bulkChangeCaseStatusAction } from "./actions";

export const metadata: Metadata = { title: "Cases" };

const PAGE_SIZE = 50;

export default async function CasesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ org }, query] = await Promise.all([params, searchParams]);
  const { db, user, organisation, role } = await requireOrgPage(org, "cases:read", `/console/${org}/cases`);
  const base = `/console/${org}/cases`;
  const view = parseQueueView(query);
  // The filter form sends every field, empty or default: answer with the short link of the same view
  // (unless something was ignored, which the page then explains).
  const canonical = queueSearchParams(view, view.cursor).toString();
  if (view.ignored.length === 0 && searchString(query) !== canonical) redirect(canonical ? `${base}?${canonical}` : base);
  const canManage = roleAllows(role, "cases:manage");
  const [page, counts, choices, members] = await Promise.all([
    listQueueCases(db, organisation.id, view.filter, { viewerUserId: user.id, cursor: view.cursor, limit: PAGE_SIZE }),
    countQueueCasesByStatus(db, organisation.id, view.filter, user.id),
    listQueueFilterChoices(db, organisation.id),
    canManage ? listMembers(db, organisation.id) : Promise.resolve([]),
  ]);
  const chosen = view.filter.statuses.length === 0 ? caseStatuses : view.filter.statuses;
  const matching = chosen.reduce((n, s) => n + counts[s], 0);

  return (
    <>
      <h1>Cases</h1>
      <p className="muted">Suspected counterfeits the verdict rules opened for {organisation.name}. Riskiest first; open a case for its evidence.</p>

      {view.ignored.length > 0 && (
        <p role="status" className={styles.ignored}>
          Ignored in this link: {view.ignored.join(", ")}.
        </p>
      )}

      <section className="panel" aria-labelledby="queue-filters-heading">
        <h2 id="queue-filters-heading" className="visually-hidden">
          Filters
        </h2>
        <QueueFilterForm base={base} view={view} choices={choices} />
      </section>

      <QueueStatusTabs base={base} view={view} counts={counts} />

      <section aria-labelledby="queue-results-heading">
        <h2 id="queue-results-heading">
          {countLabel(counts, view.filter.statuses)} case{matching === 1 ? "" : "s"}
          {view.filter.search ? ` matching “${view.searchText}”` : ""}
        </h2>
        {canManage && page.rows.length > 0 && (
          <QueueBulkBar
            formId={BULK_FORM_ID}
            org={org}
            statusAction={bulkChangeCaseStatusAction}
            assignAction={bulkAssignCasesAction}
            statuses={caseStatuses.map((s) => ({ value: s, label: caseStatusLabel(s) }))}
            members={members.filter((m) => roleAllows(m.role, "cases:manage")).map((m) => ({ userId: m.userId, label: m.name ? `${m.name} (${m.email})` : m.email }))}
            currentUserId={user.id}
          />
        )}
        {page.rows.length === 0 ? (
          <p>
            No cases match these filters.{" "}
            {matching === 0 && view.filter.statuses.length > 0 && <Link href={queueHref(base, view, { statuses: [] })}>Look in every status</Link>}
          </p>
        ) : (
          <QueueTable base={base} rows={page.rows} selectable={canManage} />
        )}
        {(page.previousBefore || page.nextAfter) && (
          <nav aria-label="Pages" className={styles.pagination}>
            {page.previousBefore && (
              <Link href={queueHref(base, view, {}, { before: page.previousBefore })} rel="prev">
                ← Previous {PAGE_SIZE}
              </Link>
            )}
            {page.nextAfter && (
              <Link href={queueHref(base, view, {}, { after: page.nextAfter })} rel="next">
                Next {PAGE_SIZE} →
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}

function searchString(query: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const v of typeof value === "string" ? [value] : (value ?? [])) params.append(name, v);
  return params.toString();
}
