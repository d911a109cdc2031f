// Choosing among links: link type (any spelling), language with q-values and "und", context, media type,
// 307 vs 300 vs 404. Conformance checks named as in ../shared/gs1/resolver-conformance.md.
import { describe, expect, it } from "vitest";

import { resolve } from "./resolve";
import { FIXTURE, link, PRODUCT, request, type RequestSpec } from "./testing/fixture";
import { summary } from "./testing/summary";
import { indexLinksByAnchor } from "./link-rows";

const EN = "307 https://brand.example/en/pip";
const FR = "307 https://brand.example/fr/pip";
const DE_CH = "307 https://brand.example/de-ch/pip";

const cases: [name: string, spec: RequestSpec, expected: string][] = [
  // defaultTarget: a plain request redirects to the default link.
  ["no linkType → the default", {}, EN],
  ["gs1:defaultLink asked for explicitly → the default", { linkType: "gs1:defaultLink" }, EN],
  ["a single default ignores Accept-Language (the headers choose among defaults only)", { acceptLanguage: "fr" }, EN],
  // loFor<type>: the requested type of link, matched case-insensitively in every spelling.
  ["gs1:pip, no preference → tie broken by the brand's default", { linkType: "gs1:pip" }, EN],
  ["GS1:PIP in capitals", { linkType: "GS1:PIP", acceptLanguage: "fr" }, FR],
  ["full URI https://gs1.org/voc/pip", { linkType: "https://gs1.org/voc/pip", acceptLanguage: "fr" }, FR],
  ["full URI https://ref.gs1.org/voc/pip", { linkType: "https://ref.gs1.org/voc/pip", acceptLanguage: "fr" }, FR],
  ["bare name pip", { linkType: "pip", acceptLanguage: "fr" }, FR],
  // Language: exact, then the other's prefix, then the same primary subtag, honouring q-values.
  ["exact language", { linkType: "gs1:pip", acceptLanguage: "de-CH" }, DE_CH],
  ["region asked, language offered (fr-CA → fr)", { linkType: "gs1:pip", acceptLanguage: "fr-CA" }, FR],
  ["language asked, region offered (de → de-CH)", { linkType: "gs1:pip", acceptLanguage: "de" }, DE_CH],
  ["sibling region (de-DE → de-CH)", { linkType: "gs1:pip", acceptLanguage: "de-DE" }, DE_CH],
  ["q-values: en preferred over fr", { linkType: "gs1:pip", acceptLanguage: "fr;q=0.5, en;q=0.9" }, EN],
  ["first choice unavailable, second taken", { linkType: "gs1:pip", acceptLanguage: "it, fr;q=0.5" }, FR],
  ["higher q beats a closer tag at lower q", { linkType: "gs1:pip", acceptLanguage: "fr-CA, de-CH;q=0.5" }, FR],
  ["nothing matches → the brand's default among the tie", { linkType: "gs1:pip", acceptLanguage: "ja" }, EN],
  ["wildcard only → tie → default", { linkType: "gs1:pip", acceptLanguage: "*" }, EN],
  // und: the fallback for any language, below a real match.
  ["und link when no language matches", { linkType: "gs1:safetyInfo", acceptLanguage: "ja" }, "307 https://brand.example/safety/any"],
  ["language match beats und", { linkType: "gs1:safetyInfo", acceptLanguage: "en-US" }, "307 https://brand.example/safety/en"],
  ["no Accept-Language → und preferred (no unrequested attribute)", { linkType: "gs1:safetyInfo" }, "307 https://brand.example/safety/any"],
  // context: matched case-insensitively; a context-free link beats one for another context.
  ["context ca", { linkType: "gs1:certificationInfo", context: "ca" }, "307 https://brand.example/cert/ca"],
  ["context US (case)", { linkType: "gs1:certificationInfo", context: "US" }, "307 https://brand.example/cert/us"],
  ["no context → the context-free link", { linkType: "gs1:certificationInfo" }, "307 https://brand.example/cert"],
  ["unknown context → the context-free link", { linkType: "gs1:certificationInfo", context: "mx" }, "307 https://brand.example/cert"],
  ["context outranks language", { linkType: "gs1:certificationInfo", context: "ca", acceptLanguage: "fr" }, "307 https://brand.example/cert/ca"],
  // Media type from Accept.
  ["Accept: application/pdf", { linkType: "gs1:instructions", accept: "application/pdf" }, "307 https://brand.example/manual.pdf"],
  ["Accept: text/html", { linkType: "gs1:instructions", accept: "text/html" }, "307 https://brand.example/manual"],
  ["a browser's Accept → html", { linkType: "gs1:instructions", accept: "text/html,application/xhtml+xml,*/*;q=0.8" }, "307 https://brand.example/manual"],
  ["Accept: application/*", { linkType: "gs1:instructions", accept: "application/*" }, "307 https://brand.example/manual.pdf"],
  // 300: several links equally good and no default among them.
  ["identical attributes → 300", { linkType: "gs1:sustainabilityInfo" }, "300 https://brand.example/green/a https://brand.example/green/b"],
  ["identical attributes, language given → still 300", { linkType: "gs1:sustainabilityInfo", acceptLanguage: "en" }, "300 https://brand.example/green/a https://brand.example/green/b"],
  ["no preference at all and no default → 300", { linkType: "gs1:instructions" }, "300 https://brand.example/manual.pdf https://brand.example/manual"],
  // 404: specificLinkTypeNotFound.
  ["link type outside the vocabulary", { linkType: "gs1:nosuchlt" }, "404 unknown-link-type"],
  ["vocabulary type without links here", { linkType: "gs1:epil" }, "404 no-link-of-type"],
  ["a single link is the answer whatever the headers", { linkType: "gs1:faqs", acceptLanguage: "ja", accept: "application/json", context: "mx" }, "307 https://brand.example/faq"],
];

