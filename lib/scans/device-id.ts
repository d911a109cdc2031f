// A first-party random device id in a cookie: it lets the verdict count distinct phones behind one
// code without any cross-site tracking. Only its keyed hash is stored with scans.
import { randomBytes } from "node:crypto";

export const DEVICE_COOKIE = "genuine_device";
const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const VALID = /^[A-Za-z0-9_-]{22}$/;

export function newDeviceId(): string {
  return randomBytes(16).toString("base64url");
}

/** The device id from a Cookie header, or null when absent or not one of ours. */
export function readDeviceId(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== DEVICE_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return VALID.test(value) ? value : null;
  }
  return null;
}

export function deviceCookie(id: string, secure: boolean): string {
  return `${DEVICE_COOKIE}=${id}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
