import { describe, expect, it } from "vitest";
import { withArticle } from "./role-label";

describe("withArticle", () => {
  it.each([
    ["owner", "an owner"],
    ["analyst", "an analyst"],
    ["editor", "an editor"],
    ["retailer", "a retailer"],
  ] as const)("%s → %s", (role, text) => {
    expect(withArticle(role)).toBe(text);
  });
});
