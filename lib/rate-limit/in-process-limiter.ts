// A sliding-window limiter in this process's memory: the embedded default, and the fallback when Upstash
// is unreachable. It computes exactly what @upstash/ratelimit's slidingWindow script computes (the current
// fixed bucket plus the previous one weighted by how much of it still overlaps the window), so a policy
// behaves the same on either backend, and each key costs two counters instead of a log of timestamps.
import type { RateLimiter, RateLimitResult } from "./limiter";
import { rateLimitPolicies, type RateLimitPolicyName, type RateLimitPolicyTable } from "./policies";

interface Counter {
  /** Index of the fixed bucket `current` counts: floor(now / windowMs). */
  bucket: number;
  current: number;
  previous: number;
}

export interface InProcessRateLimiterOptions {
  policies?: RateLimitPolicyTable;
  /** Clock in epoch milliseconds; tests inject a fake one. */
  now?: () => number;
  /** Most identifiers kept per policy; beyond it the least recently used is forgotten. */
  maxKeysPerPolicy?: number;
}

export interface InProcessRateLimiter extends RateLimiter {
  /** Identifiers currently remembered for a policy (for tests and diagnostics). */
  size(policy: RateLimitPolicyName): number;
}

export function createInProcessRateLimiter(options: InProcessRateLimiterOptions = {}): InProcessRateLimiter {
  const policies = options.policies ?? rateLimitPolicies;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeysPerPolicy ?? 50_000;
  const counters = new Map<RateLimitPolicyName, Map<string, Counter>>();
  const lastSweep = new Map<RateLimitPolicyName, number>();

  function countersFor(policy: RateLimitPolicyName): Map<string, Counter> {
    let map = counters.get(policy);
    if (!map) {
      map = new Map();
      counters.set(policy, map);
    }
    return map;
  }

  // A counter two buckets old no longer weighs on the window: it is only memory.
  function sweep(map: Map<string, Counter>, bucket: number): void {
    for (const [key, counter] of map) {
      if (counter.bucket < bucket - 1) map.delete(key);
    }
  }

  return {
    async limit(policy, identifier): Promise<RateLimitResult> {
      const { limit, windowMs } = policies[policy];
      const at = now();
      const bucket = Math.floor(at / windowMs);
      const reset = (bucket + 1) * windowMs;
      const map = countersFor(policy);

      // Sweep at most once per window, so the cost stays amortised O(1) per call.
      if (at - (lastSweep.get(policy) ?? 0) >= windowMs) {
        sweep(map, bucket);
        lastSweep.set(policy, at);
      }

      const stored = map.get(identifier);
      const counter = advance(stored, bucket);
      // Re-insert so Map order is least-recently-used first: an active attacker's counter survives eviction.
      if (stored) map.delete(identifier);
      map.set(identifier, counter);
      if (map.size > maxKeys) {
        sweep(map, bucket);
        const oldest = map.keys().next();
        if (map.size > maxKeys && !oldest.done) map.delete(oldest.value);
      }

      const weightedPrevious = Math.floor((1 - (at % windowMs) / windowMs) * counter.previous);
      if (weightedPrevious + counter.current >= limit) {
        return { success: false, limit, remaining: 0, reset };
      }
      counter.current += 1;
      return { success: true, limit, remaining: Math.max(0, limit - (counter.current + weightedPrevious)), reset };
    },
    size(policy) {
      return countersFor(policy).size;
    },
  };
}

function advance(counter: Counter | undefined, bucket: number): Counter {
  if (!counter || counter.bucket < bucket - 1) return { bucket, current: 0, previous: 0 };
  if (counter.bucket === bucket - 1) return { bucket, current: 0, previous: counter.current };
  return counter;
}
