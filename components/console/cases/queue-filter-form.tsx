// The queue's filters: a plain GET form, so it works without JavaScript and every view is a link.
import Link from "next/link";
import type { CaseQueueChoices } from "@/db/queries/case-queue";
import { caseStatuses } from "@/db/schema";
import { caseSeverityLabel, caseStatusLabel, severitiesWorstFirst } from "@/lib/cases/case-status";
import { hasNarrowingFilters, type QueueView } from "@/lib/cases/queue-filter";
import { localized } from "@/lib/i18n/negotiate-locale";
import { ruleDescription, ruleLabel } from "./queue-labels";
import styles from "./queue.module.css";

const regions = new Intl.DisplayNames(["en"], { type: "region" });

export function countryName(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

const day = (d: Date | null, shift = 0) => (d ? new Date(d.getTime() + shift).toISOString().slice(0, 10) : "");

export function QueueFilterForm({ base, view, choices }: { base: string; view: QueueView; choices: CaseQueueChoices }) {
  const f = view.filter;
  // A rule filtered on but absent from the brand's cases stays offered, so it can be unticked.
  const rules = [...new Set([...choices.rules, ...f.rules])];
  return (
    <form method="get" action={base} role="search" aria-label="Filter cases" className={styles.filters}>
      <label className={styles.wide}>
        Search
        <input
          type="search"
          name="q"
          defaultValue={view.searchText}
          maxLength={512}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="queue-search-hint"
          placeholder="Serial, Digital Link or element string"
        />
        <span id="queue-search-hint" className={styles.searchHint}>
          A serial as printed, or paste a scanned code: https://…/01/…/21/…, (01)…(21)…, or raw scanner data.
        </span>
      </label>

      <fieldset>
        <legend>Status</legend>
        {/* An empty value says "the form was sent": no box ticked then means every status, not the default. */}
        <input type="hidden" name="status" value="" />
        {caseStatuses.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" name="status" value={s} defaultChecked={f.statuses.includes(s)} />
            {caseStatusLabel(s)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Severity</legend>
        {severitiesWorstFirst.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" name="severity" value={s} defaultChecked={f.severities.includes(s)} />
            {caseSeverityLabel(s)}
          </label>
        ))}
      </fieldset>

      <label>
        Product
        <select name="product" defaultValue={f.gtin ?? ""}>
          <option value="">Any product</option>
          {choices.products.map((p) => (
            <option key={p.gtin} value={p.gtin}>
              {p.name ? `${localized(p.name, "en")} · ${p.gtin}` : p.gtin}
            </option>
          ))}
        </select>
      </label>

      <label>
        Lot
        <input name="lot" defaultValue={f.lot ?? ""} maxLength={20} autoComplete="off" spellCheck={false} />
      </label>

      <label>
        Country
        <select name="country" defaultValue={f.country ?? ""}>
          <option value="">Any country</option>
          {[...new Set([...choices.countries, ...(f.country ? [f.country] : [])])].map((c) => (
            <option key={c} value={c}>
              {countryName(c)} ({c})
            </option>
          ))}
        </select>
      </label>

      <label>
        Seen from
        <input type="date" name="from" defaultValue={day(f.seenFrom)} />
      </label>
      <label>
        Seen until
        <input type="date" name="to" defaultValue={day(f.seenTo, -86_400_000)} />
      </label>

      <label>
        Assignee
        <select name="assignee" defaultValue={f.assignee}>
          <option value="anyone">Anyone</option>
          <option value="me">Assigned to me</option>
          <option value="unassigned">Unassigned</option>
        </select>
      </label>

      <label>
        Sort by
        <select name="sort" defaultValue={f.sort}>
          <option value="risk">Risk, then most recent</option>
          <option value="recent">Most recently seen</option>
        </select>
      </label>

      {rules.length > 0 && (
        <details open={f.rules.length > 0}>
          <summary>Rules that fired{f.rules.length > 0 ? ` (${f.rules.length} chosen)` : ""}</summary>
          <fieldset>
            <legend className="visually-hidden">Rules that fired (any of)</legend>
            <ul className={styles.ruleList}>
              {rules.map((code) => (
                <li key={code}>
                  <label className="checkbox">
                    <input type="checkbox" name="rule" value={code} defaultChecked={f.rules.includes(code)} aria-describedby={`rule-${code}`} />
                    <span>
                      {ruleLabel(code)}
                      <span id={`rule-${code}`} className={styles.hint}>
                        {ruleDescription(code)}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </details>
      )}

      <div className={styles.formActions}>
        <button type="submit" className="button">
          Apply filters
        </button>
        {hasNarrowingFilters(view) && <Link href={base}>Clear filters</Link>}
      </div>
    </form>
  );
}
