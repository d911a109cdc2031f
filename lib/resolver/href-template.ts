// Href templates: "{serial}", "{lot}", "{17}" … in a target URL, filled from the request's AI values.
import type { AiValue } from "@/lib/gs1";

// Friendly names for the AIs brands put in target URLs; any AI also works by number ("{10}", "{8004}").
// The short names follow GS1's former Digital Link "convenience alphas" (gtin, lot, ser, cpv, …).
const TEMPLATE_NAMES: Readonly<Record<string, string>> = {
  gtin: "01", sscc: "00", gln: "414", glnx: "254", party: "417", cpv: "22", lot: "10", batch: "10", ser: "21",
  serial: "21", expiry: "17", exp: "17", bestbefore: "15", sellby: "16", productiondate: "11", itip: "8006",
  grai: "8003", giai: "8004", gsrn: "8018", gsrnp: "8017", gdti: "253", gcn: "255", ginc: "401", gsin: "402",
  cpid: "8010", cpsn: "8011", gmn: "8013",
};

const TEMPLATE = /\{([^{}]*)\}/g;
const NUMERIC_AI = /^\d{2,4}$/;

export type HrefTemplateError =
  | { readonly code: "malformed-template"; readonly message: string }
  | { readonly code: "unknown-template"; readonly message: string };

/** The AI a template name stands for ("serial" → "21", "17" → "17"), or null. */
export function templateAi(name: string): string | null {
  if (NUMERIC_AI.test(name)) return name;
  return TEMPLATE_NAMES[name.toLowerCase()] ?? null;
}

/** Every template in an href as [start, end, ai]; an error for unbalanced braces or unknown names. */
export function scanHrefTemplates(
  href: string,
): { readonly ok: true; readonly templates: readonly { start: number; end: number; ai: string }[] } | { readonly ok: false; readonly error: HrefTemplateError } {
  const templates: { start: number; end: number; ai: string }[] = [];
  let covered = "";
  let last = 0;
  for (const match of href.matchAll(TEMPLATE)) {
    const name = match[1] ?? "";
    const ai = templateAi(name);
    if (!ai) return { ok: false, error: { code: "unknown-template", message: `"{${name}}" is not a known template; use an AI number or one of: ${Object.keys(TEMPLATE_NAMES).join(", ")}.` } };
    templates.push({ start: match.index, end: match.index + match[0].length, ai });
    covered += href.slice(last, match.index);
    last = match.index + match[0].length;
  }
  covered += href.slice(last);
  if (covered.includes("{") || covered.includes("}")) return { ok: false, error: { code: "malformed-template", message: "Unbalanced { or } in the href." } };
  return { ok: true, templates };
}

/** AI → value for everything the request carries: key, qualifiers and data attributes. */
export function templateValues(primaryKey: AiValue, qualifiers: readonly AiValue[], attributes: readonly AiValue[]): ReadonlyMap<string, string> {
  return new Map([primaryKey, ...qualifiers, ...attributes].map(({ ai, value }) => [ai, value]));
}

/**
 * The href with its templates filled, each value percent-encoded as one URI component (so no value can add a
 * path segment, a query or a fragment); null when a template names an AI the request does not carry, which
 * makes the link inapplicable to that request (a "{serial}" link answers only serialised requests).
 */
export function fillHrefTemplate(href: string, values: ReadonlyMap<string, string>): string | null {
  if (!href.includes("{")) return href;
  const scanned = scanHrefTemplates(href);
  if (!scanned.ok) return null;
  let out = "";
  let last = 0;
  for (const { start, end, ai } of scanned.templates) {
    const value = values.get(ai);
    if (value === undefined) return null;
    out += href.slice(last, start) + encodeURIComponent(value);
    last = end;
  }
  return out + href.slice(last);
}
