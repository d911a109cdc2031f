// Link header values: the linkset link on every answer (linkOnRedirect), owl:sameAs, the JSON-LD context on linksets.
import { describe, expect, it } from "vitest";

import { resolverLinkHeader, serialiseLink } from "./link-header";
import { resolve } from "./resolve";
import { FIXTURE, GTIN, request } from "./testing/fixture";

describe("resolverLinkHeader", () => {
  const linkset = `<https://id.brand.example/01/${GTIN}/10/LOT1?linkType=linkset>; rel="linkset"; type="application/linkset+json"`;
  const sameAs = `<https://id.gs1.org/01/${GTIN}/10/LOT1>; rel="owl:sameAs"`;
  const cases: [name: string, spec: Parameters<typeof request>[0], header: string][] = [
    ["redirect: the linkset and owl:sameAs, not every link (legacyLinkHeaders)", {}, `${linkset}, ${sameAs}`],
    ["300: the linkset too", { linkType: "gs1:sustainabilityInfo" }, `${linkset}, ${sameAs}`],
    ["404 for a type: the linkset still helps", { linkType: "gs1:nosuchlt" }, `${linkset}, ${sameAs}`],
    [
      "linkset: the JSON-LD context (linksetJsonldCheck)",
      { linkType: "linkset" },
      `<https://ref.gs1.org/standards/resolver/linkset-context>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json", ${sameAs}`,
    ],
  ];
  it.each(cases)("%s", (_name, spec, header) => {
    const r = request({ qualifiers: [{ ai: "10", value: "LOT1" }], ...spec });
    expect(resolverLinkHeader(r, resolve(r, FIXTURE))).toBe(header);
  });

  it("no linkset link for an identifier without links", () => {
    const r = request({ gtin: "09506000134369", linkType: "linkset" });
    expect(resolverLinkHeader(r, resolve(r, FIXTURE))).toBe(`<https://id.gs1.org/01/09506000134369>; rel="owl:sameAs"`);
  });
});

describe("serialiseLink escaping", () => {
  const cases: [name: string, link: Parameters<typeof serialiseLink>[0], value: string][] = [
    ["quotes and backslashes in a title", { href: "https://b.example/", rel: "gs1:pip", title: 'A "quoted" \\ title' }, `<https://b.example/>; rel="gs1:pip"; title="A \\"quoted\\" \\\\ title"`],
    ["non-ASCII title → title*", { href: "https://b.example/", rel: "gs1:pip", title: "Información" }, `<https://b.example/>; rel="gs1:pip"; title="Informaci?n"; title*=UTF-8''Informaci%C3%B3n`],
    ["comma, space and angle brackets in the URI", { href: "https://b.example/a,b c>d", rel: "x" }, `<https://b.example/a%2Cb%20c%3Ed>; rel="x"`],
    ["hreflang and type", { href: "https://b.example/", rel: "alternate", type: "text/html", hreflang: "en" }, `<https://b.example/>; rel="alternate"; type="text/html"; hreflang="en"`],
    ["CR LF cannot split the header", { href: "https://b.example/\r\nX: y", rel: "x", title: "a\r\nb" }, `<https://b.example/%0D%0AX:%20y>; rel="x"; title="a??b"; title*=UTF-8''a%0D%0Ab`],
  ];
  it.each(cases)("%s", (_name, link, value) => {
    expect(serialiseLink(link)).toBe(value);
  });
});
