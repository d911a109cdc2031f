// The languages the consumer pages speak, their writing direction, and how a visit picks one:
// an explicit ?lang= choice first, then the browser's Accept-Language, then English.
import { negotiateLocale } from "./negotiate-locale";

export const uiLocales = ["en", "de", "fr", "es", "zh", "ar"] as const;
export type UiLocale = (typeof uiLocales)[number];

export const DEFAULT_LOCALE: UiLocale = "en";

const rightToLeft: ReadonlySet<UiLocale> = new Set(["ar"]);

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === "string" && (uiLocales as readonly string[]).includes(value);
}

export function directionOf(locale: UiLocale): "ltr" | "rtl" {
  return rightToLeft.has(locale) ? "rtl" : "ltr";
}

/**
 * A ?lang= value names a supported language exactly (any case, region ignored: "zh-CN" → "zh");
 * anything else is ignored rather than trusted, and Accept-Language decides.
 */
export function chooseLocale(options: { chosen?: string | null; acceptLanguage?: string | null }): UiLocale {
  const chosen = options.chosen?.trim().toLowerCase().split(/[-_]/)[0];
  if (isUiLocale(chosen)) return chosen;
  return negotiateLocale(options.acceptLanguage, uiLocales, DEFAULT_LOCALE) as UiLocale;
}

/** "{name}" placeholders filled from values; a missing value leaves the placeholder visible, not "undefined". */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
