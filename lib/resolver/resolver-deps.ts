// The resolver's collaborators wired together over one database: link and product caches, the
// probing register, and the durable scan writer whose batches weigh verdicts (the app's runtime and
// the tests build them alike).
import type { Database } from "@/db/database";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import type { EdgeHeaderNames } from "@/lib/scans/edge-location";
import type { ScanHasher } from "@/lib/scans/scan-hashes";
import { ScanWriter, type ScanWriterOptions } from "@/lib/scans/scan-writer";
import { processScanBatch } from "@/lib/verification/process-scan-batch";
import type { ResolverDeps } from "./handle-resolver-request";
import { LinkCache } from "./link-cache";
import { linkLoader } from "./link-loader";
import { scanProductCache } from "./scan-product-cache";

export interface ResolverWiring {
  limiter: RateLimiter;
  hasher: ScanHasher;
  edges: readonly EdgeHeaderNames[];
  publicOrigin: string | null;
  /** Where sources caught probing are kept (a bounded map in the app). */
  probing: Map<string, number>;
  writer?: Omit<ScanWriterOptions, "write">;
}

export function createResolverDeps(db: Database, w: ResolverWiring): Omit<ResolverDeps, "defer"> {
  const { limiter, probing } = w;
  return {
    db,
    cache: new LinkCache(linkLoader(db)),
    products: scanProductCache(db),
    probing,
    // Each batch is weighed (verdicts, cases) and written in one transaction.
    writer: new ScanWriter({ ...w.writer, write: (batch) => processScanBatch(db, batch, { limiter, probing }) }),
    hasher: w.hasher,
    edges: w.edges,
    limiter,
    publicOrigin: w.publicOrigin,
  };
}
