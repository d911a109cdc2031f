import { describe, expect, it } from "vitest";
import { rateLimitPolicies, rateLimitPolicyNames } from "./policies";

describe("rate-limit policies", () => {
  it.each(rateLimitPolicyNames)("%s has a positive whole limit and window", (name) => {
    const { limit, windowMs } = rateLimitPolicies[name];
    expect(Number.isInteger(limit) && limit > 0).toBe(true);
    expect(Number.isInteger(windowMs) && windowMs >= 1_000).toBe(true);
  });

  it("limits one account more tightly than one source", () => {
    expect(rateLimitPolicies.signIn.limit).toBeLessThan(rateLimitPolicies.signInSource.limit);
  });
});
