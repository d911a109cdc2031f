// GS1 Resolver CE v3 data entry: documents in, ResolverLinks out, every fault with its JSON Pointer.
import { describe, expect, it } from "vitest";

import { parseCeV3 } from "./ce-v3-import";
import { toLinkRows } from "./link-rows";

const APPROVED = { approvedDomains: ["brand.example"] };
const GTIN = "09506000134352";

const pip = (extra: Record<string, unknown> = {}) => ({ linktype: "gs1:pip", href: "https://brand.example/pip", title: "Product", type: "text/html", hreflang: ["en"], ...extra });
const doc = (extra: Record<string, unknown> = {}) => ({ anchor: `/01/${GTIN}`, itemDescription: "Risotto rice", defaultLinktype: "gs1:pip", links: [pip()], ...extra });

describe("parseCeV3: valid documents", () => {
  it("one document → links at the canonical anchor, the default type marked", () => {
    const result = parseCeV3(doc({ links: [pip(), pip({ linktype: "gs1:faqs", href: "https://brand.example/faq", title: "FAQ", hreflang: ["en", "fr"] })] }), APPROVED);
    expect(result).toEqual({
      ok: true,
      entries: [
        {
          anchor: `/01/${GTIN}`,
          itemDescription: "Risotto rice",
          defaultLinkType: "gs1:pip",
          links: [
            { anchor: `/01/${GTIN}`, linkType: "gs1:pip", href: "https://brand.example/pip", title: "Product", hreflang: ["en"], mediaType: "text/html", context: null, isDefault: true, forwardQuery: true },
            { anchor: `/01/${GTIN}`, linkType: "gs1:faqs", href: "https://brand.example/faq", title: "FAQ", hreflang: ["en", "fr"], mediaType: "text/html", context: null, isDefault: false, forwardQuery: true },
          ],
        },
      ],
    });
  });

  it("an array of documents; link types in any spelling; qualifiers in the anchor or the qualifiers field", () => {
    const result = parseCeV3(
      [
        doc({ anchor: `/01/${GTIN}/10/LOT1`, defaultLinktype: "", links: [pip({ linktype: "GS1:EPIL" })] }),
        doc({ qualifiers: [{ "10": "LOT/2" }], defaultLinktype: "https://ref.gs1.org/voc/pip", links: [pip({ fwqs: false })] }),
      ],
      APPROVED,
    );
    expect(result.ok && result.entries.map((e) => [e.anchor, e.defaultLinkType, e.links[0]?.linkType, e.links[0]?.isDefault, e.links[0]?.forwardQuery])).toEqual([
      [`/01/${GTIN}/10/LOT1`, null, "gs1:epil", false, true],
      [`/01/${GTIN}/10/LOT%2F2`, "gs1:pip", "gs1:pip", true, false],
    ]);
  });

  it("template qualifiers ({\"21\": \"{serialnumber}\"}) become AI templates on a key-level link", () => {
    const result = parseCeV3(doc({ qualifiers: [{ "10": "LOT1" }, { "21": "{serialnumber}" }], links: [pip({ href: "https://brand.example/u/{serialnumber}" })] }), APPROVED);
    expect(result.ok && result.entries[0]?.links[0]).toMatchObject({ anchor: `/01/${GTIN}/10/LOT1`, href: "https://brand.example/u/{21}" });
  });

  it("one link per context value; rows split per language for resolver_links", () => {
    const result = parseCeV3(doc({ links: [pip({ context: ["us", "ca"], hreflang: ["en", "fr"] })] }), APPROVED);
    const links = result.ok ? result.entries[0]?.links ?? [] : [];
    expect(links.map((l) => l.context)).toEqual(["us", "ca"]);
    expect(links.flatMap(toLinkRows).map((r) => `${r.context}/${r.hreflang}`)).toEqual(["us/en", "us/fr", "ca/en", "ca/fr"]);
  });

  it("no hreflang, or [\"und\"], is und", () => {
    const result = parseCeV3(doc({ links: [pip({ hreflang: undefined }), pip({ linktype: "gs1:faqs", hreflang: ["und"] })] }), APPROVED);
    expect(result.ok && result.entries[0]?.links.map((l) => l.hreflang)).toEqual(["und", "und"]);
  });
});

