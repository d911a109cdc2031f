import { describe, expect, it } from "vitest";
import { builtinLinks, type BuiltinInput } from "./builtin-links";
import type { ResolverLink } from "./types";

const brand = (linkType: string, isDefault = false): ResolverLink => ({
  anchor: "/01/09506000134352",
  linkType,
  href: `https://brand.example/${linkType}`,
  title: linkType,
  hreflang: "und",
  isDefault,
  forwardQuery: false,
});

const input = (over: Partial<BuiltinInput>): BuiltinInput => ({
  origin: "https://id.brand.example",
  anchor: "/01/09506000134352/10/L1/21/S1",
  gtin: "09506000134352",
  lot: "L1",
  serial: "S1",
  serialDefaultLink: "verification",
  brandLinks: [],
  ...over,
});

const summary = (links: ResolverLink[]) => links.map((l) => `${l.linkType}${l.isDefault ? "*" : ""}`).sort();

describe("builtinLinks", () => {
  it.each([
    ["serialized, no brand links: verification is the default", input({}), ["gs1:pip", "gs1:recallstatus", "gs1:verificationservice*"]],
    ["serialized, brand default kept by the brand's setting", input({ serialDefaultLink: "brand", brandLinks: [brand("gs1:pip", true)] }), ["gs1:recallstatus", "gs1:verificationservice"]],
    ["serialized, setting 'brand' but the brand has no default: verification still", input({ serialDefaultLink: "brand" }), ["gs1:pip", "gs1:recallstatus", "gs1:verificationservice*"]],
    ["serialized, brand default overridden by verification (the default setting)", input({ brandLinks: [brand("gs1:pip", true)] }), ["gs1:recallstatus", "gs1:verificationservice*"]],
    ["product only, no brand links: the product page is the default", input({ anchor: "/01/09506000134352", lot: null, serial: null }), ["gs1:pip*", "gs1:recallstatus"]],
    ["product only, brand has a default and a pip", input({ anchor: "/01/09506000134352", lot: null, serial: null, brandLinks: [brand("gs1:pip", true)] }), ["gs1:recallstatus"]],
    ["product only, brand recall link wins", input({ anchor: "/01/09506000134352", lot: null, serial: null, brandLinks: [brand("gs1:recallstatus", true)] }), ["gs1:pip"]],
  ])("%s", (_, given, expected) => {
    expect(summary(builtinLinks(given))).toEqual(expected);
  });

  it("points at genuine's own pages with the request's identifiers", () => {
    const links = builtinLinks(input({}));
    expect(links.find((l) => l.linkType === "gs1:verificationservice")?.href).toBe("https://id.brand.example/verify/01/09506000134352/10/L1/21/S1");
    expect(links.find((l) => l.linkType === "gs1:recallstatus")?.href).toBe("https://id.brand.example/api/recall-status?gtin=09506000134352&lot=L1&serial=S1");
    expect(links.every((l) => l.anchor === "/01/09506000134352/10/L1/21/S1" && l.title.length > 0)).toBe(true);
  });
});
