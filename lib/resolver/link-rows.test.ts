// resolver_links rows (one language a row) ↔ ResolverLinks (one target, its languages).
import { describe, expect, it } from "vitest";

import { groupLinkRows, indexLinksByAnchor, toLinkRows } from "./link-rows";
import type { ResolverLinkRow } from "./types";

const row = (hreflang: string, extra: Partial<ResolverLinkRow> = {}): ResolverLinkRow => ({
  anchor: "/01/09506000134352",
  linkType: "gs1:pip",
  href: "https://b.example/p",
  title: "Product",
  hreflang,
  context: null,
  mediaType: "text/html",
  isDefault: false,
  forwardQuery: true,
  ...extra,
});

describe("groupLinkRows", () => {
  it("joins rows that differ only in language", () => {
    const links = groupLinkRows([row("en"), row("fr"), row("de", { href: "https://b.example/de" }), row("en")]);
    expect(links.map((l) => [l.href, l.hreflang])).toEqual([
      ["https://b.example/p", ["en", "fr"]],
      ["https://b.example/de", ["de"]],
    ]);
  });

  it("keeps an und row apart and lower-cases the link type", () => {
    const links = groupLinkRows([row("en", { linkType: "GS1:PIP" }), row("und"), row("UND")]);
    expect(links.map((l) => [l.linkType, l.hreflang])).toEqual([
      ["gs1:pip", ["en"]],
      ["gs1:pip", "und"],
    ]);
  });

  it("keeps rows with other context, media type or flags apart", () => {
    expect(groupLinkRows([row("en"), row("fr", { context: "ca" }), row("de", { mediaType: null }), row("it", { isDefault: true })])).toHaveLength(4);
  });

  it("round-trips through toLinkRows", () => {
    const rows = [row("en"), row("fr"), row("und", { href: "https://b.example/any" })];
    expect(groupLinkRows(rows).flatMap(toLinkRows)).toEqual(rows);
  });
});

describe("indexLinksByAnchor", () => {
  it("groups by anchor in order", () => {
    const links = groupLinkRows([row("en"), row("en", { anchor: "/01/09506000134352/10/L" }), row("fr", { href: "https://b.example/fr" })]);
    const index = indexLinksByAnchor(links);
    expect([...index.keys()]).toEqual(["/01/09506000134352", "/01/09506000134352/10/L"]);
    expect(index.get("/01/09506000134352")?.map((l) => l.href)).toEqual(["https://b.example/p", "https://b.example/fr"]);
  });
});
