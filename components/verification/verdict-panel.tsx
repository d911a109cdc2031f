import type { Messages } from "@/lib/i18n/messages";
import type { PublicVerdict } from "@/lib/consumer/verification-view";
import { VerdictIcon } from "./verdict-icon";

/** The answer, first and large: icon, headline (the page's h1), why in a sentence, what to do. */
export function VerdictPanel({ verdict, messages }: { verdict: PublicVerdict | null; messages: Messages }) {
  const m = messages.verdict;
  if (!verdict) {
    return (
      <div className="verdict v-none" role="status" aria-label={m.label}>
        <VerdictIcon level="none" />
        <h1 id="verdict-heading">{m.noSerialHeadline}</h1>
        <p>{m.noSerialDetail}</p>
      </div>
    );
  }
  const { headline, advice } = m.levels[verdict.level];
  // "none" only reassures a genuine answer; beside a real reason it would contradict it.
  const reasons = verdict.publicReasons.filter((r) => r !== "none" || verdict.level === "genuine");
  return (
    <div className={`verdict v-${verdict.level}`} role="status" aria-label={m.label} data-level={verdict.level}>
      <VerdictIcon level={verdict.level} />
      <h1 id="verdict-heading">{headline}</h1>
      {reasons.map((reason) => (
        <p key={reason}>{m.reasons[reason]}</p>
      ))}
      <p className="advice">{advice}</p>
    </div>
  );
}
