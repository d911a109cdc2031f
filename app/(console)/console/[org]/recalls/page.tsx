import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { DataTable } from "@/components/console/data-table";
import { ProductSelect } from "@/components/console/product-select";
import { listProductChoices } from "@/db/queries/products";
import { recallClasses } from "@/db/schema";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { localized } from "@/lib/i18n/negotiate-locale";
import { listRecalls } from "@/lib/recalls/publish-recall";
import { closeRecallAction, publishRecallAction } from "./actions";

export const metadata: Metadata = { title: "Recalls" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const languages = [
  ["en", "English"],
  ["fr", "French"],
  ["de", "German"],
] as const;

export default async function RecallsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation } = await requireOrgPage(org, "recalls:manage", `/console/${org}/recalls`);
  const [recalls, catalogue] = await Promise.all([
    listRecalls(db, organisation.id),
    listProductChoices(db, organisation.id),
  ]);
  return (
    <>
      <h1>Recalls</h1>
      <section className="panel" aria-labelledby="new-recall-heading">
        <h2 id="new-recall-heading">Publish a recall</h2>
        <p className="muted">Affected units are recalled at once; every later scan shows the notice in the reader&apos;s language.</p>
        <ActionForm action={publishRecallAction} org={org} submitLabel="Publish recall" label="Publish a recall">
          <ProductSelect products={catalogue} />
          <label>
            Lots <span className="muted">(comma-separated; leave lots and serials empty to recall every unit of the product)</span>
            <input name="lots" />
          </label>
          <label>
            Serials <span className="muted">(optional, for a recall narrower than a lot)</span>
            <textarea name="serials" rows={2} />
          </label>
          <label>
            Class
            <select name="recallClass" defaultValue="class_2">
              {recallClasses.map((c) => (
                <option key={c} value={c}>
                  {c.replace("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <label>
            Reason <span className="muted">(internal)</span>
            <input name="reason" maxLength={2000} />
          </label>
          {languages.map(([code, name]) => (
            <fieldset key={code}>
              <legend>Notice in {name}</legend>
              <label>
                Title
                <input name={`title_${code}`} maxLength={200} required={code === "en"} />
              </label>
              <label>
                What happened
                <textarea name={`message_${code}`} rows={2} required={code === "en"} />
              </label>
              <label>
                What to do
                <textarea name={`action_${code}`} rows={2} />
              </label>
            </fieldset>
          ))}
          <label>
            More information <span className="muted">(https URL, optional)</span>
            <input name="moreInfoUrl" type="url" />
          </label>
        </ActionForm>
      </section>
      <section aria-labelledby="recalls-heading">
        <h2 id="recalls-heading">Recalls ({recalls.length})</h2>
        <DataTable columns={["Notice", "GTIN · lots", "Units", "Since", "State"]}>
              {recalls.map((r) => (
                <tr key={r.id}>
                  <td>{localized(r.title, "en")}</td>
                  <td className="mono">
                    {r.gtin} · {r.lots.length ? r.lots.join(", ") : r.serials.length ? `${r.serials.length} serial(s)` : "all lots"}
                  </td>
                  <td>{r.affectedUnits}</td>
                  <td>{dates.format(r.startedAt)}</td>
                  <td>
                    {r.endedAt ? (
                      `closed ${dates.format(r.endedAt)}`
                    ) : (
                      <ActionForm action={closeRecallAction} org={org} submitLabel="Close" className="inline-form" label={`Close ${localized(r.title, "en")}`}>
                        <input type="hidden" name="recallId" value={r.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
        </DataTable>
      </section>
    </>
  );
}
