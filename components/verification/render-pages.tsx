// The verification page's documents as HTML strings, for the route handler (which stays free of JSX).
import { renderHtmlDocument } from "@/lib/consumer/render-html";
import type { VerificationView } from "@/lib/consumer/verification-view";
import { directionOf, type UiLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import type { ReportOutcome } from "./report-form";
import { CodeNotFoundDocument, VerificationDocument } from "./verification-document";

export interface PageContext {
  hrefFor: (locale: UiLocale) => string;
  /** The CSP nonce proxy.ts generated for this request (x-nonce), for the inline script. */
  nonce: string | null;
}

export function renderVerificationPage(view: VerificationView, outcome: ReportOutcome, context: PageContext): Promise<string> {
  return renderHtmlDocument(<VerificationDocument view={view} messages={messagesFor(view.locale)} outcome={outcome} {...context} />);
}

export function renderCodeNotFoundPage(locale: UiLocale, context: PageContext): Promise<string> {
  return renderHtmlDocument(<CodeNotFoundDocument locale={locale} dir={directionOf(locale)} messages={messagesFor(locale)} {...context} />);
}
