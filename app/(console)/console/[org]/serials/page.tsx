import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { ProductSelect } from "@/components/console/product-select";
import { listProductChoices } from "@/db/queries/products";
import { ExportDownload } from "@/components/console/export-download";
import { listSerialBatches } from "@/db/queries/serials";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { localized } from "@/lib/i18n/negotiate-locale";
import { issueSerialsAction } from "./actions";

export const metadata: Metadata = { title: "Serials" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function SerialsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation } = await requireOrgPage(org, "serials:write", `/console/${org}/serials`);
  const [catalogue, batches] = await Promise.all([
    listProductChoices(db, organisation.id),
    listSerialBatches(db, organisation.id),
  ]);
  return (
    <>
      <h1>Serials</h1>
      <section className="panel" aria-labelledby="issue-heading">
        <h2 id="issue-heading">Issue serials</h2>
        <p className="muted">
          Random serials from a cryptographic generator (never sequential), far below EU FMD&apos;s 1-in-10,000 guess limit. The
          units are created as commissioned.
        </p>
        <ActionForm action={issueSerialsAction} org={org} submitLabel="Issue serials" label="Issue serials">
          <ProductSelect products={catalogue} />
          <label>
            Lot
            <input name="lot" required maxLength={20} />
          </label>
          <label>
            Expiry <span className="muted">(optional)</span>
            <input name="expiryDate" type="date" />
          </label>
          <label>
            How many
            <input name="quantity" type="number" min={1} max={1000000} required inputMode="numeric" />
          </label>
        </ActionForm>
      </section>
      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">Batches ({batches.length})</h2>
        <ul className="list">
          {batches.map((b) => {
            const base = `/api/serials/${b.id}/export`;
            return (
              <li key={b.id} className="card">
                <strong>{localized(b.productName, "en")}</strong> · lot <span className="mono">{b.lot ?? "—"}</span> ·{" "}
                {b.quantity.toLocaleString("en")} units · {dates.format(b.createdAt)}
                <div className="inline-form">
                  <ExportDownload href={`${base}?format=csv`} org={org} label="CSV" filename={`serials-${b.id}.csv`} unitMarker={"\n"} />
                  <ExportDownload href={`${base}?format=html`} org={org} label="Print sheet (DataMatrix)" filename={`labels-${b.id}.html`} unitMarker={'class="label"'} />
                  <ExportDownload href={`${base}?format=ndjson`} org={org} label="SVG per unit (NDJSON)" filename={`labels-${b.id}.ndjson`} unitMarker={"\n"} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
