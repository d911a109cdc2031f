// The product, its recall notices, its journey and its story: what the record says, in plain words.
// Brand-written text may not be in the page's language (it falls back to English): dir="auto" lets an
// English recall read left to right inside an Arabic page.
import { Fragment } from "react";
import ReactMarkdown from "react-markdown";
import { fillTemplate } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import type { VerificationView } from "@/lib/consumer/verification-view";

// The page owns h1/h2; an editor's headings sit below the section's own.
const demoteHeadings = { h1: "h3", h2: "h3", h3: "h4", h4: "h5" } as const;

interface SectionProps {
  view: VerificationView;
  messages: Messages;
  dates: Intl.DateTimeFormat;
}

/** ISO dates (YYYY-MM-DD) are calendar days: format them in UTC so no time zone moves them. */
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function RecallNotices({ view, messages, dates }: SectionProps) {
  return view.recalls.map((recall, i) => (
    <section key={`${recall.title}-${i}`} className="recall" role="alert" aria-labelledby={`recall-label-${i} recall-${i}`}>
      <p id={`recall-label-${i}`} className="recall-label">
        {messages.recall.label}
      </p>
      <h2 id={`recall-${i}`} dir="auto">
        {recall.title}
      </h2>
      <p dir="auto">{recall.message}</p>
      {recall.action && (
        <p dir="auto">
          <strong>{recall.action}</strong>
        </p>
      )}
      <p className="hint">{fillTemplate(messages.recall.since, { date: dates.format(recall.startedAt) })}</p>
      {recall.moreInfoUrl && (
        <p>
          <a href={recall.moreInfoUrl} rel="noopener noreferrer">
            {messages.recall.moreInfo}
          </a>
        </p>
      )}
    </section>
  ));
}

export function ProductSection({ view, messages, dates }: SectionProps) {
  const m = messages.product;
  return (
    <section className="product" aria-labelledby="product-heading">
      <h2 id="product-heading" className="product-name" dir="auto">
        {view.product?.name ?? m.unknownProduct}
      </h2>
      <p className="brand" dir="auto">
        {view.brand?.name ?? m.unknownBrand}
      </p>
      {view.product?.image && (
        // eslint-disable-next-line @next/next/no-img-element -- rendered outside Next's runtime: no next/image here
        <img
          src={view.product.image.url}
          alt={view.product.image.alt}
          width={view.product.image.width ?? undefined}
          height={view.product.image.height ?? undefined}
          decoding="async"
        />
      )}
      {view.product?.description && <p dir="auto">{view.product.description}</p>}
      {view.product && (
        <dl className="facts">
          <dt>{m.gtin}</dt>
          <dd className="mono">{view.product.gtin}</dd>
          {view.unit && (
            <>
              <dt>{m.serial}</dt>
              <dd className="mono">{view.unit.serial}</dd>
            </>
          )}
          {view.unit?.lot && (
            <>
              <dt>{m.lot}</dt>
              <dd className="mono">{view.unit.lot}</dd>
            </>
          )}
          {view.unit?.expiryDate && (
            <>
              <dt>{m.expiry}</dt>
              <dd>{dates.format(dayOf(view.unit.expiryDate))}</dd>
            </>
          )}
          {view.product.facts.map((fact) => (
            <Fragment key={fact.label}>
              <dt dir="auto">{fact.label}</dt>
              <dd dir="auto">{fact.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}

export function JourneySection({ view, messages, dates }: SectionProps) {
  const m = messages.journey;
  const markets = marketNames(view.unit?.markets ?? [], view.locale);
  const steps = [
    ...(view.unit?.producedOn ? [{ key: "batch", text: m.steps.batch, at: dayOf(view.unit.producedOn) }] : []),
    ...view.journey.map((step, i) => ({
      key: `${step.step}-${i}`,
      // Only the countries the unit went to, never a partner's site or name.
      text: step.step === "shipped" && markets ? fillTemplate(m.shippedTo, { markets }) : m.steps[step.step],
      at: step.at,
    })),
  ];
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="journey-heading">
      <h2 id="journey-heading">{m.heading}</h2>
      <ol className="timeline">
        {steps.map((step) => (
          <li key={step.key}>
            <strong>{step.text}</strong>
            <time dateTime={step.at.toISOString()}>{dates.format(step.at)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}

function marketNames(markets: readonly string[], locale: string): string {
  if (markets.length === 0) return "";
  const regions = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const names = markets.map((code) => {
    try {
      return regions.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  });
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
}

export function StorySection({ view }: { view: VerificationView }) {
  if (!view.provenance) return null;
  return (
    <section aria-labelledby="story-heading" className="prose" dir="auto">
      <h2 id="story-heading">{view.provenance.title}</h2>
      {/* Editors' Markdown: react-markdown renders no raw HTML, so nothing they write can inject script. */}
      <ReactMarkdown skipHtml components={demoteHeadings}>
        {view.provenance.body}
      </ReactMarkdown>
    </section>
  );
}

export function BrandLinks({ view, messages }: { view: VerificationView; messages: Messages }) {
  if (view.links.length === 0) return null;
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">{messages.links.heading}</h2>
      <ul className="links">
        {view.links.map((link) => (
          <li key={link.href}>
            <a href={link.href} rel="noopener" dir="auto">
              {link.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
