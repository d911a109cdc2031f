// "Report a suspicious product": a plain multipart form. It posts to /api/reports, which answers with a
// redirect back here (?reported=1 or ?report_error=…), so it works with no JavaScript at all.
import type { ReactNode } from "react";
import type { ReportErrorCode } from "@/lib/consumer/report-input";
import type { VerificationView } from "@/lib/consumer/verification-view";
import type { Messages } from "@/lib/i18n/messages";

export interface ReportOutcome {
  reported: boolean;
  error: ReportErrorCode | null;
}

export function ReportForm({ view, messages, outcome }: { view: VerificationView; messages: Messages; outcome: ReportOutcome }) {
  const m = messages.report;
  const optional = ` (${m.optional})`;
  return (
    <section id="report" aria-labelledby="report-heading">
      <h2 id="report-heading">{m.heading}</h2>
      {!view.canReport ? (
        <p>{m.unavailable}</p>
      ) : (
        <>
          <p>{m.intro}</p>
          {outcome.reported && (
            <p className="ok" role="status">
              {m.thanks}
            </p>
          )}
          {outcome.error && (
            <p className="error" role="alert" id="report-error">
              {m.errors[outcome.error]}
            </p>
          )}
          <form className="panel" method="post" action="/api/reports" encType="multipart/form-data" aria-describedby={outcome.error ? "report-error" : undefined}>
            <input type="hidden" name="gtin" value={view.code.gtin} />
            {view.code.serial && <input type="hidden" name="serial" value={view.code.serial} />}
            {view.code.lot && <input type="hidden" name="lot" value={view.code.lot} />}
            {view.code.expiry && <input type="hidden" name="expiry" value={view.code.expiry} />}
            {view.scanRef && <input type="hidden" name="ref" value={view.scanRef} />}
            <input type="hidden" name="lang" value={view.locale} />
            <Field id="report-problem" label={m.problem} hint={m.problemHint}>
              <textarea id="report-problem" name="problem" rows={4} required minLength={3} maxLength={2000} aria-describedby="report-problem-hint" />
            </Field>
            <Field id="report-place" label={m.place} hint={m.placeHint}>
              <input id="report-place" name="place" type="text" required minLength={2} maxLength={200} aria-describedby="report-place-hint" />
            </Field>
            <Field id="report-email" label={`${m.email}${optional}`} hint={m.emailHint}>
              <input id="report-email" name="email" type="email" autoComplete="email" maxLength={254} dir="ltr" aria-describedby="report-email-hint" />
            </Field>
            <Field id="report-photo" label={`${m.photo}${optional}`} hint={m.photoHint}>
              <input id="report-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="report-photo-hint" />
            </Field>
            {/* Not shown to people (display: none); bots that fill every field give themselves away. */}
            <div className="hp">
              <label htmlFor="report-website">Website</label>
              <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <button type="submit">{m.submit}</button>
          </form>
        </>
      )}
    </section>
  );
}

/** A labelled control with its hint; the control names the hint with aria-describedby="<id>-hint". */
function Field({ id, label, hint, children }: { id: string; label: string; hint: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {children}
    </div>
  );
}
