// Which request paths the resolver answers: any path holding a GS1 Digital Link — at the root or under
// any prefix ("/01/…", "/products/01/…"), valid or not (an invalid one gets the resolver's 400) — and
// compressed links that decode. The app's own pages keep their paths.
import { isDlPrimaryKey, parseDigitalLink } from "@/lib/gs1";

const APP_PREFIXES = ["/console", "/sign-in", "/invitations", "/verify", "/resolver", "/api", "/_next", "/.well-known"];
// A compressed DL is one base64url segment; shorter ones are ordinary page names.
const COMPRESSED_SEGMENT = /\/[A-Za-z0-9_-]{12,}\/?$/;

export function isAppPath(pathname: string): boolean {
  return pathname === "/" || APP_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function isResolverPath(pathname: string): boolean {
  if (isAppPath(pathname)) return false;
  const segments = pathname.split("/");
  // A primary key's AI followed by a value segment: this is a Digital Link, good or bad.
  for (let i = 1; i + 1 < segments.length; i++) {
    if (segments[i + 1] !== undefined && /^\d{2,4}$/.test(segments[i]!) && isDlPrimaryKey(segments[i]!)) return true;
  }
  return COMPRESSED_SEGMENT.test(pathname) && parseDigitalLink(`https://x${pathname.replace(/\/$/, "")}`).ok;
}
