// How the answers to the unit's scans changed over time, one line per period of one verdict.
import { ruleLabel } from "@/lib/cases/evidence-figures";
import { verdictHistory, type VerdictScan } from "@/lib/cases/verdict-history";
import styles from "./case-page.module.css";
import { verdictColour, verdictLabel } from "./verdict-style";
import { When } from "./when";

export function VerdictHistory({ scans }: { scans: readonly VerdictScan[] }) {
  const periods = verdictHistory(scans);
  if (periods.length === 0) return <p className="muted">No scans yet.</p>;
  return (
    <ol className={styles.periods}>
      {periods.map((p, i) => (
        <li key={i}>
          <span className={styles.dot} style={{ background: verdictColour(p.verdict) }} aria-hidden="true" />
          <span>
            <strong>{verdictLabel(p.verdict)}</strong> · {p.scans} scan{p.scans === 1 ? "" : "s"} · <When at={p.from} />
            {p.to !== p.from && (
              <>
                {" – "}
                <When at={p.to} />
              </>
            )}
            {p.highestRisk > 0 && <> · risk up to {p.highestRisk}</>}
            {p.reasons.length > 0 && <span className="muted"> · {p.reasons.map(ruleLabel).join(", ")}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
