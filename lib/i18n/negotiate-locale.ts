// Picks the best of the available languages for an Accept-Language header (RFC 9110 §12.5.4),
// matching a region-specific preference ("fr-CA") to its base language ("fr") when needed.

export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((l) => l.tag);
}

export function negotiateLocale(header: string | null | undefined, available: readonly string[], fallback: string): string {
  const lower = available.map((a) => a.toLowerCase());
  for (const wanted of parseAcceptLanguage(header)) {
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return available[exact]!;
    const base = wanted.split("-")[0]!;
    const byBase = lower.findIndex((a) => a === base || a.split("-")[0] === base);
    if (byBase >= 0) return available[byBase]!;
  }
  return fallback;
}

/** The text in the chosen locale, else English, else any. */
export function localized(text: Record<string, string> | null | undefined, locale: string): string {
  if (!text) return "";
  return text[locale] ?? text[locale.split("-")[0]!] ?? text.en ?? Object.values(text)[0] ?? "";
}
