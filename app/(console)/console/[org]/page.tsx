import type { Metadata } from "next";
import { organisationFigures } from "@/db/queries/overview";
import { roleAllows } from "@/lib/access/permissions";
import { withArticle } from "@/lib/access/role-label";
import { requireOrgPage } from "@/lib/access/require-org-page";

export const metadata: Metadata = { title: "Overview" };

const number = new Intl.NumberFormat("en");

export default async function OverviewPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation, role } = await requireOrgPage(org, "console:view", `/console/${org}`);
  const figures = await organisationFigures(db, organisation.id);
  const tiles = [
    { label: "Products", value: figures.productCount, show: organisation.kind === "brand" },
    { label: "Serialized units", value: figures.unitCount, show: organisation.kind === "brand" },
    { label: "Open cases", value: figures.openCases, show: roleAllows(role, "cases:read") && organisation.kind === "brand" },
    { label: "Scans in the last 7 days", value: figures.scansThisWeek, show: roleAllows(role, "scans:read") && organisation.kind === "brand" },
    { label: "Published provenance pages", value: figures.publishedPages, show: roleAllows(role, "content:edit") },
    { label: "Members", value: figures.memberCount, show: true },
  ].filter((t) => t.show);
  return (
    <>
      <h1>{organisation.name}</h1>
      <p className="muted">
        {organisation.kind === "brand" ? "Brand" : "Retailer"} · you are {withArticle(role)}
      </p>
      <ul className="tiles" aria-label="Figures">
        {tiles.map((t) => (
          <li key={t.label} className="tile">
            <span className="tile-value">{number.format(t.value)}</span>
            <span className="tile-label">{t.label}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
