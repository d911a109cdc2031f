// POST /api/scans/location: a consumer's opt-in precise position for the scan they just made.
//
// Stored as one JSON line per share in DATA_DIR/scan-locations.jsonl, NOT in the scans table: scans
// rows are append-only (never updated) and their latitude/longitude are the edge's coarse guess at
// 0.1°, which the verdict engine reads as the network's location; mixing a device's own fix into them
// would change what those columns mean. Pending a schema change (e.g. a scan_locations table keyed by
// scan ref), the log keeps the data; it is read back by whoever adds that table.
import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Executor } from "@/db/database";
import { AppError, problemResponse } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { sourceFingerprint } from "@/lib/privacy/fingerprint";
import { assertRateLimit, rateLimitHeaders } from "@/lib/rate-limit/assert-rate-limit";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { findRecentScan } from "./scan-lookup";

export const SCAN_LOCATIONS_FILE = "scan-locations.jsonl";

export const sharedLocationSchema = z.object({
  ref: z.uuid(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Metres, as the browser reports it. */
  accuracy: z.number().min(0).max(1_000_000).nullish(),
});

/** 0.01° is about 1.1 km: enough to place a shop or a market, not a home. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 100) / 100 + 0; // + 0 turns -0 into 0
}

export interface SharedLocation {
  ref: string;
  scanId: number;
  scannedAt: string;
  latitude: number;
  longitude: number;
  accuracyM: number | null;
  sharedAt: string;
}

export interface LocationDeps {
  db: Executor;
  dataDir: string;
  limiter?: RateLimiter;
  now?: Date;
}

export async function handleLocationRequest(request: Request, deps: LocationDeps): Promise<Response> {
  const now = deps.now ?? new Date();
  try {
    const body = await readJsonBody(request, { maxBytes: 2048, mediaTypes: ["application/json"] });
    const parsed = sharedLocationSchema.safeParse(body);
    if (!parsed.success) throw new AppError("bad_request", "Give ref (the scan's UUID), latitude and longitude in degrees, and optionally accuracy in metres.");
    // Its own counter under the scan policy: sharing a location never eats into a visitor's scans or reports.
    const limit = await assertRateLimit("scan", `location:${sourceFingerprint(request.headers)}`, deps.limiter);
    const scan = await findRecentScan(deps.db, parsed.data.ref.toLowerCase(), now);
    if (!scan) throw new AppError("not_found", "No recent scan has this ref.");
    const entry: SharedLocation = {
      ref: parsed.data.ref.toLowerCase(),
      scanId: scan.id,
      scannedAt: scan.scannedAt.toISOString(),
      latitude: roundCoordinate(parsed.data.latitude),
      longitude: roundCoordinate(parsed.data.longitude),
      accuracyM: parsed.data.accuracy == null ? null : Math.round(parsed.data.accuracy),
      sharedAt: now.toISOString(),
    };
    await mkdir(deps.dataDir, { recursive: true });
    // One write per line in append mode: concurrent shares never interleave within a line.
    await appendFile(path.join(deps.dataDir, SCAN_LOCATIONS_FILE), `${JSON.stringify(entry)}\n`);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store", ...rateLimitHeaders(limit) } });
  } catch (error) {
    return problemResponse(error, "/api/scans/location");
  }
}
