// checkHref: the resolver must never become an open redirect.
import { describe, expect, it } from "vitest";

import { checkHref } from "./href-policy";

const APPROVED = ["brand.example", "bränd.example", "shop.partner.example", "10.0.0.5", "media.brand.example:8443", "[2001:db8::1]"];

const cases: [href: unknown, result: string][] = [
  // Approved: the domain itself, its subdomains, any case, templates outside the authority.
  ["https://brand.example/", "ok brand.example"],
  ["https://brand.example", "ok brand.example"],
  ["https://www.brand.example/p?x=1#top", "ok www.brand.example"],
  ["HTTPS://BRAND.EXAMPLE/PIP", "ok brand.example"],
  ["https://a.b.brand.example/{gtin}/{serial}?exp={expiry}", "ok a.b.brand.example"],
  ["https://brand.example:443/p", "ok brand.example"],
  ["https://shop.partner.example/x", "ok shop.partner.example"],
  // Punycode and IDN: compared in the ASCII form a browser resolves.
  ["https://xn--brnd-moa.example/p", "ok xn--brnd-moa.example"],
  ["https://bränd.example/p", "ok xn--brnd-moa.example"],
  ["https://brаnd.example/p", "domain-not-approved"], // Cyrillic "а": a homograph
  ["https://xn--80ak6aa92e.com/", "domain-not-approved"],
  // Look-alike hosts.
  ["https://brand.example.evil.example/", "domain-not-approved"],
  ["https://evilbrand.example/", "domain-not-approved"],
  ["https://partner.example/", "domain-not-approved"], // only shop.partner.example is approved
  ["https://brand.example./", "invalid-host"],
  ["https://brand.example%2eevil.example/", "invalid-host"],
  ["https://-brand.example/", "invalid-host"],
  ["https://brand..example/", "invalid-host"],
  // Userinfo and parser differentials.
  ["https://evil.example\\@brand.example", "illegal-characters"],
  ["https://evil.example\\.brand.example/", "illegal-characters"],
  ["https://brand.example@evil.example/", "userinfo"],
  ["https://user:pass@brand.example/", "userinfo"],
  ["https://evil.example#@brand.example", "domain-not-approved"],
  ["https://evil.example?.brand.example", "domain-not-approved"],
  ["https://evil.example/.brand.example", "domain-not-approved"],
  // Schemes and relative forms.
  ["//evil.example/", "not-https"],
  ["//brand.example/", "not-https"],
  ["/path", "not-https"],
  ["http://brand.example/", "not-https"],
  ["https:brand.example/", "not-https"],
  ["https:/brand.example/", "not-https"],
  ["javascript:alert(1)//https://brand.example", "not-https"],
  ["JaVaScRiPt:alert(1)", "not-https"],
  ["data:text/html,<script>", "illegal-characters"],
  ["ftp://brand.example/", "not-https"],
  ["https:///brand.example", "missing-host"],
  ["https://", "missing-host"],
  // Whitespace and control characters.
  [" https://brand.example/", "illegal-characters"],
  ["https://brand.example/\n", "illegal-characters"],
  ["https://brand.example/a b", "illegal-characters"],
  ["https://brand.example/\u00e9", "illegal-characters"],
  ["https://brand.example/%C3%A9", "ok brand.example"],
  // Templates that could move the link elsewhere.
  ["https://{host}/p", "template-in-authority"],
  ["https://brand.example{lot}/p", "template-in-authority"],
  ["https://{lot}.brand.example/p", "template-in-authority"],
  ["https://brand.example:{port}/p", "template-in-authority"],
  ["https://brand.example/{nosuch}", "unknown-template"],
  ["https://brand.example/{lot", "malformed-template"],
  // IP literals, however written, unless approved exactly.
  ["https://127.0.0.1/", "ip-literal"],
  ["https://2130706433/", "ip-literal"],
  ["https://0x7f.1/", "ip-literal"],
  ["https://0177.0.0.1/", "ip-literal"],
  ["https://10.0.0.5/p", "ok 10.0.0.5"],
  ["https://[::1]/", "ip-literal"],
  ["https://[2001:db8::1]/p", "ok [2001:db8::1]"],
  // Ports: the default only, unless approved with the port.
  ["https://brand.example:8443/", "port-not-allowed"],
  ["https://media.brand.example:8443/v.mp4", "ok media.brand.example"],
  ["https://media.brand.example:9443/v.mp4", "port-not-allowed"],
  ["https://brand.example:99999/", "invalid-host"],
  ["https://brand.example:80a/", "invalid-host"],
  // Not a string, too long.
  [42, "not-a-string"],
  [null, "not-a-string"],
  [`https://brand.example/${"a".repeat(2100)}`, "too-long"],
];

describe("checkHref", () => {
  it.each(cases)("%s → %s", (href, result) => {
    const checked = checkHref(href, APPROVED);
    expect(checked.ok ? `ok ${checked.host}` : checked.error.code).toBe(result);
  });

  it("approves nothing when the brand approved nothing", () => {
    expect(checkHref("https://brand.example/", [])).toMatchObject({ ok: false, error: { code: "domain-not-approved" } });
  });

  it("ignores approved entries that are no domain", () => {
    expect(checkHref("https://brand.example/", ["https://brand.example/", "*", ""])).toMatchObject({ ok: false });
  });
});
