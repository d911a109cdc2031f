import { describe, expect, it } from "vitest";
import { checkEndpointUrl } from "./endpoint-url";

describe("checkEndpointUrl", () => {
  it.each([
    ["http://hooks.example.com/x", false, "must be https"],
    ["https://127.0.0.1/x", false, "private"],
    ["https://10.1.2.3/x", false, "private"],
    ["https://192.168.1.10/x", false, "private"],
    ["https://169.254.169.254/latest/meta-data", false, "private"],
    ["https://[::1]/x", false, "private"],
    ["https://user:pw@8.8.8.8/x", false, "credentials"],
    ["ftp://8.8.8.8/", false, "must be https"],
    ["not a url", false, "not a URL"],
  ])("refuses %s", async (url, allowInsecure, reason) => {
    const result = await checkEndpointUrl(url, { allowInsecure });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });

  it("accepts a public https address, and loopback http only when insecure endpoints are allowed", async () => {
    expect((await checkEndpointUrl("https://8.8.8.8/hook", { allowInsecure: false })).ok).toBe(true);
    expect((await checkEndpointUrl("http://127.0.0.1:9999/hook", { allowInsecure: true })).ok).toBe(true);
  });
});
