// What consumers holding the code told the brand, with their photos (served by the brand-only photo route).
import Image from "next/image";
import { reportPhotoUrl } from "@/lib/cases/evidence-pack";
import styles from "./case-page.module.css";
import { formatUtc, When } from "./when";

export interface CaseReport {
  id: string;
  message: string;
  purchasePlace: string | null;
  photos: { key: string; mediaType: string; bytes: number }[];
  contactEmail: string | null;
  country: string | null;
  createdAt: Date;
}

export function ConsumerReports({ reports, org }: { reports: readonly CaseReport[]; org: string }) {
  if (reports.length === 0) return <p className="muted">No consumer has reported this code.</p>;
  return (
    <ul className={styles.reports}>
      {reports.map((r) => (
        <li key={r.id}>
          <div>
            <When at={r.createdAt} />
            {r.country && <> · {r.country}</>}
            {r.purchasePlace && <> · bought at {r.purchasePlace}</>}
          </div>
          <blockquote>{r.message}</blockquote>
          {r.contactEmail && (
            <div>
              Contact: <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
            </div>
          )}
          {r.photos.length > 0 && (
            <ul className={styles.photos} aria-label={`Photos of the report of ${formatUtc(r.createdAt)}`}>
              {r.photos.map((p, index) => {
                const url = reportPhotoUrl(r.id, index, org);
                return (
                  <li key={p.key}>
                    <a href={url} target="_blank" rel="noopener">
                      {/* Served by our own authenticated route: the image optimiser would fetch it without the session. */}
                      <Image src={url} alt={`Photo ${index + 1} of ${r.photos.length} sent with the report (opens full size)`} width={128} height={128} unoptimized loading="lazy" />
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
