// Retry schedule for failed deliveries: exponential from 30 s, capped at 6 h, with ±20 % jitter so
// a receiver coming back is not hit by every queued delivery at once; dead after 15 attempts (~1.4 days).

export const MAX_ATTEMPTS = 15;

export function nextAttemptDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
