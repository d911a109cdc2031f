import { describe, expect, it } from "vitest";
import { parseOrganisationLists } from "./organisation-lists";

describe("parseOrganisationLists", () => {
  it("accepts comma- and line-separated lists, de-duplicated and lower-cased", () => {
    expect(parseOrganisationLists("9506000, 9521234\n9506000", "WWW.Brand.example\nshop.brand.example")).toEqual({
      ok: true,
      value: { companyPrefixes: ["9506000", "9521234"], approvedDomains: ["www.brand.example", "shop.brand.example"] },
    });
    expect(parseOrganisationLists("", "")).toEqual({ ok: true, value: { companyPrefixes: [], approvedDomains: [] } });
  });

  it.each([
    ["95A", "", "companyPrefixes"],
    ["123", "", "companyPrefixes"],
    ["", "https://brand.example", "approvedDomains"],
    ["", "brand.example/path", "approvedDomains"],
    ["", "localhost", "approvedDomains"],
    ["", "brand.example:8443", "approvedDomains"],
  ])("refuses prefixes %j / domains %j", (prefixes, domains, field) => {
    const result = parseOrganisationLists(prefixes, domains);
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.errors).toHaveProperty(field);
  });
});
