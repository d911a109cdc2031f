// /.well-known/gs1resolver (check rdFile): the property names and values of the 1.2.0 description-file schema.
import { describe, expect, it } from "vitest";

import { buildResolverDescription, DESCRIPTION_PRIMARY_KEYS } from "./resolver-description";

describe("buildResolverDescription", () => {
  it("describes genuine: every primary key, the GS1 vocabulary, the linkset context, no linkset default", () => {
    expect(buildResolverDescription({ resolverRoot: "https://id.brand.example/", name: "genuine" })).toEqual({
      ok: true,
      value: {
        name: "genuine",
        resolverRoot: "https://id.brand.example",
        supportedPrimaryKeys: ["all"],
        supportedLinkType: [{ namespace: "https://gs1.org/voc/", prefix: "gs1:" }],
        linkTypeDefaultCanBeLinkset: false,
        jsonLdContextLocation: "https://ref.gs1.org/standards/resolver/linkset-context",
      },
    });
  });

  it("keeps a path prefix and passes the optional fields on", () => {
    const result = buildResolverDescription({
      resolverRoot: "https://brand.example/products/",
      name: "Brand",
      supportedPrimaryKeys: ["01", "414"],
      supportedContextValuesEnumerated: ["us", "dscsaSaleableReturn"],
      contact: { fn: "Brand support" },
    });
    expect(result.ok && result.value).toMatchObject({
      resolverRoot: "https://brand.example/products",
      supportedPrimaryKeys: ["01", "414"],
      supportedContextValuesEnumerated: ["us", "dscsaSaleableReturn"],
      contact: { fn: "Brand support" },
    });
  });

  const bad = ["http://id.brand.example", "id.brand.example", "https://id.brand.example/?x=1", "https://u:p@id.brand.example", "https://id.brand.example/#f"];
  it.each(bad)("refuses resolverRoot %s", (resolverRoot) => {
    expect(buildResolverDescription({ resolverRoot, name: "x" })).toMatchObject({ ok: false, error: { code: "invalid-resolver-root" } });
  });

  it("offers the schema's primary-key values", () => {
    expect(DESCRIPTION_PRIMARY_KEYS).toContain("all");
    expect(DESCRIPTION_PRIMARY_KEYS).toContain("8004");
    expect(DESCRIPTION_PRIMARY_KEYS).toHaveLength(21);
  });
});
