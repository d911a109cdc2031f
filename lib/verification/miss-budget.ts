// A scan of a code naming no unit counts against its source's miss budget (the scanMiss limit); a
// source beyond it is probing: its scan is flagged, and it is refused until the window has passed.
import type { RateLimiter } from "@/lib/rate-limit/limiter";

export interface MissBudget {
  limiter: RateLimiter;
  /** Sources caught probing, until when (epoch ms); shared with the resolver's refusal check. */
  probing: Map<string, number>;
}

/** Counts one miss; true when the source is now over its budget. */
export async function countMiss(budget: MissBudget, sourceFingerprint: string): Promise<boolean> {
  const miss = await budget.limiter.limit("scanMiss", sourceFingerprint);
  if (miss.success) return false;
  budget.probing.set(sourceFingerprint, miss.reset);
  return true;
}

/** Seconds until a probing source may scan again, or null when it is not refused. */
export function probingRetryAfter(budget: Pick<MissBudget, "probing">, sourceFingerprint: string, now: Date): number | null {
  const until = budget.probing.get(sourceFingerprint);
  if (until === undefined || until <= now.getTime()) return null;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}
