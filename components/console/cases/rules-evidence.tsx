// The rules that fired on a case, each with what it means and the figures that made it fire.
import type { RuleEvidence } from "@/db/schema";
import { describeEvidence, ruleLabel } from "@/lib/cases/evidence-figures";
import styles from "./case-page.module.css";

export function RulesEvidence({ rules, evidence }: { rules: readonly string[]; evidence: readonly RuleEvidence[] }) {
  // Every rule the case lists, in the order they first fired; a rule whose figures were not kept still shows.
  const entries = rules.map((rule) => evidence.find((e) => e.rule === rule) ?? { rule, severity: "info" as const, detail: {} });
  for (const e of evidence) if (!rules.includes(e.rule)) entries.push(e);
  if (entries.length === 0) return <p className="muted">No rule evidence was recorded for this case.</p>;
  return (
    <ul className={styles.rules}>
      {entries.map((e) => {
        const described = describeEvidence(e);
        return (
          <li key={e.rule} className={styles.rule} data-severity={e.severity}>
            <h3>{ruleLabel(e.rule)}</h3>
            <p>
              <span className="muted">Severity {e.severity}.</span> {described.description}
            </p>
            {described.figures.length > 0 ? (
              <dl className="facts">
                {described.figures.map((f) => (
                  <div key={f.label} style={{ display: "contents" }}>
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">No figures recorded.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
