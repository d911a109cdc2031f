import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, forbids framing, and keeps eval out of production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", development: false, https: true, formTargets: ["https://login.example"] });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://login.example");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("permits eval in development only, and does not upgrade plain-http local runs", () => {
    const csp = contentSecurityPolicy({ nonce: "n", development: true, https: false });
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });
});
