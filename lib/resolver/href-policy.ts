// Which target URLs a brand may store: https on a host it approved, so the resolver is never an open redirect.
import { scanHrefTemplates } from "./href-template";

export type HrefPolicyErrorCode =
  | "not-a-string"
  | "too-long"
  | "illegal-characters"
  | "not-https"
  | "missing-host"
  | "userinfo"
  | "template-in-authority"
  | "malformed-template"
  | "unknown-template"
  | "ip-literal"
  | "port-not-allowed"
  | "invalid-host"
  | "domain-not-approved";

export interface HrefPolicyError {
  readonly code: HrefPolicyErrorCode;
  readonly message: string;
}

export type HrefCheck = { readonly ok: true; readonly host: string } | { readonly ok: false; readonly error: HrefPolicyError };

export const MAX_HREF_LENGTH = 2048;

// Printable ASCII URI characters plus "{" "}" for templates, and non-ASCII letters for an IDN host (checked below).
// Backslash, spaces, quotes, "<", ">" and control characters never pass: parsers disagree about them.
const ALLOWED = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%{}\u00a0-\uffff]*$/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function fail(code: HrefPolicyErrorCode, message: string): HrefCheck {
  return { ok: false, error: { code, message } };
}

/** A host (Unicode or punycode, any case) in the ASCII form browsers resolve, or null when it is no DNS name. */
function asciiHost(host: string): string | null {
  if (host === "" || host.endsWith(".")) return null;
  let ascii: string;
  try {
    ascii = new URL(`https://${host}/`).hostname;
  } catch {
    return null;
  }
  return ascii.split(".").every((label) => LABEL.test(label)) && ascii.length <= 253 ? ascii : null;
}

/** Numeric last label, or a dotted quad after URL parsing: an IP address however it is written (0x7f.1, 2130706433). */
function isIpLiteral(host: string, parsedHost: string | null): boolean {
  const last = host.split(".").pop() ?? "";
  return /^(?:\d+|0x[0-9a-f]*)$/i.test(last) || (parsedHost !== null && /^\d+\.\d+\.\d+\.\d+$/.test(parsedHost));
}

interface ApprovedDomain {
  readonly host: string;
  readonly port: string | null;
}

function normaliseApproved(entry: string): ApprovedDomain | null {
  const text = entry.trim().toLowerCase();
  const colon = text.lastIndexOf(":");
  const hasPort = colon > 0 && /^\d{1,5}$/.test(text.slice(colon + 1)) && !text.startsWith("[");
  const hostText = hasPort ? text.slice(0, colon) : text;
  if (hostText.startsWith("[")) return { host: hostText, port: hasPort ? text.slice(colon + 1) : null };
  const host = asciiHost(hostText) ?? (isIpLiteral(hostText, null) ? hostText : null);
  return host ? { host, port: hasPort ? text.slice(colon + 1) : null } : null;
}

/**
 * Check a target URL (templates allowed outside the authority) against the brand's approved domains. A host
 * passes when it equals an approved domain or is a subdomain of one; IP literals and non-default ports pass
 * only when approved exactly as written ("10.0.0.5", "brand.example:8443").
 */
export function checkHref(href: unknown, approvedDomains: readonly string[]): HrefCheck {
  if (typeof href !== "string") return fail("not-a-string", "The href must be a string.");
  if (href.length > MAX_HREF_LENGTH) return fail("too-long", `The href is longer than ${MAX_HREF_LENGTH} characters.`);
  if (!ALLOWED.test(href)) return fail("illegal-characters", "The href contains characters a URL cannot hold (spaces, quotes, backslashes, control characters); percent-encode them.");
  if (!/^https:\/\//i.test(href)) return fail("not-https", "The href must be an absolute https:// URL.");

  const rest = href.slice("https://".length);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  if (authority.includes("{") || authority.includes("}")) return fail("template-in-authority", "Templates may not appear in the host or port: a filled value could change where the link points.");
  if (authority.includes("@")) return fail("userinfo", "The href may not contain user information (user@host).");
  if (authority === "") return fail("missing-host", "The href has no host.");
  // Non-ASCII is for an internationalised host only: a Location header cannot carry it in the path.
  if (/[^\x00-\x7f]/.test(rest.slice(authority.length))) return fail("illegal-characters", "Percent-encode non-ASCII characters in the path, query or fragment.");
  const templates = scanHrefTemplates(href);
  if (!templates.ok) return fail(templates.error.code, templates.error.message);

  const portMatch = /^(.*?)(?::(\d*))?$/.exec(authority);
  const hostText = (portMatch?.[1] ?? "").toLowerCase();
  const port = portMatch?.[2] ?? null;
  if (port !== null && !/^\d{1,5}$/.test(port)) return fail("invalid-host", "The port is not a number.");
  const approved = approvedDomains.map(normaliseApproved).filter((d): d is ApprovedDomain => d !== null);

  if (hostText.startsWith("[") || isIpLiteral(hostText, asciiHost(hostText))) {
    const literal = hostText.startsWith("[") ? hostText : (asciiHost(hostText) ?? hostText);
    if (approved.some((d) => d.host === literal && d.port === (port === "443" ? null : port))) return { ok: true, host: literal };
    return fail("ip-literal", "The href points at an IP address that is not approved; use an approved domain name.");
  }
  if (hostText.includes("%")) return fail("invalid-host", "The host may not be percent-encoded.");
  const host = asciiHost(hostText);
  if (!host) return fail("invalid-host", `"${hostText}" is not a valid domain name.`);

  // What a browser would do with the same text must agree with what was checked (no parser differential).
  let parsed: URL;
  try {
    parsed = new URL(href.replace(/\{[^{}]*\}/g, "x"));
  } catch {
    return fail("invalid-host", "The href is not a valid URL.");
  }
  if (parsed.protocol !== "https:" || parsed.hostname !== host || parsed.username !== "" || parsed.password !== "") {
    return fail("invalid-host", "The href does not parse to the host it names.");
  }

  const effectivePort = port === "" || port === "443" ? null : port;
  const matches = approved.filter((d) => host === d.host || host.endsWith(`.${d.host}`));
  if (matches.length === 0) return fail("domain-not-approved", `${host} is not one of the brand's approved domains.`);
  if (effectivePort !== null && !matches.some((d) => d.port === effectivePort)) {
    return fail("port-not-allowed", `Port ${effectivePort} is not approved for ${host}; approve "${host}:${effectivePort}" to allow it.`);
  }
  return { ok: true, host };
}
