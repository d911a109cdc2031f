// The resolver's process-wide parts: the link cache, the durable scan writer (its spool file in the
// data folder) and the scan hasher — created once, on first use, after the database has booted.
import path from "node:path";
import { after } from "next/server";
import { getEnv } from "@/lib/config/env";
import { BoundedMap } from "@/lib/rate-limit/bounded-map";
import { getRateLimiter } from "@/lib/rate-limit/limiter";
import { handleResolverRequest, type ResolverDeps } from "@/lib/resolver/handle-resolver-request";
import { problemResponse } from "@/lib/http/problem";
import { createResolverDeps } from "@/lib/resolver/resolver-deps";
import { parseEdgeConfig } from "@/lib/scans/edge-location";
import { scanHasher } from "@/lib/scans/scan-hashes";
import { dataDirectory, getDatabase } from "./app-database";

const globalKey = Symbol.for("genuine.resolver");
type GlobalWithResolver = typeof globalThis & { [globalKey]?: Promise<Omit<ResolverDeps, "defer">> };

async function boot(): Promise<Omit<ResolverDeps, "defer">> {
  const env = getEnv();
  const { db } = await getDatabase();
  return createResolverDeps(db, {
    limiter: getRateLimiter(),
    // getDatabase() has loaded or generated AUTH_SECRET by now.
    hasher: scanHasher(env.SCAN_HASH_SECRET ?? process.env.AUTH_SECRET!, env.SCAN_HASH_KEY_ID),
    edges: parseEdgeConfig(env.SCAN_LOCATION_HEADERS),
    publicOrigin: env.PUBLIC_BASE_URL ?? null,
    probing: new BoundedMap<string, number>(100_000),
    writer: {
      spoolFile: path.join(dataDirectory(env), "scan-spool.jsonl"),
      onError: (error, pending) => console.error(`genuine: scans not written yet (${pending} waiting, kept on disk and retried):`, error instanceof Error ? error.message : error),
    },
  });
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
