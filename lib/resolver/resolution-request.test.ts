// From a parsed Digital Link and the HTTP request to the core's input, end to end through resolve().
import { describe, expect, it } from "vitest";

import { parseDigitalLink } from "@/lib/gs1";

import { resolve } from "./resolve";
import { toResolutionRequest } from "./resolution-request";
import { FIXTURE } from "./testing/fixture";
import { summary } from "./testing/summary";

function parsed(uri: string) {
  const result = parseDigitalLink(uri);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("toResolutionRequest", () => {
  it("takes the key, qualifiers, attributes, linkType and context (parameter names in any case)", () => {
    const uri = "https://id.brand.example/01/09506000134352/10/LOT1/21/SER1?17=271231&LINKTYPE=gs1:pip&Context=us&foo=bar";
    const request = toResolutionRequest(parsed(uri), { acceptLanguage: "fr", accept: null }, "?17=271231&LINKTYPE=gs1:pip&Context=us&foo=bar");
    expect(request).toEqual({
      stem: "https://id.brand.example",
      primaryKey: { ai: "01", value: "09506000134352" },
      qualifiers: [{ ai: "10", value: "LOT1" }, { ai: "21", value: "SER1" }],
      attributes: [{ ai: "17", value: "271231" }],
      linkType: "gs1:pip",
      context: "us",
      acceptLanguage: "fr",
      accept: null,
      rawQuery: "17=271231&LINKTYPE=gs1:pip&Context=us&foo=bar",
      canonicalUri: "https://id.gs1.org/01/09506000134352/10/LOT1/21/SER1?17=271231",
    });
  });

  it("keeps a path prefix in the stem and resolves end to end", () => {
    const uri = "https://brand.example/products/01/09506000134352?linktype=gs1:recallStatus";
    const request = toResolutionRequest(parsed(uri), {}, "linktype=gs1:recallStatus");
    expect(request.stem).toBe("https://brand.example/products");
    expect(summary(resolve(request, FIXTURE))).toBe("307 https://genuine.example/recall/09506000134352?linktype=gs1:recallStatus");
  });
});
