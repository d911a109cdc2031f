// The scan a consumer's report or shared location belongs to, found by the ref the resolver gave it.
import { and, eq, gte } from "drizzle-orm";
import type { Executor } from "@/db/database";
import { scans } from "@/db/schema";

/** A ref is honoured for a day: long enough to write a report, short enough to keep the lookup on the index's head. */
export const SCAN_REF_WINDOW_MS = 24 * 60 * 60 * 1000;

export async function findRecentScan(db: Executor, ref: string, now: Date) {
  const [row] = await db
    .select({ id: scans.id, scannedAt: scans.scannedAt, gtin: scans.gtin, country: scans.country, unitId: scans.unitId })
    .from(scans)
    .where(and(eq(scans.ref, ref), gte(scans.scannedAt, new Date(now.getTime() - SCAN_REF_WINDOW_MS))))
    .limit(1);
  return row ?? null;
}

/** /verify/<Digital Link path> of a unit, for sending a visitor back to the page they came from. */
export function verificationPath(code: { gtin: string; lot: string | null; serial: string | null; expiry?: string | null }): string {
  const lot = code.lot ? `/10/${encodeURIComponent(code.lot)}` : "";
  const serial = code.serial ? `/21/${encodeURIComponent(code.serial)}` : "";
  return `/verify/01/${code.gtin}${lot}${serial}`;
}
