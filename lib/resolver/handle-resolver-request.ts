// One request to the resolver, end to end: parse the Digital Link in the path (compressed links too),
// rate-limit the source, find the product and unit (one indexed query) and the links (cache), resolve
// per the standard, answer — and record the scan of a serialized identifier after the answer is sent.
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/database";
import type { ScanProduct } from "@/db/queries/scan-target";
import { parseDigitalLink, type ParsedDigitalLink } from "@/lib/gs1";
import { clientAddress } from "@/lib/privacy/fingerprint";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { rateLimitHeaders } from "@/lib/rate-limit/assert-rate-limit";
import { deviceCookie, newDeviceId, readDeviceId } from "@/lib/scans/device-id";
import type { EdgeHeaderNames } from "@/lib/scans/edge-location";
import type { ScanHasher } from "@/lib/scans/scan-hashes";
import type { ScanWriter } from "@/lib/scans/scan-writer";
import { builtinLinks } from "./builtin-links";
import { resolverLinkHeader } from "./link-header";
import type { LinkCache } from "./link-cache";
import type { TtlCache } from "./ttl-cache";
import { groupLinkRows } from "./link-rows";
import { describeAnchor } from "./linkset-document";
import { toResolutionRequest } from "./resolution-request";
import { resolve } from "./resolve";
import { CORS_HEADERS, errorResponse, outcomeResponse } from "./resolver-http";
import { scanFromRequest } from "./scan-from-request";
import type { ResolverLink } from "./types";
import { candidateAnchors } from "./walk-up";

export interface ResolverDeps {
  db: Database;
  cache: LinkCache;
  products: TtlCache<ScanProduct | null>;
  /** Sources caught probing unknown serials, until when (epoch ms): refused without a lookup. */
  probing: Map<string, number>;
  writer: ScanWriter;
  hasher: ScanHasher;
  edges: readonly EdgeHeaderNames[];
  limiter: RateLimiter;
  /** PUBLIC_BASE_URL when set: the origin genuine's own links point at. */
  publicOrigin: string | null;
  /** Runs work after the response is sent (Next's after()). */
  defer: (task: () => void | Promise<void>) => void;
  now?: () => Date;
}

/** The verification page finds its scan by this short-lived cookie (the Location stays the standard's). */
export const SCAN_COOKIE = "genuine_scan";

function requestOrigin(request: Request, headers: Headers): string {
  const url = new URL(request.url);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || url.host;
  return `${proto}://${host}`;
}