describe("resolve: selection", () => {
  it.each(cases)("%s", (_name, spec, expected) => {
    expect(summary(resolve(request(spec), FIXTURE))).toBe(expected);
  });
});

describe("resolve: several defaults (gs1:defaultLinkMulti)", () => {
  const multi = indexLinksByAnchor([
    link(PRODUCT, "gs1:pip", "https://b.example/en", { hreflang: ["en"], isDefault: true }),
    link(PRODUCT, "gs1:pip", "https://b.example/any", { isDefault: true }),
    link(PRODUCT, "gs1:pip", "https://b.example/fr", { hreflang: ["fr"], isDefault: true }),
    link(PRODUCT, "gs1:pip", "https://b.example/fr/us", { hreflang: ["fr"], context: "us", isDefault: true }),
  ]);
  const rows: [name: string, spec: RequestSpec, expected: string][] = [
    ["language picks a default", { acceptLanguage: "fr-FR" }, "307 https://b.example/fr"],
    ["context and language", { acceptLanguage: "fr", context: "us" }, "307 https://b.example/fr/us"],
    ["no match → und ranks above mismatches", { acceptLanguage: "ja" }, "307 https://b.example/any"],
    ["no headers → the link without optional attributes", {}, "307 https://b.example/any"],
    ["gs1:defaultLinkMulti asked for → the same choice", { linkType: "gs1:defaultLinkMulti", acceptLanguage: "en" }, "307 https://b.example/en"],
  ];
  it.each(rows)("%s", (_name, spec, expected) => {
    expect(summary(resolve(request(spec), multi))).toBe(expected);
  });

  it("a tie among defaults still redirects (never 300 for the default)", () => {
    const tie = indexLinksByAnchor([
      link(PRODUCT, "gs1:pip", "https://b.example/1", { hreflang: ["en"], isDefault: true }),
      link(PRODUCT, "gs1:pip", "https://b.example/2", { hreflang: ["en"], isDefault: true }),
    ]);
    expect(summary(resolve(request({ acceptLanguage: "en" }), tie))).toBe("307 https://b.example/1");
  });
});
