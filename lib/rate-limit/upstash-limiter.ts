// The shared limiter: one @upstash/ratelimit sliding window per policy over Upstash Redis (REST), so every
// instance of a serverless deployment counts against the same budget.
import { createHash } from "node:crypto";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { BoundedMap } from "./bounded-map";
import type { RateLimiter, RateLimitResult } from "./limiter";
import { rateLimitPolicies, rateLimitPolicyNames, type RateLimitPolicyName, type RateLimitPolicyTable } from "./policies";

export interface UpstashRateLimiterOptions {
  url: string;
  token: string;
  policies?: RateLimitPolicyTable;
  /** Key prefix; each policy's keys live under `<prefix>:<policy>`. */
  prefix?: string;
  /** How long one decision may wait for Redis before it counts as unavailable. */
  timeoutMs?: number;
}

/** Redis could not be asked in time; the caller decides what that means (see failover-limiter.ts). */
export class RateLimiterUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RateLimiterUnavailableError";
  }
}

export function createUpstashRateLimiter(options: UpstashRateLimiterOptions): RateLimiter {
  const policies = options.policies ?? rateLimitPolicies;
  const prefix = options.prefix ?? "genuine:rl";
  const redis = new Redis({
    url: options.url,
    token: options.token,
    // The library's default (5 retries, exponential back-off) holds a request for seconds; one quick retry
    // then the fail-over is the better answer for a user waiting on a page.
    retry: { retries: 1, backoff: () => 50 },
    enableTelemetry: false,
  });
  const limiters = new Map<RateLimitPolicyName, Ratelimit>(
    rateLimitPolicyNames.map((name) => {
      const { limit, windowMs } = policies[name];
      const ratelimit = new Ratelimit({
        redis,
        limiter: Ratelimit.slidingWindow(limit, `${windowMs} ms`),
        prefix: `${prefix}:${name}`,
        // On timeout the library answers success with reason "timeout"; we turn that into an error below
        // rather than let it pass silently.
        timeout: options.timeoutMs ?? 1_000,
        ephemeralCache: new BoundedMap<string, number>(10_000),
        analytics: false,
        enableTelemetry: false,
      });
      return [name, ratelimit] as const;
    }),
  );

  return {
    async limit(policy, identifier): Promise<RateLimitResult> {
      const ratelimit = limiters.get(policy);
      if (!ratelimit) throw new Error(`Unknown rate-limit policy: ${policy}`);
      let response: Awaited<ReturnType<Ratelimit["limit"]>>;
      try {
        response = await ratelimit.limit(hashIdentifier(identifier));
      } catch (error) {
        throw new RateLimiterUnavailableError(`Upstash Redis request failed: ${describe(error)}`, { cause: error });
      }
      if (response.reason === "timeout") {
        throw new RateLimiterUnavailableError(`Upstash Redis did not answer within ${options.timeoutMs ?? 1_000} ms`);
      }
      const { success, limit, remaining, reset } = response;
      return { success, limit, remaining, reset };
    },
  };
}

// Identifiers carry e-mail addresses and network fingerprints; Upstash is a third party, so it only ever
// sees a digest (still unique per identifier, so counting is unchanged).
function hashIdentifier(identifier: string): string {
  return createHash("sha256").update(identifier).digest("base64url");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
