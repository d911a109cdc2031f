// Everything the consumer verification page shows: the unit view in the visitor's language, plus the
// verdict for this scan (computed by the caller, see lib/verdict), the scan's ref and the brand's links.
import type { Executor } from "@/db/database";
import type { VerdictLevel } from "@/db/schema/enums";
import { chooseLocale, directionOf, type UiLocale } from "@/lib/i18n/locales";
import type { PublicReason } from "@/lib/verdict/types";
import type { UnitPath } from "./unit-path";
import { loadUnitView, type UnitView } from "./unit-view";

/** The part of lib/verdict's Verdict a consumer may see. */
export interface PublicVerdict {
  level: VerdictLevel;
  publicReasons: readonly PublicReason[];
}

export interface BrandLink {
  title: string;
  href: string;
}

export interface VerificationView extends UnitView {
  locale: UiLocale;
  dir: "ltr" | "rtl";
  code: UnitPath;
  /** null when the code names no unit (no serial): there is nothing to judge. */
  verdict: PublicVerdict | null;
  /** scans.ref of the scan that brought the visitor here, when the resolver set its cookie. */
  scanRef: string | null;
  links: BrandLink[];
  /** Reports go to the brand owning the GTIN: none for a GTIN genuine does not know. */
  canReport: boolean;
}

export interface VerificationOptions {
  acceptLanguage: string | null;
  /** ?lang= */
  chosenLocale: string | null;
  /** The verdict for this scan, or a function deriving one from the unit view (see verdictFromRecord). */
  verdict: PublicVerdict | null | ((view: UnitView, code: UnitPath, now: Date) => PublicVerdict | null);
  scanRef?: string | null;
  links?: readonly BrandLink[];
  now?: Date;
}

export async function loadVerificationView(db: Executor, code: UnitPath, options: VerificationOptions): Promise<VerificationView> {
  const now = options.now ?? new Date();
  const locale = chooseLocale({ chosen: options.chosenLocale, acceptLanguage: options.acceptLanguage });
  const unitView = await loadUnitView(db, code, options.acceptLanguage, now, { locale });
  const verdict = typeof options.verdict === "function" ? options.verdict(unitView, code, now) : options.verdict;
  return {
    ...unitView,
    locale,
    dir: directionOf(locale),
    code,
    verdict: code.serial === null ? null : verdict,
    scanRef: options.scanRef ?? null,
    links: (options.links ?? []).filter((link) => isSafeHref(link.href) && link.title.trim() !== ""),
    canReport: unitView.product !== null,
  };
}

/** Brand links are data: only web addresses and our own paths become links, never javascript: or data:. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith("/") && !href.startsWith("//")) return true;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * The fallback when no weighed verdict is at hand (the page opened without a scan, or the scan is still
 * on its way from another instance): the unit's record alone — no scan history, so never a clone.
 */
export function verdictFromRecord(view: UnitView, code: UnitPath, now: Date): PublicVerdict | null {
  if (code.serial === null) return null;
  if (!view.product || !view.unit) return { level: "counterfeit", publicReasons: ["unknown"] };
  const today = now.toISOString().slice(0, 10);
  const pastExpiry = view.unit.expiryDate !== null && view.unit.expiryDate < today;
  switch (view.unit.status) {
    case "destroyed":
      return { level: "counterfeit", publicReasons: ["destroyed"] };
    case "decommissioned":
      return { level: "counterfeit", publicReasons: ["decommissioned"] };
    case "stolen":
      return { level: "suspect", publicReasons: ["stolen"] };
    case "recalled":
      return { level: "recalled", publicReasons: pastExpiry ? ["recalled", "expired"] : ["recalled"] };
    case "expired":
      return { level: "expired", publicReasons: ["expired"] };
    default:
      if (pastExpiry) return { level: "expired", publicReasons: ["expired"] };
      if (view.recalls.length > 0) return { level: "recalled", publicReasons: ["recalled"] };
      if (view.unit.status === "dispensed") return { level: "caution", publicReasons: ["already_used"] };
      return { level: "genuine", publicReasons: ["none"] };
  }
}
