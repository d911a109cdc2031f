// The rate limiter the app uses: Upstash Redis when configured (shared by every instance), else an
// in-process limiter with the same policies, so local runs and e2e still enforce limits.
import { getEnv, type Env } from "@/lib/config/env";
import { createFailoverRateLimiter } from "./failover-limiter";
import { createInProcessRateLimiter } from "./in-process-limiter";
import type { RateLimitPolicyName } from "./policies";
import { createUpstashRateLimiter } from "./upstash-limiter";

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, epoch milliseconds. */
  reset: number;
}

export interface RateLimiter {
  limit(policy: RateLimitPolicyName, identifier: string): Promise<RateLimitResult>;
}

/** Upstash when both URL and token are set; a Redis outage falls over to per-instance limits. */
export function createConfiguredRateLimiter(env: Env): RateLimiter {
  const local = createInProcessRateLimiter();
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
  if (!url || !token) return local;
  return createFailoverRateLimiter(createUpstashRateLimiter({ url, token }), local);
}

const globalKey = Symbol.for("genuine.rateLimiter");
type GlobalWithRateLimiter = typeof globalThis & { [globalKey]?: RateLimiter };

export function getRateLimiter(): RateLimiter {
  // On globalThis so dev-server module reloads keep the in-process counters.
  const g = globalThis as GlobalWithRateLimiter;
  g[globalKey] ??= createConfiguredRateLimiter(getEnv());
  return g[globalKey];
}