describe("parseCeV3: faults, each with its path", () => {
  const cases: [name: string, input: unknown, errors: [path: string, code: string][]][] = [
    ["not an object", "x", [["", "not-an-object"]]],
    ["array item not an object", [doc(), 3], [["/1", "not-an-object"]]],
    ["missing anchor", doc({ anchor: undefined }), [["/anchor", "missing-field"]]],
    ["bad check digit", doc({ anchor: "/01/09506000134353" }), [["/anchor", "invalid-anchor"]]],
    ["anchor with a path prefix", doc({ anchor: `/products/01/${GTIN}` }), [["/anchor", "invalid-anchor"]]],
    ["anchor with a query", doc({ anchor: `/01/${GTIN}?17=271231` }), [["/anchor", "invalid-anchor"]]],
    ["qualifiers out of order", doc({ anchor: `/01/${GTIN}/21/S`, qualifiers: [{ "10": "L" }] }), [["/anchor", "invalid-anchor"]]],
    ["qualifier not a pair", doc({ qualifiers: [{ "10": "L", "21": "S" }] }), [["/qualifiers/0", "invalid-qualifier"]]],
    ["concrete after template", doc({ qualifiers: [{ "10": "{lot}" }, { "21": "S" }] }), [["/qualifiers/1", "invalid-qualifier"]]],
    ["missing itemDescription", doc({ itemDescription: undefined }), [["/itemDescription", "missing-field"]]],
    ["unknown document field", doc({ extra: 1 }), [["/extra", "unknown-field"]]],
    ["no links", doc({ links: [] }), [["/links", "not-an-array"]]],
    ["unknown link type", doc({ links: [pip({ linktype: "gs1:nosuchlt" })] }), [["/links/0/linktype", "invalid-link-type"]]],
    ["defaultLink stored as a type", doc({ links: [pip({ linktype: "gs1:defaultLink" })] }), [["/links/0/linktype", "reserved-link-type"]]],
    ["href off the approved domains", doc({ links: [pip({ href: "https://evil.example/" })] }), [["/links/0/href", "invalid-href"]]],
    ["href not https", doc({ links: [pip({ href: "http://brand.example/" })] }), [["/links/0/href", "invalid-href"]]],
    ["unknown CE template in href", doc({ links: [pip({ href: "https://brand.example/{lotnumber}" })] }), [["/links/0/href", "invalid-href"]]],
    ["empty title", doc({ links: [pip({ title: " " })] }), [["/links/0/title", "invalid-title"]]],
    ["bad media type", doc({ links: [pip({ type: "html" })] }), [["/links/0/type", "invalid-media-type"]]],
    ["bad language", doc({ links: [pip({ hreflang: ["english"] })] }), [["/links/0/hreflang", "invalid-language"]]],
    ["und among languages", doc({ links: [pip({ hreflang: ["en", "und"] })] }), [["/links/0/hreflang", "invalid-language"]]],
    ["context not strings", doc({ links: [pip({ context: [1] })] }), [["/links/0/context", "wrong-type"]]],
    ["private link", doc({ links: [pip({ public: false })] }), [["/links/0/public", "private-link"]]],
    ["typo in a link field", doc({ links: [pip({ hreflag: ["en"] })] }), [["/links/0/hreflag", "unknown-field"]]],
    ["default type without a link", doc({ defaultLinktype: "gs1:faqs" }), [["/defaultLinktype", "default-link-type-absent"]]],
    ["duplicate link identity", doc({ links: [pip(), pip({ href: "https://brand.example/other" })] }), [["/links", "duplicate-link"]]],
    [
      "duplicates across documents",
      [doc(), doc({ links: [pip({ title: "Again", href: "https://brand.example/again" })] })],
      [["/1/links", "duplicate-link"]],
    ],
    [
      "several faults reported together",
      [doc({ links: [pip({ href: "https://evil.example/", title: undefined })] }), doc({ anchor: "/01/1" })],
      [
        ["/0/links/0/href", "invalid-href"],
        ["/0/links/0/title", "missing-field"],
        ["/1/anchor", "invalid-anchor"],
      ],
    ],
    ["JSON Pointer escaping of field names", doc({ "a/b~c": 1 }), [["/a~1b~0c", "unknown-field"]]],
  ];
  it.each(cases)("%s", (_name, input, errors) => {
    const result = parseCeV3(input, APPROVED);
    expect(result.ok ? [] : result.errors.map((e) => [e.path, e.code])).toEqual(errors);
  });

  it("carries the underlying rule and a message", () => {
    const result = parseCeV3(doc({ links: [pip({ href: "https://brand.example.evil.example/" })] }), APPROVED);
    expect(result.ok ? null : result.errors[0]).toMatchObject({ code: "invalid-href", detail: "domain-not-approved", message: expect.stringContaining("approved") });
  });

  it("caps the error list", () => {
    const result = parseCeV3(Array.from({ length: 500 }, () => "x"), APPROVED);
    expect(result.ok ? 0 : result.errors.length).toBe(100);
  });

  it("caps the documents and links per document", () => {
    expect(parseCeV3(Array.from({ length: 10_001 }, () => doc()), APPROVED)).toMatchObject({ ok: false, errors: [{ code: "too-many-documents" }] });
    expect(parseCeV3(doc({ links: Array.from({ length: 501 }, () => pip()) }), APPROVED)).toMatchObject({ ok: false, errors: [{ code: "too-many-links" }] });
  });
});
