// The resolver's process-wide parts: the link cache, the durable scan writer (its spool file in the
// data folder) and the scan hasher — created once, on first use, after the database has booted.
import path from "node:path";
import { after } from "next/server";
import { getEnv } from "@/lib/config/env";
import { BoundedMap } from "@/lib/rate-limit/bounded-map";
import { getRateLimiter } from "@/lib/rate-limit/limiter";
import { handleResolverRequest, type ResolverDeps } from "@/lib/resolver/handle-resolver-request";
import { problemResponse } from "@/lib/http/problem";
import { LinkCache } from "@/lib/resolver/link-cache";
import { linkLoader } from "@/lib/resolver/link-loader";
import { scanProductCache } from "@/lib/resolver/scan-product-cache";
import { parseEdgeConfig } from "@/lib/scans/edge-location";
import { scanHasher } from "@/lib/scans/scan-hashes";
import { ScanWriter } from "@/lib/scans/scan-writer";
import { processScanBatch } from "@/lib/verification/process-scan-batch";
import { dataDirectory, getDatabase } from "./app-database";

const globalKey = Symbol.for("genuine.resolver");
type GlobalWithResolver = typeof globalThis & { [globalKey]?: Promise<Omit<ResolverDeps, "defer">> };

async function boot(): Promise<Omit<ResolverDeps, "defer">> {
  const env = getEnv();
  const { db } = await getDatabase();
  const cache = new LinkCache(linkLoader(db));
  const products = scanProductCache(db);
  const limiter = getRateLimiter();
  const probing = new BoundedMap<string, number>(100_000);
  const writer = new ScanWriter({
    // Each batch is weighed (verdicts, cases) and written in one transaction.
    write: (batch) => processScanBatch(db, batch, { limiter, probing }),
    spoolFile: path.join(dataDirectory(env), "scan-spool.jsonl"),
    onError: (error, pending) => console.error(`genuine: scans not written yet (${pending} waiting, kept on disk and retried):`, error instanceof Error ? error.message : error),
  });
  // getDatabase() has loaded or generated AUTH_SECRET by now.
  const hasher = scanHasher(env.SCAN_HASH_SECRET ?? process.env.AUTH_SECRET!, env.SCAN_HASH_KEY_ID);
  return { db, cache, products, probing, writer, hasher, edges: parseEdgeConfig(env.SCAN_LOCATION_HEADERS), limiter, publicOrigin: env.PUBLIC_BASE_URL ?? null };
}

export async function getResolverDeps(): Promise<ResolverDeps> {
  const g = globalThis as GlobalWithResolver;
  g[globalKey] ??= boot().catch((error: unknown) => {
    delete g[globalKey];
    throw error;
  });
  return { ...(await g[globalKey]), defer: (task) => after(task) };
}

/** After a link write: this instance forgets the anchors at once (others within the cache TTL). */
export async function invalidateLinks(anchors: readonly string[]): Promise<void> {
  const g = globalThis as GlobalWithResolver;
  if (g[globalKey]) (await g[globalKey]).cache.invalidate(anchors);
}

/** Finish writing (and weighing) the scans this instance holds: the verification page reads its own. */
export async function flushScans(): Promise<void> {
  const g = globalThis as GlobalWithResolver;
  if (g[globalKey]) await (await g[globalKey]).writer.flush();
}

/** A resolver request for `path` (the Digital Link path as the client sent it), errors as problem+json. */
export async function answerResolverRequest(request: Request, path: string): Promise<Response> {
  try {
    return await handleResolverRequest(request, await getResolverDeps(), path);
  } catch (error) {
    return problemResponse(error, path);
  }
}
