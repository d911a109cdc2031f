import { describe, expect, it } from "vitest";
import { displayPrefixOf, looksLikeCompactJws, maxTokenLength, readApiKeyClaims } from "./api-key-token";

const id = "3f2b8c1e-0000-4000-8000-000000000001";

describe("looksLikeCompactJws", () => {
  it.each([
    ["eyJh.eyJz.c2ln", true],
    ["eyJh.eyJz.", false],
    ["eyJh.eyJz", false],
    ["eyJh.eyJz.c2ln.extra", false],
    ["eyJh.eyJz.c2l+", false],
    ["Bearer eyJh.eyJz.c2ln", false],
    [`eyJh.eyJz.${"a".repeat(maxTokenLength)}`, false],
    [42, false],
    [null, false],
  ])("%j → %s", (token, expected) => {
    expect(looksLikeCompactJws(token)).toBe(expected);
  });
});

describe("readApiKeyClaims", () => {
  it.each([
    [{ sub: id, jti: id, org: "org", scope: "verify" }, { apiKeyId: id, organisationId: "org", scope: "verify" }],
    [{ sub: id, jti: "other", org: "org", scope: "verify" }, null],
    [{ sub: id, org: "org", scope: "verify" }, null],
    [{ sub: id, jti: id, scope: "verify" }, null],
    [{ sub: id, jti: id, org: "org", scope: ["verify"] }, null],
  ])("%j → %j", (payload, expected) => {
    expect(readApiKeyClaims(payload)).toEqual(expected);
  });
});

it("shows the token's last 8 characters beside the key", () => {
  expect(displayPrefixOf("aaa.bbb.signature-ends-XYZ12345")).toBe("XYZ12345");
});
