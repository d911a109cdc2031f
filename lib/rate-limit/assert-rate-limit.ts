// The one call sites make: count a request against a policy, and answer 429 with the standard headers
// when the budget is spent.
import { AppError } from "@/lib/http/problem";
import { getRateLimiter, type RateLimiter, type RateLimitResult } from "./limiter";
import type { RateLimitPolicyName } from "./policies";

/** X-RateLimit-* for every limited response; Retry-After only when the request was refused. */
export function rateLimitHeaders(result: RateLimitResult, now: number = Date.now()): Record<string, string> {
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(Math.max(0, result.remaining)),
    "X-RateLimit-Reset": String(Math.ceil(result.reset / 1000)),
  };
  // RFC 9110 delay-seconds; never 0, which clients read as "retry at once".
  if (!result.success) headers["Retry-After"] = String(Math.max(1, Math.ceil((result.reset - now) / 1000)));
  return headers;
}

/** Returns the result (for the headers of a successful response) or throws a 429 AppError. */
export async function assertRateLimit(
  policy: RateLimitPolicyName,
  identifier: string,
  limiter: RateLimiter = getRateLimiter(),
): Promise<RateLimitResult> {
  const result = await limiter.limit(policy, identifier);
  if (result.success) return result;
  const headers = rateLimitHeaders(result);
  const seconds = Number(headers["Retry-After"]);
  throw new AppError(
    "rate_limited",
    `Too many requests. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
    {},
    headers,
  );
}
