import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { CasesPerDayChart, ScansPerDayChart, VerdictMixChart } from "@/components/console/insights/insights-charts";
import { insightsOverview, SOURCE_WINDOW_DAYS, type SourceActivity } from "@/db/queries/insights";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { localized } from "@/lib/i18n/negotiate-locale";
import { parseDateRange, rangeLabel, rangePresets, type DateRange } from "@/lib/insights/date-range";
import { formatShare, headline, perDay, scansPerDay, shortSource, verdictMix } from "@/lib/insights/series";
import styles from "./insights.module.css";

export const metadata: Metadata = { title: "Insights" };

const number = new Intl.NumberFormat("en");
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });
const countryName = (code: string) => (code ? (countryNames.of(code) ?? code) : "Unknown location");

type Search = Record<string, string | string[] | undefined>;

export default async function InsightsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const [{ org }, query] = await Promise.all([params, searchParams]);
  const base = `/console/${org}/insights`;
  const { db, organisation } = await requireOrgPage(org, "scans:read", base);
  const parsed = parseDateRange(query, new Date());
  const { range } = parsed;
  const { dailyCounts: counts, products, lots, countries, sources, sourcesWindow, probers, newCases: cases } = await insightsOverview(db, organisation.id, range);
  const daily = scansPerDay(range, counts);
  const mix = verdictMix(counts);
  const totals = headline(counts);
  const casesPerDay = perDay(range, cases);
  const newCases = casesPerDay.reduce((n, d) => n + d.count, 0);
  const queue = (filter: Record<string, string>) =>
    `/console/${org}/cases?${new URLSearchParams({ status: "all", from: range.from, to: range.to, ...filter }).toString()}`;
  const sourcesFrom = sourcesWindow.from;
  const exportHref = `/api/insights/export?${new URLSearchParams({ org, from: range.from, to: range.to }).toString()}`;

  return (
    <>
      <h1>Insights</h1>
      <p className="muted">
        {rangeLabel(range)}. Figures come from daily rollups of every scan; people and bots are counted apart, and bots never enter the
        top lists except as probing sources.
      </p>
      <RangePicker base={base} range={range} />
      {!parsed.ok && (
        <p className="result error" role="alert">
          {parsed.error} Showing the last 30 days instead.
        </p>
      )}

      <ul className="tiles" aria-label="Figures for the range">
        <li className="tile">
          <span className="tile-value">{number.format(totals.humanScans)}</span>
          <span className="tile-label">Scans by people</span>
        </li>
        <li className="tile">
          <span className="tile-value">{formatShare(totals.suspiciousShare)}</span>
          <span className="tile-label">Suspect or counterfeit ({number.format(totals.suspicious)})</span>
        </li>
        <li className="tile">
          <span className="tile-value">{number.format(newCases)}</span>
          <span className="tile-label">New cases</span>
        </li>
        <li className="tile">
          <span className="tile-value">{number.format(totals.botScans)}</span>
          <span className="tile-label">Bot requests (not counted above)</span>
        </li>
      </ul>

      <div className={styles.grid}>
        <section className={`panel ${styles.section}`} aria-labelledby="scans-per-day">
          <h2 id="scans-per-day">Scans per day</h2>
          <ScansPerDayChart
            points={daily}
            label={`Scans per day, ${range.from} to ${range.to}: ${number.format(totals.humanScans)} by people, ${number.format(totals.botScans)} by bots. The table below lists each day.`}
          />
          <details className={styles.details}>
            <summary>Scans per day as a table</summary>
            <DataTable columns={["Day (UTC)", "Consumers", "API and retailers", "Bots"]}>
              {daily.map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td className={styles.numeric}>{number.format(d.consumer)}</td>
                  <td className={styles.numeric}>{number.format(d.other)}</td>
                  <td className={styles.numeric}>{number.format(d.bots)}</td>
                </tr>
              ))}
            </DataTable>
          </details>
        </section>

        <section className={`panel ${styles.section}`} aria-labelledby="verdict-mix">
          <h2 id="verdict-mix">Verdict mix</h2>
          {mix.length === 0 ? (
            <p className="muted">No scans by people in this range.</p>
          ) : (
            <>
              <VerdictMixChart mix={mix} label={`Verdicts answered to people: ${mix.map((m) => `${m.label} ${formatShare(m.share)}`).join(", ")}.`} />
              <details className={styles.details}>
                <summary>Verdict mix as a table</summary>
                <DataTable columns={["Verdict", "Scans", "Share"]}>
                  {mix.map((m) => (
                    <tr key={m.verdict}>
                      <td>{m.label}</td>
                      <td className={styles.numeric}>{number.format(m.scans)}</td>
                      <td className={styles.numeric}>{formatShare(m.share)}</td>
                    </tr>
                  ))}
                </DataTable>
              </details>
            </>
          )}
        </section>

        <section className={`panel ${styles.section}`} aria-labelledby="new-cases">
          <h2 id="new-cases">New cases per day</h2>
          <CasesPerDayChart points={casesPerDay} label={`${number.format(newCases)} cases opened from ${range.from} to ${range.to}. The table below lists each day.`} />
          <details className={styles.details}>
            <summary>New cases per day as a table</summary>
            <DataTable columns={["Day (UTC)", "New cases"]}>
              {casesPerDay.map((d) => (
                <tr key={d.day}>
                  <td>{d.day}</td>
                  <td className={styles.numeric}>{number.format(d.count)}</td>
                </tr>
              ))}
            </DataTable>
          </details>
          <p>
            <Link href={queue({})}>Cases seen in this range</Link>
          </p>
        </section>

        <section className={`panel ${styles.section}`} aria-labelledby="top-products">
          <h2 id="top-products">Top suspicious products</h2>
          {products.length === 0 ? (
            <p className="muted">No suspect or counterfeit scans in this range.</p>
          ) : (
            <DataTable columns={["Product", "Suspicious", "Counterfeit", "All scans", "Rate"]}>
              {products.map((p) => (
                <tr key={p.gtin}>
                  <td>
                    <Link href={queue({ product: p.gtin })}>{p.productName ? localized(p.productName, "en") : "Unknown product"}</Link>
                    <div className="muted mono">{p.gtin}</div>
                  </td>
                  <td className={styles.numeric}>{number.format(p.suspicious)}</td>
                  <td className={styles.numeric}>{number.format(p.counterfeit)}</td>
                  <td className={styles.numeric}>{number.format(p.scans)}</td>
                  <td className={styles.numeric}>{formatShare(p.suspicious / Math.max(1, p.scans))}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section className={`panel ${styles.section}`} aria-labelledby="top-lots">
          <h2 id="top-lots">Top suspicious lots</h2>
          {lots.length === 0 ? (
            <p className="muted">No suspect or counterfeit scans in this range.</p>
          ) : (
            <DataTable columns={["Lot", "Product", "Suspicious", "All scans", "Rate"]}>
              {lots.map((l) => (
                <tr key={`${l.gtin}|${l.lot}`}>
                  <td className="mono">{l.lot ? <Link href={queue({ product: l.gtin, lot: l.lot })}>{l.lot}</Link> : "No lot in the code"}</td>
                  <td>
                    {l.productName ? localized(l.productName, "en") : "Unknown product"}
                    <div className="muted mono">{l.gtin}</div>
                  </td>
                  <td className={styles.numeric}>{number.format(l.suspicious)}</td>
                  <td className={styles.numeric}>{number.format(l.scans)}</td>
                  <td className={styles.numeric}>{formatShare(l.suspicious / Math.max(1, l.scans))}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section className={`panel ${styles.section}`} aria-labelledby="top-countries">
          <h2 id="top-countries">Top suspicious countries</h2>
          {countries.length === 0 ? (
            <p className="muted">No suspect or counterfeit scans in this range.</p>
          ) : (
            <DataTable columns={["Country", "Suspicious", "All scans", "Rate"]}>
              {countries.map((c) => (
                <tr key={c.country}>
                  <td>{c.country ? <Link href={queue({ country: c.country })}>{countryName(c.country)}</Link> : countryName(c.country)}</td>
                  <td className={styles.numeric}>{number.format(c.suspicious)}</td>
                  <td className={styles.numeric}>{number.format(c.scans)}</td>
                  <td className={styles.numeric}>{formatShare(c.suspicious / Math.max(1, c.scans))}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section className={`panel ${styles.section}`} aria-labelledby="top-sources">
          <h2 id="top-sources">Top suspicious sources</h2>
          <p className="muted">
            A source is a keyed hash of the network a scan came from — never the address itself.
            {sourcesFrom !== range.from && ` Sources change hands within weeks, so this list covers the last ${SOURCE_WINDOW_DAYS} days of the range (from ${sourcesFrom}).`}
          </p>
          <SourceTable sources={sources} empty="No suspect or counterfeit scans in this range." />
        </section>

        <section className={`panel ${styles.section}`} aria-labelledby="probing-sources">
          <h2 id="probing-sources">Probing sources</h2>
          <p className="muted">Sources scanning serials that were never issued (five or more in the range, or over their miss budget): someone guessing codes.</p>
          <SourceTable sources={probers} empty="No source probed for serials in this range." probing />
        </section>
      </div>

      <section className="panel" aria-labelledby="export">
        <h2 id="export">Export</h2>
        <p>
          Every scan of the range, one CSV line each (bots included, marked in <code>user_agent_class</code>). The file streams as it is
          written, so large ranges start at once.
        </p>
        <p>
          <a className="button secondary" href={exportHref} download>
            Download scans as CSV ({range.from} to {range.to})
          </a>
        </p>
      </section>
    </>
  );
}

function RangePicker({ base, range }: { base: string; range: DateRange }) {
  return (
    <div className={styles.ranges}>
      <nav aria-label="Date range presets">
        <ul className={styles.presets}>
          {rangePresets.map((preset) => (
            <li key={preset}>
              <Link href={`${base}?range=${preset}`} aria-current={range.preset === preset ? "page" : undefined}>
                Last {preset.replace("d", "")} days
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={base} className="inline-form" aria-label="Custom date range">
        <input type="hidden" name="range" value="custom" />
        <label>
          From
          <input type="date" name="from" defaultValue={range.from} required />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={range.to} required />
        </label>
        <button type="submit" className="button secondary">
          Show range
        </button>
      </form>
    </div>
  );
}

function SourceTable({ sources, empty, probing = false }: { sources: SourceActivity[]; empty: string; probing?: boolean }) {
  if (sources.length === 0) return <p className="muted">{empty}</p>;
  return (
    <DataTable columns={["Source", probing ? "Unknown serials" : "Suspicious", probing ? "Over budget" : "Unknown serials", "Days active", "Bots"]}>
      {sources.map((s) => (
        <tr key={s.sourceFingerprint}>
          <td className="mono">
            <abbr title={s.sourceFingerprint}>{shortSource(s.sourceFingerprint)}</abbr>
            <div className="muted">
              {s.firstDay === s.lastDay ? s.firstDay : `${s.firstDay} to ${s.lastDay}`}
            </div>
          </td>
          <td className={styles.numeric}>{number.format(probing ? s.misses : s.suspicious)}</td>
          <td className={styles.numeric}>{number.format(probing ? s.probing : s.misses)}</td>
          <td className={styles.numeric}>{number.format(s.days)}</td>
          <td className={styles.numeric}>{number.format(s.bots)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
