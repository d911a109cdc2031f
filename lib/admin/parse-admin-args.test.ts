import { describe, expect, it } from "vitest";
import { defaultApiKeyName, parseAdminArgs, type AdminCommand } from "./parse-admin-args";

const args = (line: string) => line.split(" ").filter(Boolean);

describe("parseAdminArgs: commands", () => {
  it.each<[string[], AdminCommand]>([
    [["--help"], { kind: "help" }],
    [["help"], { kind: "help" }],
    [args("api-key create --org acme --help"), { kind: "help" }],
    [
      ["org", "create", "acme", "--name", "Acme Ltd"],
      { kind: "org-create", slug: "acme", name: "Acme Ltd", organisationKind: "brand", companyPrefixes: [], approvedDomains: [] },
    ],
    [
      ["org", "create", "shop-24", "--name=Shop 24", "--kind", "retailer", "--gcp", "9506000, 9521234,9506000", "--link-domains", "Shop.example,www.shop.example"],
      {
        kind: "org-create",
        slug: "shop-24",
        name: "Shop 24",
        organisationKind: "retailer",
        companyPrefixes: ["9506000", "9521234"],
        approvedDomains: ["shop.example", "www.shop.example"],
      },
    ],
    [args("org list"), { kind: "org-list" }],
    [
      args("user create Ops@Acme.example --org acme --role owner --password-stdin"),
      { kind: "user-create", email: "ops@acme.example", organisationSlug: "acme", role: "owner", passwordFromStdin: true, name: null },
    ],
    [
      ["user", "create", "ana@acme.example", "--role", "analyst", "--org", "acme", "--name", "Ana Lyst"],
      { kind: "user-create", email: "ana@acme.example", organisationSlug: "acme", role: "analyst", passwordFromStdin: false, name: "Ana Lyst" },
    ],
    [
      args("api-key create --org acme --scopes verify,epcis:write,verify"),
      { kind: "api-key-create", organisationSlug: "acme", scopes: ["epcis:write", "verify"], name: defaultApiKeyName, expiresInDays: null },
    ],
    [
      args("api-key create --org acme --scopes epcis:write --name ERP --expires-in-days 90"),
      { kind: "api-key-create", organisationSlug: "acme", scopes: ["epcis:write"], name: "ERP", expiresInDays: 90 },
    ],
    [args("api-key list --org acme"), { kind: "api-key-list", organisationSlug: "acme" }],
    [args("api-key revoke 0e24aded-ee01-4533-81cf-79dd1eb18089"), { kind: "api-key-revoke", apiKeyId: "0e24aded-ee01-4533-81cf-79dd1eb18089" }],
    [args("signing-key rotate"), { kind: "signing-key-rotate" }],
    [args("signing-key retire abc123"), { kind: "signing-key-retire", kid: "abc123" }],
  ])("%j", (argv, expected) => {
    expect(parseAdminArgs(argv)).toEqual({ ok: true, command: expected });
  });
});

describe("parseAdminArgs: usage errors (exit 2)", () => {
  it.each<[string[], RegExp]>([
    [[], /No command given/],
    [args("frobnicate"), /Unknown command "frobnicate"/],
    [args("org"), /"org" needs one of: org create, org list/],
    [args("org delete acme"), /Unknown command "org delete"/],
    [args("org create acme"), /needs --name/],
    [args("org create --name Acme"), /takes <slug>; got none/],
    [args("org create acme extra --name Acme"), /takes <slug>; got "acme" "extra"/],
    [args("org create acme --name"), /--name needs a value/],
    [args("org create acme --name --kind brand"), /--name needs a value/],
    [args("org create acme --name A --name B"), /--name is given twice/],
    [args("org create acme --name A --colour red"), /unknown option --colour/],
    [args("org list --org acme"), /unknown option --org/],
    [args("user create ops@acme.example --org acme"), /needs --org and --role/],
    [args("user create ops@acme.example --org acme --role owner --password-stdin=x"), /--password-stdin takes no value/],
    [args("api-key create --org acme"), /needs --org and --scopes/],
    [args("api-key list"), /needs --org/],
    [args("api-key revoke"), /takes <id>; got none/],
    [args("signing-key retire"), /takes <kid>; got none/],
  ])("%j", (argv, message) => {
    const parsed = parseAdminArgs(argv);
    expect(parsed).toMatchObject({ ok: false, exitCode: 2 });
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});

describe("parseAdminArgs: unacceptable values (exit 1)", () => {
  it.each<[string[], RegExp]>([
    [args("org create Acme --name A"), /"Acme" is not a slug/],
    [args("org create a --name A"), /"a" is not a slug/],
    [args("org create -acme --name A"), /"-acme" is not a slug/],
    [args("org create cases --name A"), /"cases" is reserved for a console page/],
    [args("org create acme- --name A"), /"acme-" is not a slug/],
    [["org", "create", "x".repeat(64), "--name", "A"], /is not a slug/],
    [["org", "create", "acme", "--name", "  "], /--name must not be empty/],
    [args("org create acme --name A --kind distributor"), /--kind must be one of brand, retailer/],
    [args("org create acme --name A --gcp 95A"), /"95A" is not a GS1 Company Prefix/],
    [args("org create acme --name A --link-domains https://acme.example"), /is not a domain name/],
    [args("user create not-an-email --org acme --role owner"), /"not-an-email" is not an email address/],
    [args("user create ops@acme.example --org acme --role admin"), /--role must be one of owner, analyst, editor, retailer/],
    [args("api-key create --org acme --scopes epcis:write,admin,root"), /Unknown scopes: admin, root/],
    [args("api-key create --org acme --scopes ,"), /at least one scope/],
    [["api-key", "create", "--org", "acme", "--scopes", "verify", "--name", "x".repeat(101)], /1 to 100 characters/],
    [args("api-key create --org acme --scopes verify --expires-in-days 0"), /whole number from 1 to 3650/],
    [args("api-key create --org acme --scopes verify --expires-in-days 1.5"), /whole number/],
    [args("api-key create --org acme --scopes verify --expires-in-days 3651"), /whole number/],
  ])("%j", (argv, message) => {
    const parsed = parseAdminArgs(argv);
    expect(parsed).toMatchObject({ ok: false, exitCode: 1 });
    expect(parsed.ok ? "" : parsed.message).toMatch(message);
  });
});
