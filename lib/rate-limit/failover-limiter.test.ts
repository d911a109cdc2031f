import { describe, expect, it } from "vitest";
import { createFailoverRateLimiter } from "./failover-limiter";
import type { RateLimiter, RateLimitResult } from "./limiter";

const local: RateLimitResult = { success: true, limit: 5, remaining: 4, reset: 10_000 };
const shared: RateLimitResult = { success: false, limit: 5, remaining: 0, reset: 10_000 };

function setup(primaryFails: () => boolean) {
  let clock = 0;
  let primaryCalls = 0;
  const warnings: string[] = [];
  const primary: RateLimiter = {
    limit: async () => {
      primaryCalls++;
      if (primaryFails()) throw new Error("fetch failed");
      return shared;
    },
  };
  const fallback: RateLimiter = { limit: async () => local };
  const limiter = createFailoverRateLimiter(primary, fallback, {
    warn: (m) => warnings.push(m),
    now: () => clock,
    pauseAfterFailureMs: 5_000,
    warnEveryMs: 60_000,
  });
  return { limiter, warnings, primaryCalls: () => primaryCalls, advance: (ms: number) => void (clock += ms) };
}

describe("fail-over from the shared limiter to per-instance limits", () => {
  it("answers from the shared limiter while it works", async () => {
    const { limiter, warnings } = setup(() => false);
    expect(await limiter.limit("signIn", "a")).toEqual(shared);
    expect(warnings).toEqual([]);
  });

  it("answers from the local limiter when the shared one throws, warning once a minute without the identifier", async () => {
    const { limiter, warnings, advance } = setup(() => true);
    expect(await limiter.limit("signIn", "alice@example.com")).toEqual(local);
    advance(6_000);
    expect(await limiter.limit("scan", "alice@example.com")).toEqual(local);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("fetch failed");
    expect(warnings[0]).not.toContain("alice");
    advance(60_000);
    await limiter.limit("signIn", "a");
    expect(warnings).toHaveLength(2);
  });

  it("leaves the shared limiter alone for a pause after a failure, then tries it again", async () => {
    let down = true;
    const { limiter, primaryCalls, advance } = setup(() => down);
    await limiter.limit("scan", "a");
    await limiter.limit("scan", "a");
    advance(4_999);
    await limiter.limit("scan", "a");
    expect(primaryCalls()).toBe(1);
    down = false;
    advance(1);
    expect(await limiter.limit("scan", "a")).toEqual(shared);
    expect(primaryCalls()).toBe(2);
  });
});
