// The queue's rows. Each row's checkbox belongs to the bulk form (form="queue-bulk") so the table stays a
// server component and the selection posts without JavaScript.
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import type { CaseQueueRow } from "@/db/queries/case-queue";
import { caseSeverityLabel, caseStatusLabel } from "@/lib/cases/case-status";
import { localized } from "@/lib/i18n/negotiate-locale";
import { countryName } from "./queue-filter-form";
import { ruleDescription, ruleLabel } from "./queue-labels";
import { QueueSelectAll } from "./queue-select-all";
import styles from "./queue.module.css";

export const BULK_FORM_ID = "queue-bulk";
const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function QueueTable({ base, rows, selectable }: { base: string; rows: CaseQueueRow[]; selectable: boolean }) {
  const columns = [
    ...(selectable ? [<QueueSelectAll key="all" form={BULK_FORM_ID} />] : []),
    "Case",
    "Risk",
    "Status",
    "Unit",
    "Rules",
    "Countries",
    "Scans",
    "Last seen (UTC)",
    "Assignee",
  ];
  return (
    <DataTable columns={columns}>
      {rows.map((c) => {
        const product = c.productName ? localized(c.productName, "en") : null;
        return (
          <tr key={c.id}>
            {selectable && (
              <td>
                <input type="checkbox" className={styles.select} form={BULK_FORM_ID} name={`case:${c.id}`} aria-label={`Select case #${c.number}`} />
              </td>
            )}
            <td className={styles.number}>
              <Link href={`${base}/${c.number}`} aria-label={`Case #${c.number}${c.serial ? `, serial ${c.serial}` : ""}`}>
                #{c.number}
              </Link>
            </td>
            <td className={styles.nowrap}>
              <span className={`${styles.badge} ${styles[c.severity]}`}>{caseSeverityLabel(c.severity)}</span> {c.risk}
            </td>
            <td>{caseStatusLabel(c.status)}</td>
            <td>
              {product && <div>{product}</div>}
              <div className="mono">{c.gtin}</div>
              <div className="mono">
                {c.serial ? `serial ${c.serial}` : <span className="muted">no serial</span>}
                {c.lot ? ` · lot ${c.lot}` : ""}
              </div>
            </td>
            <td>
              {c.rules.map((code, i) => (
                <span key={code} title={ruleDescription(code)}>
                  {i > 0 ? ", " : ""}
                  {ruleLabel(code)}
                </span>
              ))}
            </td>
            <td>{c.countries.length === 0 ? <span className="muted">—</span> : c.countries.map((cc) => <abbr key={cc} title={countryName(cc)}>{cc} </abbr>)}</td>
            <td>{c.scanCount}</td>
            <td className={styles.nowrap}>{dates.format(c.lastSeenAt)}</td>
            <td>{c.assigneeEmail ? c.assigneeName ?? c.assigneeEmail : <span className="muted">Unassigned</span>}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
