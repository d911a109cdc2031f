// Where webhooks may be sent. In production: https only, and never to loopback, private or link-local
// addresses (the server must not be turned into a probe of its own network — SSRF). Development and
// tests may allow plain http to loopback.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: string };

function privateAddress(address: string): boolean {
  if (isIP(address) === 6) {
    const a = address.toLowerCase();
    return a === "::1" || a === "::" || a.startsWith("fc") || a.startsWith("fd") || a.startsWith("fe80") || a.startsWith("::ffff:127.") || a.startsWith("::ffff:10.") || a.startsWith("::ffff:192.168.");
  }
  const [a = 0, b = 0] = address.split(".").map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

export async function checkEndpointUrl(raw: string, options: { allowInsecure: boolean }): Promise<EndpointCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a URL" };
  }
  if (url.username || url.password) return { ok: false, reason: "credentials in the URL are not allowed; use the signing secret" };
  if (url.protocol !== "https:" && !(options.allowInsecure && url.protocol === "http:")) return { ok: false, reason: "must be https" };
  if (options.allowInsecure) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((a) => a.address), () => []);
  if (addresses.length === 0) return { ok: false, reason: "the host does not resolve" };
  if (addresses.some(privateAddress)) return { ok: false, reason: "private, loopback and link-local addresses are not allowed" };
  return { ok: true, url };
}
