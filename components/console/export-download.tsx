"use client";
// Downloads a streamed export while showing how far it has got: the server says how many units the
// batch holds, and the progress counts the lines (CSV, NDJSON) or labels (print sheet) received.
import { useState } from "react";

interface Props {
  href: string;
  org: string;
  label: string;
  filename: string;
  /** Text that marks one unit in the stream ("\n" for CSV/NDJSON, a label's class for the sheet). */
  unitMarker: string;
}

export function ExportDownload({ href, org, label, filename, unitMarker }: Props) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setError(null);
    const response = await fetch(href, { headers: { "x-genuine-organisation": org } });
    if (!response.ok || !response.body) {
      setError(`The export failed (${response.status}).`);
      return;
    }
    const total = Number(response.headers.get("x-total-units") ?? 0);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parts: BlobPart[] = [];
    let done = 0;
    setProgress({ done, total });
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      parts.push(chunk.value);
      done += decoder.decode(chunk.value, { stream: true }).split(unitMarker).length - 1;
      setProgress({ done: Math.min(done, total), total });
    }
    const url = URL.createObjectURL(new Blob(parts));
    const a = Object.assign(document.createElement("a"), { href: url, download: filename });
    a.click();
    URL.revokeObjectURL(url);
    setProgress({ done: total, total });
  }

  return (
    <span className="export">
      <button type="button" className="button secondary" onClick={download} disabled={progress !== null && progress.done < progress.total}>
        {label}
      </button>
      {progress && (
        <progress value={progress.done} max={progress.total || 1} aria-label={`${label}: ${progress.done} of ${progress.total} units`} />
      )}
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
