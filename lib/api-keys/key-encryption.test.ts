import { describe, expect, it } from "vitest";
import { decryptPrivateKey, encryptPrivateKey, KeyDecryptionError } from "./key-encryption";

const secret = "a-test-secret-of-reasonable-length-0123456789";
const jwk = JSON.stringify({ kty: "EC", crv: "P-256", x: "x", y: "y", d: "private" });

/** Replace one base64url character of the given part with another valid one. */
function flip(encrypted: string, part: number): string {
  const parts = encrypted.split(".");
  const text = parts[part]!;
  const middle = Math.floor(text.length / 2);
  parts[part] = text.slice(0, middle) + (text[middle] === "A" ? "B" : "A") + text.slice(middle + 1);
  return parts.join(".");
}

describe("key encryption", () => {
  it("round-trips, in the versioned format, without the plaintext showing", () => {
    const encrypted = encryptPrivateKey(secret, jwk, "kid-1");
    expect(encrypted).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(encrypted).not.toContain("private");
    expect(decryptPrivateKey(secret, encrypted, "kid-1")).toBe(jwk);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptPrivateKey(secret, jwk, "kid-1")).not.toBe(encryptPrivateKey(secret, jwk, "kid-1"));
  });

  const encrypted = encryptPrivateKey(secret, jwk, "kid-1");
  const refusals: [string, () => string][] = [
    ["another secret", () => decryptPrivateKey(`${secret}x`, encrypted, "kid-1")],
    ["another kid (a row's ciphertext pasted into another row)", () => decryptPrivateKey(secret, encrypted, "kid-2")],
    ["a tampered IV", () => decryptPrivateKey(secret, flip(encrypted, 1), "kid-1")],
    ["a tampered ciphertext", () => decryptPrivateKey(secret, flip(encrypted, 2), "kid-1")],
    ["a tampered tag", () => decryptPrivateKey(secret, flip(encrypted, 3), "kid-1")],
    ["an unknown version", () => decryptPrivateKey(secret, encrypted.replace(/^v1/, "v2"), "kid-1")],
    ["a truncated value", () => decryptPrivateKey(secret, encrypted.split(".").slice(0, 3).join("."), "kid-1")],
    ["an extra part", () => decryptPrivateKey(secret, `${encrypted}.AA`, "kid-1")],
    ["a shortened tag", () => decryptPrivateKey(secret, encrypted.slice(0, -4), "kid-1")],
    ["garbage", () => decryptPrivateKey(secret, "not encrypted at all", "kid-1")],
  ];
  it.each(refusals)("refuses %s", (_, decrypt) => {
    expect(decrypt).toThrow(KeyDecryptionError);
  });

  it("refuses to derive a key from an empty secret", () => {
    expect(() => encryptPrivateKey("", jwk, "kid-1")).toThrow(/secret is empty/);
  });
});
