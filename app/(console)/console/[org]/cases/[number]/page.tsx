import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActivityLog } from "@/components/console/cases/activity-log";
import { CaseActions } from "@/components/console/cases/case-actions";
import styles from "@/components/console/cases/case-page.module.css";
import { ConsumerReports } from "@/components/console/cases/consumer-reports";
import { LifecycleTimeline } from "@/components/console/cases/lifecycle-timeline";
import { RulesEvidence } from "@/components/console/cases/rules-evidence";
import { ScanMap } from "@/components/console/cases/scan-map";
import { ScanTimeline } from "@/components/console/cases/scan-timeline";
import { VerdictHistory } from "@/components/console/cases/verdict-history";
import { When } from "@/components/console/cases/when";
import { findCaseDetail } from "@/db/queries/case-detail";
import { listMembers } from "@/db/queries/memberships";
import type { CaseSeverity, CaseStatus } from "@/db/schema";
import { roleAllows } from "@/lib/access/permissions";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { caseSeverityLabel, caseStatusLabel, isClosedStatus } from "@/lib/cases/case-status";
import { localized } from "@/lib/i18n/negotiate-locale";

type Params = { org: string; number: string };

const caseNumber = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const timelineGrouping = z.enum(["device", "source"]).catch("device");

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { number } = await params;
  const parsed = caseNumber.safeParse(number);
  return { title: parsed.success ? `Case #${parsed.data}` : "Case" };
}

const statusTone: Record<CaseStatus, string | undefined> = { open: "warn", investigating: "warn", confirmed_counterfeit: "bad", dismissed: undefined, resolved: "good" };
const severityTone: Record<CaseSeverity, string | undefined> = { low: undefined, medium: "warn", high: "bad", critical: "bad" };

