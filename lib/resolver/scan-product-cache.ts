// Per-GTIN product facts for the resolver, cached: a product's brand and resolver setting change rarely,
// and a scan should cost no product query. Changes show within the TTL.
import type { Executor } from "@/db/database";
import { findScanProduct, type ScanProduct } from "@/db/queries/scan-target";
import { TtlCache } from "./ttl-cache";

export function scanProductCache(db: Executor, ttlMs = 30_000): TtlCache<ScanProduct | null> {
  return new TtlCache((gtin) => findScanProduct(db, gtin), { ttlMs, maxEntries: 100_000 });
}
