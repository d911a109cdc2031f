import { describe, expect, it } from "vitest";
import { createInProcessRateLimiter } from "./in-process-limiter";
import { rateLimitPolicies, type RateLimitPolicyTable } from "./policies";

// signIn shrunk to 4 per 10 s so the arithmetic reads at a glance.
const policies: RateLimitPolicyTable = { ...rateLimitPolicies, signIn: { ...rateLimitPolicies.signIn, limit: 4, windowMs: 10_000 } };

function setup(start = 1_000_000) {
  let clock = start;
  const limiter = createInProcessRateLimiter({ policies, now: () => clock });
  return { limiter, at: (ms: number) => void (clock = ms), advance: (ms: number) => void (clock += ms) };
}

describe("in-process sliding-window limiter", () => {
  it("counts down within the limit, then refuses, with the reset at the end of the bucket", async () => {
    const { limiter } = setup(1_000_000);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limiter.limit("signIn", "a@example.com|1.2.3.4"));
    expect(results.map((r) => [r.success, r.remaining])).toEqual([
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(results.every((r) => r.limit === 4 && r.reset === 1_010_000)).toBe(true);
  });

  it("keeps identifiers and policies apart", async () => {
    const { limiter } = setup();
    for (let i = 0; i < 4; i++) await limiter.limit("signIn", "a");
    expect((await limiter.limit("signIn", "a")).success).toBe(false);
    expect((await limiter.limit("signIn", "b")).remaining).toBe(3);
    expect((await limiter.limit("signInSource", "a")).remaining).toBe(99);
  });

  // The previous bucket weighs (1 - elapsed share of the current bucket): 4 earlier requests count as
  // floor(4 * 0.75) = 3 at a quarter in, floor(4 * 0.25) = 1 at three quarters in; at the very boundary
  // they still count in full.
  const slides: Array<[elapsedInNextBucket: number, allowedThere: number]> = [
    [0, 0],
    [1, 1],
    [2_500, 1],
    [5_000, 2],
    [7_500, 3],
    [9_999, 4],
  ];
  it.each(slides)("after a full bucket, %i ms into the next allows %i more", async (elapsed, allowed) => {
    const { limiter, at } = setup();
    at(1_000_000);
    for (let i = 0; i < 4; i++) await limiter.limit("signIn", "a");
    at(1_010_000 + elapsed);
    let granted = 0;
    while ((await limiter.limit("signIn", "a")).success) granted++;
    expect(granted).toBe(allowed);
  });

  it("forgets everything after two buckets", async () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 4; i++) await limiter.limit("signIn", "a");
    advance(20_000);
    expect(await limiter.limit("signIn", "a")).toMatchObject({ success: true, remaining: 3 });
  });

  it("evicts expired identifiers, and caps memory per policy", async () => {
    let clock = 0;
    const limiter = createInProcessRateLimiter({ policies, now: () => clock, maxKeysPerPolicy: 100 });
    for (let i = 0; i < 100; i++) await limiter.limit("signIn", `old-${i}`);
    expect(limiter.size("signIn")).toBe(100);
    clock = 30_000;
    await limiter.limit("signIn", "fresh");
    expect(limiter.size("signIn")).toBe(1);
    for (let i = 0; i < 500; i++) await limiter.limit("signIn", `flood-${i}`);
    expect(limiter.size("signIn")).toBe(100);
  });

  it("evicts the least recently used identifier first, so an active one keeps its count", async () => {
    const limiter = createInProcessRateLimiter({ policies, now: () => 0, maxKeysPerPolicy: 3 });
    for (let i = 0; i < 4; i++) await limiter.limit("signIn", "attacker");
    await limiter.limit("signIn", "x");
    await limiter.limit("signIn", "y");
    expect((await limiter.limit("signIn", "attacker")).success).toBe(false);
    await limiter.limit("signIn", "z");
    expect((await limiter.limit("signIn", "attacker")).success).toBe(false);
  });
});
