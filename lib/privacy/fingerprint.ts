// Privacy-preserving fingerprints: keyed hashes (HMAC-SHA256 under a key derived from AUTH_SECRET),
// truncated. They let genuine count distinct sources and devices without storing an IP address.
import { createHmac, hkdfSync } from "node:crypto";

const keys = new Map<string, Buffer>();

function keyFor(secret: string, purpose: string): Buffer {
  const id = `${purpose}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "genuine", `fingerprint:${purpose}`, 32));
    keys.set(id, key);
  }
  return key;
}

export function fingerprint(secret: string, purpose: "source" | "device", value: string): string {
  return createHmac("sha256", keyFor(secret, purpose)).update(value).digest("base64url").slice(0, 22);
}

/** The client address as the nearest proxy reports it (Next's server sets x-forwarded-for itself). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

export function sourceFingerprint(headers: Headers, secret = process.env.AUTH_SECRET ?? ""): string {
  return fingerprint(secret, "source", clientAddress(headers));
}
