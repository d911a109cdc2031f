// The linkset document: GS1's schema (ajv, ../shared/gs1/linkset/gs1-linkset-schema.json), defaults, languages.
import { describe, expect, it } from "vitest";

import { buildLinkset, DEFAULT_LINK_MULTI_URI, DEFAULT_LINK_URI, describeAnchor, publishableLanguages } from "./linkset-document";
import { indexLinksByAnchor } from "./link-rows";
import { resolve } from "./resolve";
import { FIXTURE, GTIN, link, LOT, PRODUCT, request, STEM } from "./testing/fixture";
import { gs1LinksetSchemaErrors, readSharedJson } from "./testing/shared-gs1";

function linksetFor(spec: Parameters<typeof request>[0], links = FIXTURE, describe?: (anchor: string) => string | undefined) {
  const outcome = resolve(request({ linkType: "linkset", ...spec }), links, { describe });
  if (outcome.kind !== "linkset") throw new Error(`expected a linkset, got ${outcome.kind}`);
  return outcome.linkset;
}

describe("the validator itself", () => {
  it("accepts GS1's valid example and refuses its invalid one", () => {
    expect(gs1LinksetSchemaErrors(readSharedJson("linkset/valid-gs1-example.json"))).toEqual([]);
    expect(gs1LinksetSchemaErrors(readSharedJson("linkset/invalid-gs1-example.json"))).not.toEqual([]);
  });
});

describe("buildLinkset", () => {
  const serialRequest = { qualifiers: [{ ai: "10", value: "LOT1" }, { ai: "21", value: "SER1" }], attributes: [{ ai: "17", value: "271231" }] };

  it("validates against GS1's linkset schema (validLinkset), every level included", () => {
    const document = linksetFor(serialRequest);
    expect(gs1LinksetSchemaErrors(document)).toEqual([]);
    expect(document.linkset.map((l) => l.anchor)).toEqual([`${STEM}${PRODUCT}/21/SER1`, `${STEM}${LOT}`, `${STEM}${PRODUCT}`]);
  });

  it("groups targets by vocabulary URI and fills templates", () => {
    const product = linksetFor(serialRequest).linkset[2];
    expect(Object.keys(product ?? {})).toEqual([
      "anchor",
      "itemDescription",
      DEFAULT_LINK_URI,
      "https://gs1.org/voc/pip",
      "https://gs1.org/voc/recallStatus",
      "https://gs1.org/voc/certificationInfo",
      "https://gs1.org/voc/instructions",
      "https://gs1.org/voc/sustainabilityInfo",
      "https://gs1.org/voc/safetyInfo",
      "https://gs1.org/voc/verificationService",
      "https://gs1.org/voc/faqs",
    ]);
    expect(product?.["https://gs1.org/voc/verificationService"]).toEqual([
      { href: `https://genuine.example/verify/${GTIN}/SER1?exp=271231`, title: "gs1:verificationservice https://genuine.example/verify/{gtin}/{serial}?exp={expiry}" },
    ]);
    expect(product?.["https://gs1.org/voc/certificationInfo"]).toContainEqual({ href: "https://brand.example/cert/us", title: "gs1:certificationinfo https://brand.example/cert/us", hreflang: ["en"], context: ["us"] });
  });

  it("leaves out links whose templates the request cannot fill", () => {
    const product = linksetFor({}).linkset[0];
    expect(product?.["https://gs1.org/voc/verificationService"]).toBeUndefined();
    expect(product?.["https://gs1.org/voc/recallStatus"]).toEqual([{ href: `https://genuine.example/recall/${GTIN}`, title: "gs1:recallstatus https://genuine.example/recall/{gtin}" }]);
  });

  it("publishes the default as gs1:defaultLink with href and title only (defaultLinkExists)", () => {
    const product = linksetFor({}).linkset[0];
    expect(product?.[DEFAULT_LINK_URI]).toEqual([{ href: "https://brand.example/en/pip", title: "gs1:pip https://brand.example/en/pip" }]);
    expect(product?.[DEFAULT_LINK_MULTI_URI]).toBeUndefined();
  });

  it("several defaults: gs1:defaultLinkMulti lists them, gs1:defaultLink the one without optional attributes", () => {
    const links = indexLinksByAnchor([
      link(PRODUCT, "gs1:pip", "https://b.example/en", { hreflang: ["en"], isDefault: true, title: "EN" }),
      link(PRODUCT, "gs1:pip", "https://b.example/any", { isDefault: true, title: "Any" }),
    ]);
    const product = linksetFor({}, links).linkset[0];
    expect(product?.[DEFAULT_LINK_URI]).toEqual([{ href: "https://b.example/any", title: "Any" }]);
    expect(product?.[DEFAULT_LINK_MULTI_URI]).toEqual([{ href: "https://b.example/en", title: "EN", hreflang: ["en"] }, { href: "https://b.example/any", title: "Any" }]);
    expect(gs1LinksetSchemaErrors(linksetFor({}, links))).toEqual([]);
  });

  it("uses the given item description, else the identifier", () => {
    const document = linksetFor({ qualifiers: [{ ai: "10", value: "LOT1" }] }, FIXTURE, (anchor) => (anchor === PRODUCT ? "Risotto rice 411 g" : undefined));
    expect(document.linkset.map((l) => l.itemDescription)).toEqual([`(01)${GTIN}(10)LOT1`, "Risotto rice 411 g"]);
  });

  it("anchors on the request's stem, without a doubled slash", () => {
    expect(buildLinkset("https://brand.example/products/", [{ anchor: PRODUCT, links: [] }]).linkset).toEqual([]);
    const level = { anchor: PRODUCT, links: [{ link: link(PRODUCT, "gs1:pip", "https://b.example"), href: "https://b.example", location: "https://b.example" }] };
    expect(buildLinkset("https://brand.example/products/", [level]).linkset[0]?.anchor).toBe(`https://brand.example/products${PRODUCT}`);
  });
});

describe("publishableLanguages (the schema takes xx or xx-XX only)", () => {
  const cases: [hreflang: readonly string[] | "und", published: string[]][] = [
    ["und", []],
    [["en", "en-GB"], ["en", "en-GB"]],
    [["zh-Hant", "zh"], ["zh"]],
    [["es-419"], ["es"]],
    [["fil"], []],
  ];
  it.each(cases)("%j → %j", (hreflang, published) => {
    expect(publishableLanguages(hreflang)).toEqual(published);
  });
});

describe("describeAnchor", () => {
  it("decodes values", () => {
    expect(describeAnchor("/01/09506000134352/10/A%2FB")).toBe("(01)09506000134352(10)A/B");
    expect(describeAnchor("/01/09506000134352/10/%E0%A4%A")).toBe("(01)09506000134352(10)%E0%A4%A");
  });
});
