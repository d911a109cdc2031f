// The links genuine offers itself for a brand's GTINs, beside (never over) the brand's own: the
// consumer verification page for a serialized unit (its default link unless the brand chose its own),
// the recall status as JSON, and a product information page. Built per request at the request's own
// anchor, with concrete hrefs, so walk-up and negotiation treat them like any stored link.
import type { ResolverLink } from "./types";

export interface BuiltinInput {
  /** Where genuine itself is served: "https://id.brand.example". */
  readonly origin: string;
  /** The request's most specific anchor: "/01/09506000134352/10/L1/21/S1". */
  readonly anchor: string;
  readonly gtin: string;
  readonly lot: string | null;
  readonly serial: string | null;
  readonly serialDefaultLink: "verification" | "brand";
  /** The brand's links at every candidate level of this request. */
  readonly brandLinks: readonly ResolverLink[];
}

const VERIFY = "gs1:verificationservice";
const RECALL = "gs1:recallstatus";
const PIP = "gs1:pip";

export function builtinLinks(input: BuiltinInput): ResolverLink[] {
  const types = new Set(input.brandLinks.map((l) => l.linkType));
  const brandHasDefault = input.brandLinks.some((l) => l.isDefault);
  const base = { anchor: input.anchor, hreflang: "und" as const, context: null, mediaType: null };
  const links: ResolverLink[] = [];
  const page = `${input.origin}/verify${input.anchor}`;

  // A serialized unit: genuine's verification page, the default unless the brand keeps its own default.
  const verificationDefault = input.serial !== null && (input.serialDefaultLink === "verification" || !brandHasDefault);
  if (input.serial !== null && (!types.has(VERIFY) || verificationDefault)) {
    links.push({ ...base, linkType: VERIFY, href: page, title: "Check that this product is genuine", isDefault: verificationDefault, forwardQuery: true });
  }

  if (!types.has(RECALL)) {
    const query = new URLSearchParams({ gtin: input.gtin });
    if (input.lot !== null) query.set("lot", input.lot);
    if (input.serial !== null) query.set("serial", input.serial);
    links.push({ ...base, linkType: RECALL, href: `${input.origin}/api/recall-status?${query}`, title: "Recall status", mediaType: "application/json", isDefault: false, forwardQuery: false });
  }

  // Every identifier needs a default: without one of the brand's, the product page is it.
  const needsDefault = !brandHasDefault && !verificationDefault;
  if (!types.has(PIP) || needsDefault) {
    links.push({ ...base, linkType: PIP, href: page, title: "Product information", isDefault: needsDefault, forwardQuery: true });
  }
  return links;
}
