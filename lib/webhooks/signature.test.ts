import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./signature";

const NOW = 1_780_000_000_000;
const T = NOW / 1000;

describe("webhook signatures", () => {
  const header = signWebhook("whsec", '{"a":1}', T);

  it("verifies what it signed", () => {
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature("whsec", '{"a":1}', header, NOW)).toBe(true);
  });

  it.each([
    ["another secret", "other", '{"a":1}', header, NOW],
    ["a changed body", "whsec", '{"a":2}', header, NOW],
    ["an old timestamp (replay)", "whsec", '{"a":1}', header, NOW + 301_000],
    ["no header", "whsec", '{"a":1}', null, NOW],
    ["garbage", "whsec", '{"a":1}', "t=x,v1=zz", NOW],
  ])("refuses %s", (_label, secret, body, signature, now) => {
    expect(verifyWebhookSignature(secret, body, signature, now)).toBe(false);
  });
});