export async function handleResolverRequest(request: Request, deps: ResolverDeps, path: string): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method === "OPTIONS") return new Response(null, { status: 204, headers: { ...CORS_HEADERS, allow: "GET, HEAD, OPTIONS" } });
  const headers = request.headers;
  const accept = headers.get("accept");
  const now = deps.now?.() ?? new Date();
  const origin = requestOrigin(request, headers);
  const search = new URL(request.url).search;

  // Tolerate one trailing slash (the standard's SHOULD); an empty segment anywhere else stays an error.
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  const parsed = parseDigitalLink(`${origin}${trimmed}${search}`);
  if (!parsed.ok) {
    const { error } = parsed;
    const where = [error.ai ? `AI (${error.ai})` : null, error.offset !== undefined ? `character ${error.offset + 1 - origin.length}` : null].filter(Boolean).join(", ");
    return errorResponse(
      method,
      accept,
      { status: 400, title: "This code could not be read", message: "The link in this code is not a valid GS1 Digital Link, so we cannot tell you about the product. If you typed it, check it; if you scanned it, the code may be damaged or fake.", detail: `${error.message}${where ? ` (${where})` : ""}` },
      {},
      { code: error.code, ...(error.ai ? { ai: error.ai } : {}) },
    );
  }
  const dl = parsed.value;

  const sourceHash = deps.hasher.source(clientAddress(headers));
  const probing = deps.probing.get(sourceHash);
  if (probing !== undefined && probing > now.getTime()) {
    const retry = String(Math.max(1, Math.ceil((probing - now.getTime()) / 1000)));
    return errorResponse(method, accept, { status: 429, title: "Too many unknown codes", message: "This network has scanned many codes we have no record of. Please wait a few minutes and try again." }, { "retry-after": retry });
  }
  const limit = await deps.limiter.limit("scan", sourceHash);
  if (!limit.success) {
    return errorResponse(method, accept, { status: 429, title: "Too many scans", message: "This network has scanned too many codes in a short time. Please wait a minute and try again." }, rateLimitHeaders(limit));
  }

  const resolution = toResolutionRequest(dl, { accept, acceptLanguage: headers.get("accept-language") }, search);
  const gtin = dl.primaryKey.ai === "01" ? dl.primaryKey.value : null;
  const serial = gtin ? (dl.qualifiers.find((q) => q.ai === "21")?.value ?? null) : null;
  const lot = gtin ? (dl.qualifiers.find((q) => q.ai === "10")?.value ?? null) : null;
  const candidates = candidateAnchors(dl.primaryKey, dl.qualifiers);
  // Product facts and links come from the caches: the answer waits for no query once they are warm.
  const [product, stored] = await Promise.all([gtin ? deps.products.get(gtin) : null, deps.cache.get(candidates)]);

  const linksByAnchor = new Map<string, ResolverLink[]>();
  const descriptions = new Map<string, string>();
  for (const [anchor, data] of stored) {
    linksByAnchor.set(anchor, groupLinkRows(data.links));
    if (data.description) descriptions.set(anchor, data.description);
  }
  if (product && gtin) {
    const brandLinks = [...linksByAnchor.values()].flat();
    const own = builtinLinks({ origin: deps.publicOrigin ?? origin, anchor: candidates[0]!, gtin, lot, serial, serialDefaultLink: product.serialDefaultLink, brandLinks });
    linksByAnchor.set(candidates[0]!, [...(linksByAnchor.get(candidates[0]!) ?? []), ...own]);
  }
  const outcome = resolve(resolution, linksByAnchor, { describe: (anchor) => descriptions.get(anchor) ?? describeAnchor(anchor) });

  const responseHeaders: Record<string, string> = { link: resolverLinkHeader(resolution, outcome), vary: "Accept, Accept-Language" };
  const cookies: string[] = [];
  if (gtin !== null && serial !== null && method === "GET") {
    recordScan(request, deps, { dl, product, gtin, serial, sourceHash, now, origin, cookies, linkType: resolution.linkType, context: resolution.context });
  }
  const response = outcomeResponse(method, accept, outcome, responseHeaders);
  for (const c of cookies) response.headers.append("set-cookie", c);
  return response;
}

interface ScanContext {
  dl: ParsedDigitalLink;
  product: ScanProduct | null;
  gtin: string;
  serial: string;
  sourceHash: string;
  now: Date;
  origin: string;
  cookies: string[];
  linkType: string | null;
  context: string | null;
}

/**
 * Set the device and scan cookies now; after the response, weigh the scan (lib/verification: the unit,
 * its bounded history and the brand's policy, a few indexed queries; a miss on a code naming no unit
 * counts against the source's miss budget — a source beyond it is flagged and refused for the budget's
 * window), hand the scan with its verdict to the durable writer, then open or update the case the
 * verdict asks for. If weighing fails (database down), the scan is still handed over, without a verdict.
 */
function recordScan(request: Request, deps: ResolverDeps, c: ScanContext): void {
  const secure = c.origin.startsWith("https:");
  let deviceId = readDeviceId(request.headers.get("cookie"));
  if (!deviceId) {
    deviceId = newDeviceId();
    c.cookies.push(deviceCookie(deviceId, secure));
  }
  const ref = randomUUID();
  c.cookies.push(`${SCAN_COOKIE}=${ref}.${c.now.getTime()}; Path=/verify; Max-Age=600; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`);
  // After the answer: build the scan (location, client kind, hashes) and hand it to the durable writer,
  // whose batches weigh verdicts and open cases (lib/verification/process-scan-batch.ts).
  deps.defer(() =>
    deps.writer.enqueue(
      scanFromRequest({
        ref,
        now: c.now,
        parsed: c.dl,
        organisationId: c.product?.organisationId ?? null,
        unitId: null,
        headers: request.headers,
        edges: deps.edges,
        sourceHash: c.sourceHash,
        deviceHash: deps.hasher.device(deviceId),
        linkType: c.linkType,
        context: c.context,
        reasons: [],
      }),
    ),
  );
}