export default async function CasePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org, number } = await params;
  const { db, organisation, role, user } = await requireOrgPage(org, "cases:read", `/console/${org}/cases/${number}`);
  const parsed = caseNumber.safeParse(number);
  if (!parsed.success) notFound();
  const detail = await findCaseDetail(db, organisation.id, { number: parsed.data });
  if (!detail) notFound();
  const by = timelineGrouping.parse((await searchParams).timeline);
  const canManage = roleAllows(role, "cases:manage");
  const members = canManage ? (await listMembers(db, organisation.id)).filter((m) => roleAllows(m.role, "cases:manage")) : [];

  const c = detail.case;
  const base = `/console/${org}/cases/${c.number}`;
  const productName = detail.product ? localized(detail.product.name, "en") : null;
  const evidenceUrl = (format: "json" | "csv") => `/api/cases/${c.id}/evidence?format=${format}&org=${encodeURIComponent(org)}`;
  const unit = detail.unit;

  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href={`/console/${org}/cases`}>Cases</Link> <span aria-hidden="true">›</span> <span aria-current="page">Case #{c.number}</span>
      </nav>
      <header className={styles.header}>
        <h1>
          Case #{c.number}
          {productName && <>: {productName}</>}
        </h1>
        <p className="mono" style={{ margin: 0, overflowWrap: "anywhere" }}>
          GTIN {c.gtin} · serial {c.serial ?? "none"}
          {c.lot && <> · lot {c.lot}</>}
        </p>
        <ul className={styles.badges} aria-label="Case summary">
          <li className={styles.badge} data-tone={statusTone[c.status]}>
            Status: {caseStatusLabel(c.status)}
          </li>
          <li className={styles.badge} data-tone={severityTone[c.severity]}>
            Severity: {caseSeverityLabel(c.severity)}
          </li>
          <li className={styles.badge}>Risk {c.risk}</li>
          <li className={styles.badge}>{c.assigneeEmail ? `Assigned to ${c.assigneeEmail}` : "Unassigned"}</li>
          {detail.blacklisted && (
            <li className={styles.badge} data-tone="bad">
              Serial blacklisted
            </li>
          )}
        </ul>
        <p className="muted" style={{ margin: 0 }}>
          {c.scanCount} suspicious scan{c.scanCount === 1 ? "" : "s"}
          {c.countries.length > 0 && <> in {c.countries.join(", ")}</>}, first <When at={c.firstSeenAt} />, last <When at={c.lastSeenAt} />. Opened <When at={c.createdAt} />
          {c.closedAt && isClosedStatus(c.status) && (
            <>
              , decided <When at={c.closedAt} />
            </>
          )}
          .
        </p>
        <div className={styles.exports}>
          <a className="button secondary" href={evidenceUrl("json")} download>
            Export evidence pack (JSON)
          </a>
          <a className="button secondary" href={evidenceUrl("csv")} download>
            Export scans (CSV)
          </a>
          {canManage && (
            // On a phone the actions come after the evidence: one tap away from the top.
            <a href="#actions-heading">Act on this case</a>
          )}
        </div>
      </header>

      <div className={styles.layout}>
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">Rules that fired</h2>
          <RulesEvidence rules={c.rules} evidence={c.evidence} />
        </section>

        <section aria-labelledby="unit-heading">
          <h2 id="unit-heading">The unit</h2>
          <dl className="facts">
            <dt>Product</dt>
            <dd>{detail.product ? `${productName} · ${detail.product.brandName} · ${detail.product.category.replace(/_/g, " ")}` : "Not one of the brand's products"}</dd>
            {unit ? (
              <>
                <dt>Serial</dt>
                <dd className="mono">{unit.serial}</dd>
                <dt>Lot</dt>
                <dd>
                  {unit.lot ?? "—"}
                  {unit.lotSite && <span className="muted"> · made at {unit.lotSite}</span>}
                  {unit.lotProductionDate && <span className="muted"> on {unit.lotProductionDate}</span>}
                </dd>
                <dt>Expiry</dt>
                <dd>{unit.expiryDate ?? "—"}</dd>
                <dt>Status</dt>
                <dd>
                  {unit.status.replace(/_/g, " ")} <span className="muted">since <When at={unit.statusSince} /></span>
                </dd>
                <dt>Shipped to</dt>
                <dd>{unit.markets.length ? unit.markets.join(", ") : "no market recorded"}</dd>
                {detail.product && detail.product.intendedMarkets.length > 0 && (
                  <>
                    <dt>Product&apos;s markets</dt>
                    <dd>{detail.product.intendedMarkets.join(", ")}</dd>
                  </>
                )}
                {unit.parentEpc && (
                  <>
                    <dt>Packed in</dt>
                    <dd className="mono">{unit.parentEpc}</dd>
                  </>
                )}
              </>
            ) : (
              <>
                <dt>Serial</dt>
                <dd>
                  <span className="mono">{c.serial ?? "none"}</span> <span className="muted">— never issued by the brand: every pack carrying it is a fake</span>
                </dd>
              </>
            )}
          </dl>
        </section>

        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading">Verdict history</h2>
          <VerdictHistory scans={detail.scans} />
        </section>

        <section aria-labelledby="map-heading">
          <h2 id="map-heading">Where it was scanned</h2>
          <ScanMap
            label={`case #${c.number}`}
            // Locations are coarse: the region names the place when no city was recorded.
            scans={detail.scans.map((s) => ({ at: s.at.toISOString(), latitude: s.latitude, longitude: s.longitude, country: s.country, city: s.city ?? s.region, verdict: s.verdict }))}
          />
        </section>

        <section aria-labelledby="scans-heading" id="scans">
          <h2 id="scans-heading">Scans by device and source</h2>
          {detail.scanTotal > detail.scans.length && (
            <p className="muted">
              Showing the newest {detail.scans.length} of {detail.scanTotalCapped ? "more than " : ""}
              {detail.scanTotal.toLocaleString("en")} scans; the map and the verdict history cover the same {detail.scans.length}.
            </p>
          )}
          <ScanTimeline scans={detail.scans} by={by} hrefFor={(g) => `${base}?timeline=${g}#scans`} />
        </section>

        <section aria-labelledby="lifecycle-heading">
          <h2 id="lifecycle-heading">Lifecycle</h2>
          <LifecycleTimeline events={detail.lifecycle} hasUnit={unit !== null} />
        </section>

        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">Consumer reports ({detail.reports.length})</h2>
          <ConsumerReports reports={detail.reports} org={org} />
        </section>

        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">Activity</h2>
          <ActivityLog activities={detail.activities} />
        </section>

        {canManage && (
          <aside className={`panel ${styles.aside}`} aria-labelledby="actions-heading">
            <h2 id="actions-heading">Act on this case</h2>
            <CaseActions
              org={org}
              caseId={c.id}
              caseNumber={c.number}
              status={c.status}
              serial={c.serial}
              gtin={c.gtin}
              assigneeId={c.assigneeId}
              currentUserId={user.id}
              assignees={members}
              blacklisted={detail.blacklisted}
            />
          </aside>
        )}
      </div>
    </>
  );
}
