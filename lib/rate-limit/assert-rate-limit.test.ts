import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/http/problem";
import { assertRateLimit, rateLimitHeaders } from "./assert-rate-limit";
import type { RateLimiter, RateLimitResult } from "./limiter";

describe("rateLimitHeaders", () => {
  const now = 1_700_000_000_000;
  const cases: Array<[name: string, result: RateLimitResult, expected: Record<string, string>]> = [
    [
      "allowed: no Retry-After, reset in epoch seconds (rounded up)",
      { success: true, limit: 5, remaining: 4, reset: now + 12_345 },
      { "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "4", "X-RateLimit-Reset": "1700000013" },
    ],
    [
      "refused: Retry-After in whole seconds, rounded up",
      { success: false, limit: 5, remaining: 0, reset: now + 12_001 },
      { "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000013", "Retry-After": "13" },
    ],
    [
      "refused with the reset already past: Retry-After is at least 1",
      { success: false, limit: 5, remaining: 0, reset: now - 500 },
      { "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000000", "Retry-After": "1" },
    ],
    [
      "a negative remaining is shown as 0",
      { success: true, limit: 5, remaining: -2, reset: now },
      { "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1700000000" },
    ],
  ];
  it.each(cases)("%s", (_name, result, expected) => {
    expect(rateLimitHeaders(result, now)).toEqual(expected);
  });
});

describe("assertRateLimit", () => {
  const fixed = (result: RateLimitResult): RateLimiter => ({ limit: vi.fn(async () => result) });

  it("returns the result when the request is allowed", async () => {
    const result = { success: true, limit: 5, remaining: 2, reset: Date.now() + 1_000 };
    const limiter = fixed(result);
    await expect(assertRateLimit("signIn", "a@example.com|src", limiter)).resolves.toEqual(result);
    expect(limiter.limit).toHaveBeenCalledWith("signIn", "a@example.com|src");
  });

  it("throws a 429 AppError with Retry-After and X-RateLimit-* when refused", async () => {
    const limiter = fixed({ success: false, limit: 5, remaining: 0, reset: Date.now() + 30_000 });
    const error = await assertRateLimit("signIn", "a", limiter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.status).toBe(429);
    expect(appError.code).toBe("rate_limited");
    expect(Number(appError.headers["Retry-After"])).toBeGreaterThanOrEqual(29);
    expect(Number(appError.headers["Retry-After"])).toBeLessThanOrEqual(30);
    expect(appError.headers["X-RateLimit-Limit"]).toBe("5");
    expect(appError.headers["X-RateLimit-Remaining"]).toBe("0");
    expect(appError.detail).toMatch(/Try again in \d+ seconds/);
  });
});
