// Encrypts signing keys' private halves at rest, with a key derived from the app secret (AUTH_SECRET).
// Format: "v1.<iv>.<ciphertext>.<tag>" (base64url), AES-256-GCM. The version prefix lets a later
// scheme (a new KDF, a key-encryption key in a KMS) sit beside old rows and be migrated lazily.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const version = "v1";
const hkdfInfo = "genuine signing-key encryption v1";
const ivBytes = 12;
const tagBytes = 16;

export class KeyDecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt a signing key: ${reason}. Was AUTH_SECRET changed, or the row altered?`);
    this.name = "KeyDecryptionError";
  }
}

function encryptionKey(secret: string): Buffer {
  if (secret.length === 0) throw new Error("The app secret is empty; cannot derive the signing-key encryption key.");
  // No salt: the secret is already high-entropy; `info` separates this use from any other derivation.
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), hkdfInfo, 32));
}

/**
 * `context` (the key's kid) is bound as associated data, so one row's ciphertext cannot be pasted
 * into another row and decrypt there.
 */
export function encryptPrivateKey(secret: string, plaintext: string, context: string): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(secret), iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(`${version}.${context}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Throws KeyDecryptionError for a wrong secret, a wrong context, a tampered or unknown-version value. */
export function decryptPrivateKey(secret: string, encrypted: string, context: string): string {
  const [prefix, iv, ciphertext, tag, ...rest] = encrypted.split(".");
  if (prefix !== version) throw new KeyDecryptionError(`unknown format ${JSON.stringify(prefix ?? "")}`);
  if (iv === undefined || ciphertext === undefined || tag === undefined || rest.length > 0) {
    throw new KeyDecryptionError("malformed value");
  }
  const ivBuffer = Buffer.from(iv, "base64url");
  const tagBuffer = Buffer.from(tag, "base64url");
  if (ivBuffer.length !== ivBytes || tagBuffer.length !== tagBytes) throw new KeyDecryptionError("malformed value");
  try {
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey(secret), ivBuffer, { authTagLength: tagBytes });
    decipher.setAAD(Buffer.from(`${version}.${context}`, "utf8"));
    decipher.setAuthTag(tagBuffer);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new KeyDecryptionError("authentication failed");
  }
}
