// The whole HTML document of the consumer verification page. Rendered to a string by the route, with
// no React runtime sent to the browser: the page is static HTML, one inline stylesheet and one tiny script.
/* eslint-disable @next/next/no-head-element -- a standalone document rendered outside Next's runtime: next/head does not exist here */
import type { ReactNode } from "react";
import { LogoMark } from "@/components/logo";
import type { VerificationView } from "@/lib/consumer/verification-view";
import type { UiLocale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { LanguageSwitcher } from "./language-switcher";
import { LOCATION_SCRIPT, LocationShare } from "./location-share";
import { PrivacyNotice } from "./privacy-notice";
import { BrandLinks, JourneySection, ProductSection, RecallNotices, StorySection } from "./product-sections";
import { ReportForm, type ReportOutcome } from "./report-form";
import { VerdictPanel } from "./verdict-panel";
import { verificationStyles } from "./verification-styles";

const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="1" y="1" width="22" height="22" rx="6" fill="#0b6e4f"/><path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg>',
  );

interface ShellProps {
  locale: UiLocale;
  dir: "ltr" | "rtl";
  title: string;
  messages: Messages;
  hrefFor: (locale: UiLocale) => string;
  nonce: string | null;
  script?: string;
  children: ReactNode;
}

export function DocumentShell({ locale, dir, title, messages, hrefFor, nonce, script, children }: ShellProps) {
  return (
    <html lang={locale} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="theme-color" content="#0b6e4f" />
        {/* The logo as the tab icon, inline: no favicon request. */}
        <link rel="icon" href={FAVICON} />
        <title>{title}</title>
        {/* The request's nonce where the CSP asks for one (styles are allowed inline anyway). */}
        <style nonce={nonce ?? undefined}>{verificationStyles}</style>
      </head>
      <body>
        <a className="skip-link" href="#main">
          {messages.page.skipLink}
        </a>
        <header className="bar">
          <div className="bar-inner">
            <a href="/" className="logo" aria-label={messages.page.home}>
              <LogoMark />
              genuine
            </a>
            <LanguageSwitcher current={locale} label={messages.page.languages} hrefFor={hrefFor} />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <div className="page">{children}</div>
        </main>
        <footer className="foot">
          <div className="foot-inner">{messages.page.footer}</div>
        </footer>
        {script && nonce && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />}
      </body>
    </html>
  );
}

interface PageProps {
  view: VerificationView;
  messages: Messages;
  outcome: ReportOutcome;
  hrefFor: (locale: UiLocale) => string;
  nonce: string | null;
}

export function VerificationDocument({ view, messages, outcome, hrefFor, nonce }: PageProps) {
  const dates = new Intl.DateTimeFormat(view.locale, { dateStyle: "medium", timeZone: "UTC" });
  const headline = view.verdict ? messages.verdict.levels[view.verdict.level].headline : messages.verdict.noSerialHeadline;
  const title = [headline, view.product?.name, "genuine"].filter(Boolean).join(" · ");
  // The location button needs a scan to attach the position to, and a brand to care about it.
  const locationWanted = view.scanRef !== null && view.canReport;
  return (
    <DocumentShell
      locale={view.locale}
      dir={view.dir}
      title={title}
      messages={messages}
      hrefFor={hrefFor}
      nonce={nonce}
      script={locationWanted ? LOCATION_SCRIPT : undefined}
    >
      <article aria-labelledby="verdict-heading" lang={view.locale}>
        <VerdictPanel verdict={view.verdict} messages={messages} />
        <RecallNotices view={view} messages={messages} dates={dates} />
        <ProductSection view={view} messages={messages} dates={dates} />
        <JourneySection view={view} messages={messages} dates={dates} />
        <StorySection view={view} />
        <BrandLinks view={view} messages={messages} />
        {locationWanted && <LocationShare scanRef={view.scanRef!} messages={messages} />}
        <ReportForm view={view} messages={messages} outcome={outcome} />
        <PrivacyNotice messages={messages} />
      </article>
    </DocumentShell>
  );
}

export function CodeNotFoundDocument({ locale, dir, messages, hrefFor, nonce }: Omit<ShellProps, "title" | "children" | "script">) {
  return (
    <DocumentShell locale={locale} dir={dir} title={`${messages.page.notFoundTitle} · genuine`} messages={messages} hrefFor={hrefFor} nonce={nonce}>
      <h1>{messages.page.notFoundTitle}</h1>
      <p>{messages.page.notFoundBody}</p>
    </DocumentShell>
  );
}
