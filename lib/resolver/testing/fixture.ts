// Test-only: a brand's links for one GTIN at product, lot and unit level, and a request builder.
import type { AiValue } from "@/lib/gs1";

import { indexLinksByAnchor } from "../link-rows";
import type { ResolutionRequest, ResolverLink } from "../types";
import { anchorPath } from "../walk-up";

export const GTIN = "09506000134352";
export const PRODUCT = `/01/${GTIN}`;
export const LOT = `${PRODUCT}/10/LOT1`;
export const UNIT = `${PRODUCT}/21/SER1`;
export const STEM = "https://id.brand.example";

export function link(anchor: string, linkType: string, href: string, extra: Partial<ResolverLink> = {}): ResolverLink {
  return { anchor, linkType, href, title: `${linkType} ${href}`, hreflang: "und", context: null, mediaType: null, isDefault: false, forwardQuery: true, ...extra };
}

export const FIXTURE_LINKS: readonly ResolverLink[] = [
  link(PRODUCT, "gs1:pip", "https://brand.example/en/pip", { hreflang: ["en"], mediaType: "text/html", isDefault: true }),
  link(PRODUCT, "gs1:pip", "https://brand.example/fr/pip", { hreflang: ["fr"], mediaType: "text/html" }),
  link(PRODUCT, "gs1:pip", "https://brand.example/de-ch/pip", { hreflang: ["de-CH"], mediaType: "text/html" }),
  link(PRODUCT, "gs1:recallstatus", "https://genuine.example/recall/{gtin}"),
  link(PRODUCT, "gs1:certificationinfo", "https://brand.example/cert", { hreflang: ["en"] }),
  link(PRODUCT, "gs1:certificationinfo", "https://brand.example/cert/us", { hreflang: ["en"], context: "us" }),
  link(PRODUCT, "gs1:certificationinfo", "https://brand.example/cert/ca", { hreflang: ["en"], context: "ca" }),
  link(PRODUCT, "gs1:instructions", "https://brand.example/manual.pdf", { hreflang: ["en"], mediaType: "application/pdf" }),
  link(PRODUCT, "gs1:instructions", "https://brand.example/manual", { hreflang: ["en"], mediaType: "text/html" }),
  link(PRODUCT, "gs1:sustainabilityinfo", "https://brand.example/green/a", { hreflang: ["en"] }),
  link(PRODUCT, "gs1:sustainabilityinfo", "https://brand.example/green/b", { hreflang: ["en"] }),
  link(PRODUCT, "gs1:safetyinfo", "https://brand.example/safety/en", { hreflang: ["en"] }),
  link(PRODUCT, "gs1:safetyinfo", "https://brand.example/safety/any"),
  link(PRODUCT, "gs1:verificationservice", "https://genuine.example/verify/{gtin}/{serial}?exp={expiry}", { forwardQuery: false }),
  link(PRODUCT, "gs1:faqs", "https://brand.example/faq", { forwardQuery: false }),
  link(LOT, "gs1:pip", "https://brand.example/lot/LOT1", { hreflang: ["en"] }),
  link(LOT, "gs1:epil", "https://brand.example/leaflet/LOT1.pdf", { mediaType: "application/pdf" }),
  link(UNIT, "gs1:pip", "https://genuine.example/u/{gtin}/{serial}", { isDefault: true }),
];

export const FIXTURE = indexLinksByAnchor(FIXTURE_LINKS);

export interface RequestSpec {
  readonly qualifiers?: readonly AiValue[];
  readonly attributes?: readonly AiValue[];
  readonly linkType?: string;
  readonly context?: string;
  readonly acceptLanguage?: string;
  readonly accept?: string;
  readonly query?: string;
  readonly gtin?: string;
}

export function request(spec: RequestSpec = {}): ResolutionRequest {
  const primaryKey = { ai: "01", value: spec.gtin ?? GTIN };
  const qualifiers = spec.qualifiers ?? [];
  return {
    stem: STEM,
    primaryKey,
    qualifiers,
    attributes: spec.attributes ?? [],
    linkType: spec.linkType ?? null,
    context: spec.context ?? null,
    acceptLanguage: spec.acceptLanguage ?? null,
    accept: spec.accept ?? null,
    rawQuery: spec.query ?? "",
    canonicalUri: `https://id.gs1.org${anchorPath(primaryKey, qualifiers)}`,
  };
}
