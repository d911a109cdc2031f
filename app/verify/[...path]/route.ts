// The consumer verification page, where the resolver sends people: verdict first, in the visitor's
// language. A route handler answering static HTML rather than an App Router page, because a page
// always loads Next's client runtime (~130 KB gzipped) and this one has a 50 KB budget; see
// lib/consumer/render-html.ts. The only script is the opt-in location button.
import type { NextRequest } from "next/server";
import { renderCodeNotFoundPage, renderVerificationPage } from "@/components/verification/render-pages";
import { reportErrorCodes, type ReportErrorCode } from "@/lib/consumer/report-input";
import { scanRefFromCookies } from "@/lib/consumer/scan-ref";
import { parseUnitPath } from "@/lib/consumer/unit-path";
import { loadVerificationView, verdictFromRecord } from "@/lib/consumer/verification-view";
import { chooseLocale, type UiLocale } from "@/lib/i18n/locales";
import { recordedVerdict, verdictForCode } from "@/lib/consumer/recorded-verdict";
import { getDatabase } from "@/lib/runtime/app-database";
import { flushScans } from "@/lib/runtime/resolver-runtime";

export const dynamic = "force-dynamic";

/** The page's own parameters; everything else in the query belongs to the Digital Link (e.g. 17=). */
const PAGE_PARAMETERS = ["lang", "reported", "report_error"];

function htmlResponse(html: string, status: number, locale: UiLocale): Response {
  return new Response(html, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-language": locale,
      // Per visitor (language, scan cookie, verdict): never stored by a shared cache.
      "cache-control": "private, no-store",
      vary: "Accept-Language, Cookie",
      // The one page that may ask for the position (next.config.mjs denies it elsewhere), and only on a press.
      "permissions-policy": "camera=(self), geolocation=(self), microphone=()",
    },
  });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const query = new URLSearchParams(request.nextUrl.search);
  const chosen = query.get("lang");
  const outcome = {
    reported: query.get("reported") === "1",
    error: (reportErrorCodes as readonly string[]).includes(query.get("report_error") ?? "") ? (query.get("report_error") as ReportErrorCode) : null,
  };
  for (const name of PAGE_PARAMETERS) query.delete(name);
  const context = {
    hrefFor: (locale: UiLocale) => {
      const target = new URLSearchParams(query);
      target.set("lang", locale);
      return `${request.nextUrl.pathname}?${target.toString()}`;
    },
    nonce: request.headers.get("x-nonce"),
  };
  const acceptLanguage = request.headers.get("accept-language");

  const code = parseUnitPath(path, query.toString());
  if (!code) {
    const locale = chooseLocale({ chosen, acceptLanguage });
    return htmlResponse(await renderCodeNotFoundPage(locale, context), 404, locale);
  }
  const { db } = await getDatabase();
  const scanRef = scanRefFromCookies(request.headers.get("cookie"));
  // The verdict weighed for this visitor's scan; without one (opened directly, or the scan landed on
  // another instance and is not written yet) one weighed now for the code, recording nothing.
  const recorded = scanRef && code.serial !== null ? await recordedVerdict(db, scanRef, code, flushScans) : null;
  const weighed = recorded ?? (await verdictForCode(db, code, request.headers));
  const view = await loadVerificationView(db, code, {
    acceptLanguage,
    chosenLocale: chosen,
    verdict: weighed ?? verdictFromRecord,
    scanRef,
    // The brand's links for this code (resolver link types) are not loaded yet.
    links: [],
  });
  return htmlResponse(await renderVerificationPage(view, outcome, context), 200, view.locale);
}
