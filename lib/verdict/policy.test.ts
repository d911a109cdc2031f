import { describe, expect, it } from "vitest";
import { productCategories, type ProductCategory } from "@/db/schema/enums";
import { DEFAULT_VERDICT_POLICY, mergePolicy, type ResolvedVerdictPolicy, type VerdictPolicyOverrides } from "./policy";

const base = DEFAULT_VERDICT_POLICY.base;

type Case = [
  name: string,
  brand: VerdictPolicyOverrides | null,
  product: VerdictPolicyOverrides | null,
  category: ProductCategory | null,
  expected: Partial<ResolvedVerdictPolicy>,
];

const cases: Case[] = [
  ["no category, no overrides: the base", null, null, null, base],
  ["durable category: the base", null, null, "luxury", { maxDistinctScanners: 10, singleUse: false }],
  ["pharmaceutical: single use, 3 scanners, 72 h", null, null, "pharmaceutical", { maxDistinctScanners: 3, singleUse: true, postSaleGraceHours: 72 }],
  ["cosmetics: single use, 3 scanners, a week", null, null, "cosmetics", { maxDistinctScanners: 3, singleUse: true, postSaleGraceHours: 168 }],
  ["food and beverage: 5 scanners", null, null, "food_beverage", { maxDistinctScanners: 5, singleUse: true }],
  ["brand over category", { maxDistinctScanners: 6 }, null, "pharmaceutical", { maxDistinctScanners: 6, singleUse: true }],
  ["product over brand", { maxDistinctScanners: 6 }, { maxDistinctScanners: 8 }, "pharmaceutical", { maxDistinctScanners: 8 }],
  ["product sets only what it names", { burstLimit: 9 }, { maxDistinctScanners: 8 }, null, { burstLimit: 9, maxDistinctScanners: 8 }],
  ["singleUse false on the product beats the category", null, { singleUse: false }, "pharmaceutical", { singleUse: false }],
  ["zero is a real limit for counts", { maxDistinctScanners: 0, postSaleGraceHours: 0 }, null, null, { maxDistinctScanners: 0, postSaleGraceHours: 0 }],
  ["negative values are ignored", { maxDistinctScanners: -2 }, null, "pharmaceutical", { maxDistinctScanners: 3 }],
  ["a zero speed is ignored (it would flag every hop)", { maxTravelSpeedKmh: 0 }, null, null, { maxTravelSpeedKmh: 900 }],
  ["NaN and Infinity are ignored", { burstLimit: Number.NaN, maxTravelSpeedKmh: Number.POSITIVE_INFINITY }, null, null, { burstLimit: 5, maxTravelSpeedKmh: 900 }],
  ["a probing limit below 1 is ignored", { probingMissLimit: 0 }, null, null, { probingMissLimit: 20 }],
  ["a bad product value falls back to the brand's", { burstLimit: 7 }, { burstLimit: -1 }, null, { burstLimit: 7 }],
];

describe("mergePolicy: defaults ← category ← brand ← product", () => {
  it.each(cases)("%s", (_name, brand, product, category, expected) => {
    expect(mergePolicy(DEFAULT_VERDICT_POLICY, brand, product, category)).toMatchObject(expected);
  });

  it("ignores values of the wrong type in stored JSON", () => {
    const stored = JSON.parse('{"maxDistinctScanners":"12","singleUse":"yes","burstLimit":null}') as VerdictPolicyOverrides;
    expect(mergePolicy(DEFAULT_VERDICT_POLICY, stored, null, null)).toEqual(base);
  });

  it("resolves every category to a complete policy", () => {
    for (const category of productCategories) {
      const policy = mergePolicy(DEFAULT_VERDICT_POLICY, null, null, category);
      expect(Object.keys(policy).sort()).toEqual(Object.keys(base).sort());
    }
  });

  it("does not change the defaults it is given", () => {
    mergePolicy(DEFAULT_VERDICT_POLICY, { burstLimit: 1 }, { maxDistinctScanners: 1 }, "pharmaceutical");
    expect(DEFAULT_VERDICT_POLICY.base.burstLimit).toBe(5);
    expect(DEFAULT_VERDICT_POLICY.categories.pharmaceutical?.maxDistinctScanners).toBe(3);
  });
});
