// The scan that brought a visitor to the verification page: the resolver sets a short-lived cookie
// "<scans.ref>.<epoch ms>" on /verify. Reports and shared locations name their scan by that ref.

export const SCAN_REF_COOKIE = "genuine_scan";
/** The resolver's cookie lives 10 minutes; a ref older than that is not this visit's. */
export const SCAN_REF_MAX_AGE_MS = 10 * 60 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isScanRef(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

export function scanRefFromCookies(cookieHeader: string | null, now: number = Date.now()): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== SCAN_REF_COOKIE) continue;
    const [ref, issued] = rest.join("=").split(".");
    const at = Number(issued);
    if (isScanRef(ref) && Number.isFinite(at) && now - at >= -60_000 && now - at <= SCAN_REF_MAX_AGE_MS) return ref.toLowerCase();
  }
  return null;
}
