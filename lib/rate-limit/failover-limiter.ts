// What happens when the shared limiter (Upstash) cannot answer: neither fail open nor fail closed, but
// fall over to this instance's own counters. See README.md beside this file for why.
import type { RateLimiter, RateLimitResult } from "./limiter";

export interface FailoverOptions {
  /** Where the warning goes; tests capture it. */
  warn?: (message: string) => void;
  /** Clock for the pause and the warning throttle. */
  now?: () => number;
  /**
   * After a failure, skip the shared limiter for this long: a Redis that hangs would otherwise cost every
   * request the full timeout before the fall-over.
   */
  pauseAfterFailureMs?: number;
  /** At most one warning per this many milliseconds, so an outage does not flood the logs. */
  warnEveryMs?: number;
}

export function createFailoverRateLimiter(
  primary: RateLimiter,
  fallback: RateLimiter,
  options: FailoverOptions = {},
): RateLimiter {
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const now = options.now ?? Date.now;
  const pauseMs = options.pauseAfterFailureMs ?? 5_000;
  const warnEveryMs = options.warnEveryMs ?? 60_000;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let lastWarning = Number.NEGATIVE_INFINITY;

  return {
    async limit(policy, identifier): Promise<RateLimitResult> {
      if (now() < pausedUntil) return fallback.limit(policy, identifier);
      try {
        return await primary.limit(policy, identifier);
      } catch (error) {
        const at = now();
        pausedUntil = at + pauseMs;
        if (at - lastWarning >= warnEveryMs) {
          lastWarning = at;
          // The identifier is personal data: the policy name is enough for operators.
          const reason = error instanceof Error ? error.message : String(error);
          warn(`genuine: shared rate limiter unavailable (${reason}); enforcing per-instance limits for "${policy}"`);
        }
        return fallback.limit(policy, identifier);
      }
    },
  };
}
