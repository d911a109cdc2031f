import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptDelayMs } from "./backoff";

describe("nextAttemptDelayMs", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [5, 480_000],
    [11, 6 * 3_600_000],
    [20, 6 * 3_600_000],
  ])("attempt %i waits about %i ms", (attempts, base) => {
    expect(nextAttemptDelayMs(attempts, () => 0.5)).toBe(base);
    expect(nextAttemptDelayMs(attempts, () => 0)).toBe(Math.round(base * 0.8));
    expect(nextAttemptDelayMs(attempts, () => 0.999999)).toBeLessThanOrEqual(Math.round(base * 1.2));
  });

  it("gives up after a day and a half of retries", () => {
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => nextAttemptDelayMs(i + 1, () => 0.5)).reduce((a, b) => a + b);
    expect(total / 3_600_000).toBeGreaterThan(24);
    expect(total / 3_600_000).toBeLessThan(48);
  });
});
