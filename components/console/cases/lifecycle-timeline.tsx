// The unit's lifecycle as its brand's systems recorded it (EPCIS events, oldest first): what the record
// says happened to the genuine unit, to hold against where its code was scanned.
import { bareVocabularyTerm } from "@/lib/consumer/journey-steps";
import { When } from "./when";

export interface LifecycleEvent {
  eventTime: Date;
  eventTimeZoneOffset: string;
  bizStep: string | null;
  disposition: string | null;
  bizLocation: string | null;
  readPoint: string | null;
}

const words = (term: string | null) => bareVocabularyTerm(term).replace(/_/g, " ");

export function LifecycleTimeline({ events, hasUnit }: { events: readonly LifecycleEvent[]; hasUnit: boolean }) {
  if (!hasUnit) return <p className="muted">The scanned code names no unit the brand issued, so there is no lifecycle to show.</p>;
  if (events.length === 0) return <p className="muted">No lifecycle event has been recorded for this unit.</p>;
  return (
    <ol className="timeline">
      {events.map((e, i) => (
        <li key={i}>
          <When at={e.eventTime} /> <span className="muted">(recorded at {e.eventTimeZoneOffset})</span>
          <div>
            <strong>{words(e.bizStep) || "event"}</strong>
            {e.disposition && <> · {words(e.disposition)}</>}
          </div>
          {(e.bizLocation || e.readPoint) && (
            <div className="mono muted" style={{ overflowWrap: "anywhere", fontSize: "0.85rem" }}>
              {e.bizLocation ?? e.readPoint}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
