import type { Metadata } from "next";
import { DataTable } from "@/components/console/data-table";
import { ImportUpload } from "@/components/console/import-upload";
import { listImportJobs } from "@/db/queries/imports";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { IMPORT_COLUMNS, IMPORT_TEMPLATE, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports/import-columns";
import { toImportJobView } from "@/lib/imports/import-report";
import { IMPORT_STATUSES } from "@/lib/imports/import-statuses";

export const metadata: Metadata = { title: "Imports" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const count = (n: number | null) => (n === null ? "—" : n.toLocaleString("en"));
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(IMPORT_TEMPLATE)}`;

export default async function ImportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation } = await requireOrgPage(org, "epcis:write", `/console/${org}/imports`);
  const jobs = (await listImportJobs(db, organisation.id)).map(toImportJobView);
  return (
    <>
      <h1>Imports</h1>
      <section className="panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Import units and statuses</h2>
        <p className="muted">
          For systems that do not send EPCIS: each row records a unit&apos;s status as an EPCIS event, so the lifecycle is the same
          as for captured events. Importing the same file again changes nothing; rows with errors are skipped and reported.
        </p>
        <ImportUpload org={org} />
        <details>
          <summary>File format</summary>
          <p>
            A CSV file (comma or semicolon, UTF-8) of at most {MAX_IMPORT_BYTES / 1_048_576} MB and {MAX_IMPORT_ROWS.toLocaleString("en")} rows.
            The first line names the columns: <code>{IMPORT_COLUMNS.filter((c) => c !== "uri").join(", ")}</code> — or a single{" "}
            <code>uri</code> column (a GS1 Digital Link or element string) instead of gtin, serial, lot and expiry.
          </p>
          <ul>
            <li>
              <code>gtin</code>, <code>serial</code> and <code>status</code> are required; <code>expiry</code> is YYYY-MM-DD.
            </li>
            <li>
              <code>status</code>: {Object.keys(IMPORT_STATUSES).join(", ")}.
            </li>
            <li>
              <code>event_time</code>: ISO 8601 with offset (2026-03-01T14:30:00+01:00); empty means the time of the import, rows in file order.
            </li>
            <li>
              <code>market</code>: the country the unit goes to (ISO 3166 alpha-2, e.g. DE); <code>location</code>: a GLN or SGLN.
            </li>
          </ul>
          <p>
            <a href={templateHref} download="units-import-template.csv">
              Download a template (CSV)
            </a>
          </p>
        </details>
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent imports</h2>
        {jobs.length === 0 ? (
          <p className="muted">No imports yet.</p>
        ) : (
          <DataTable columns={["Started (UTC)", "File", "Status", "Rows", "Imported", "Already imported", "Failed", "Errors"]}>
            {jobs.map((job) => (
              <tr key={job.importID}>
                <td>{dates.format(job.createdAt)}</td>
                <td>{job.fileName ?? <span className="muted">(uploaded text)</span>}</td>
                <td>{job.running ? `${job.status} (${count(job.processed)} of ${count(job.rows)})` : job.status}</td>
                <td>{count(job.rows)}</td>
                <td>{count(job.imported)}</td>
                <td>{count(job.duplicates)}</td>
                <td>{count(job.failed)}</td>
                <td>{job.failed > 0 || job.problem ? <a href={`${job.links.errors}?org=${encodeURIComponent(org)}`} download>Report (CSV)</a> : "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
