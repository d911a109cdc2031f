"use client";
// Uploads a CSV import, then polls the job until it ends: a progress bar over the file's rows, the
// outcome (imported, already imported, failed) and the first row errors with a link to the full report.
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import type { ImportJobView } from "@/lib/imports/import-report";
import { DataTable } from "./data-table";

const POLL_MS = 1000;

export function ImportUpload({ org }: { org: string }) {
  const router = useRouter();
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [jobUrl, setJobUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!jobUrl) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const response = await fetch(jobUrl, { headers: { "x-genuine-organisation": org }, cache: "no-store" }).catch(() => null);
      if (stopped) return;
      if (!response?.ok) {
        setError(`Could not read the import's progress (${response?.status ?? "network error"}).`);
        return;
      }
      const view = (await response.json()) as ImportJobView;
      if (stopped) return;
      setJob(view);
      if (view.running) timer = setTimeout(poll, POLL_MS);
      else router.refresh(); // the list of recent imports below
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobUrl, org, router]);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setJob(null);
    setJobUrl(null);
    setSending(true);
    try {
      const response = await fetch("/api/imports/units", { method: "POST", body: new FormData(event.currentTarget), headers: { "x-genuine-organisation": org } });
      const body = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
      if (response.status !== 202) setError(body.detail ?? body.title ?? `The import was refused (${response.status}).`);
      else setJobUrl(response.headers.get("location"));
    } catch {
      setError("The file could not be sent. Check your connection and try again.");
    } finally {
      setSending(false);
    }
  }

  const percent = job && job.rows > 0 ? Math.round((job.processed / job.rows) * 100) : job && !job.running ? 100 : 0;
  const reportHref = job ? `${job.links.errors}?org=${encodeURIComponent(org)}` : "";
  return (
    <div className="stack">
      <form onSubmit={upload} className="stack" aria-label="Import units">
        <label>
          CSV file
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={sending || job?.running} aria-busy={sending}>
            {sending ? "Uploading…" : "Import"}
          </button>
        </div>
      </form>
      {error && (
        <div role="alert" className="result error">
          <p>{error}</p>
        </div>
      )}
      {(job || jobUrl) && (
        <div className="stack">
          <progress
            max={100}
            value={percent}
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={job ? `${job.processed.toLocaleString("en")} of ${job.rows.toLocaleString("en")} rows` : "Starting"}
          />
          <div role="status" className={job && !job.running ? (job.status === "success" ? "result ok" : "result error") : "result"}>
            <p>{describe(job)}</p>
          </div>
        </div>
      )}
      {job && !job.running && job.failed > 0 && (
        <section aria-labelledby="row-errors-heading">
          <h3 id="row-errors-heading">Rows with errors</h3>
          <p>
            <a href={reportHref} download>
              Download the error report (CSV)
            </a>
            {job.errors.length < job.reportedErrors && <span className="muted"> · the first {job.errors.length} are shown here</span>}
          </p>
          <DataTable columns={["Row", "Column", "Value", "Problem"]}>
            {job.errors.map((e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <td>{e.row}</td>
                <td className="mono">{e.column || "—"}</td>
                <td className="mono">{e.value || "—"}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </div>
  );
}

function describe(job: ImportJobView | null): string {
  if (!job || job.status === "queued") return "Reading the file…";
  if (job.running) return `Importing… ${job.processed.toLocaleString("en")} of ${job.rows.toLocaleString("en")} rows.`;
  const counts = `${(job.imported ?? 0).toLocaleString("en")} imported · ${(job.duplicates ?? 0).toLocaleString("en")} already imported · ${job.failed.toLocaleString("en")} failed`;
  return job.status === "success" ? `Import finished: ${counts}.` : `The import stopped: ${job.problem ?? "unknown error"} (${counts}).`;
}
