import ReactMarkdown from "react-markdown";
import type { UnitView } from "@/lib/consumer/unit-view";

// The page owns h1/h2; an editor's headings sit below the section's own.
const demoteHeadings = { h1: "h3", h2: "h3", h3: "h4", h4: "h5" } as const;

const dateFormat = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });

export function UnitReport({ view }: { view: UnitView }) {
  const dates = dateFormat(view.locale);
  return (
    <article className="unit-page" lang={view.locale} aria-labelledby="product-name">
      <p className="muted">{view.brand?.name ?? "Unknown brand"}</p>
      <h1 id="product-name">{view.product?.name ?? "Unknown product"}</h1>

      {view.summary && (
        <div className="status-panel" data-tone={view.summary.tone} role="status" aria-live="polite">
          <h2>{view.summary.headline}</h2>
          <p>{view.summary.detail}</p>
        </div>
      )}

      {view.recalls.map((recall) => (
        <section key={recall.title} className="notice" role="alert" aria-label="Recall notice">
          <h2>{recall.title}</h2>
          <p>{recall.message}</p>
          {recall.action && <p><strong>{recall.action}</strong></p>}
          {recall.moreInfoUrl && (
            <p>
              <a href={recall.moreInfoUrl} rel="noopener noreferrer">
                More about this recall
              </a>
            </p>
          )}
        </section>
      ))}

      {view.product && (
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="facts">
            <dt>GTIN</dt>
            <dd className="mono">{view.product.gtin}</dd>
            {view.unit && (
              <>
                <dt>Serial</dt>
                <dd className="mono">{view.unit.serial}</dd>
                {view.unit.lot && (
                  <>
                    <dt>Lot</dt>
                    <dd className="mono">{view.unit.lot}</dd>
                  </>
                )}
                {view.unit.expiryDate && (
                  <>
                    <dt>Expiry</dt>
                    <dd>{dates.format(new Date(view.unit.expiryDate))}</dd>
                  </>
                )}
              </>
            )}
            {view.product.facts.map((f) => (
              <div key={f.label} style={{ display: "contents" }}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {view.journey.length > 0 && (
        <section aria-labelledby="journey-heading">
          <h2 id="journey-heading">Journey</h2>
          <ol className="timeline">
            {view.journey.map((step, i) => (
              <li key={i}>
                <strong>{step.label}</strong>
                <time dateTime={step.at.toISOString()}>{dates.format(step.at)}</time>
              </li>
            ))}
          </ol>
        </section>
      )}

      {view.provenance && (
        <section aria-labelledby="story-heading" className="prose">
          <h2 id="story-heading">{view.provenance.title}</h2>
          {/* Editors' Markdown: react-markdown renders no raw HTML, so nothing they write can inject script. */}
          <ReactMarkdown skipHtml components={demoteHeadings}>{view.provenance.body}</ReactMarkdown>
        </section>
      )}
    </article>
  );
}
