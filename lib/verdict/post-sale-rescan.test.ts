import { describe, expect, it } from "vitest";
import { evaluateVerdict } from "./evaluate-verdict";
import { NOW, currentScanOf, hoursAgo, inputOf, pastScan, productOf, unitOf } from "./testing/builders";
import type { VerdictInput } from "./types";

const HOUR_MS = 3_600_000;
const pharma = productOf({ category: "pharmaceutical", intendedMarkets: ["FR"] });
/** Dispensed exactly `hours` before NOW; the current scan is at NOW. */
const dispensedAgo = (hours: number, extra: Partial<VerdictInput> = {}) =>
  inputOf({ product: pharma, unit: unitOf({ status: "dispensed", statusEventTime: hoursAgo(hours) }), ...extra });

type Case = [name: string, input: VerdictInput, fires: boolean];

const cases: Case[] = [
  ["dispensed, scanned the same day", dispensedAgo(2), false],
  ["dispensed, scanned exactly at the 72 h grace", dispensedAgo(72), false],
  ["dispensed, scanned 1 ms after the grace", inputOf({ product: pharma, unit: unitOf({ status: "dispensed", statusEventTime: new Date(NOW.getTime() - 72 * HOUR_MS - 1) }) }), true],
  ["dispensed, scanned a week later", dispensedAgo(168), true],
  ["retail sold single-use (cosmetics, 168 h grace), 100 h later", inputOf({ product: productOf({ category: "cosmetics" }), unit: unitOf({ status: "retail_sold", statusEventTime: hoursAgo(100) }) }), false],
  ["retail sold single-use (cosmetics), 169 h later", inputOf({ product: productOf({ category: "cosmetics" }), unit: unitOf({ status: "retail_sold", statusEventTime: hoursAgo(169) }) }), true],
  ["durable (luxury) sold a year ago", inputOf({ unit: unitOf({ status: "retail_sold", statusEventTime: hoursAgo(9000) }) }), false],
  ["durable made single-use by the product", inputOf({ product: productOf({ policy: { singleUse: true } }), unit: unitOf({ status: "retail_sold", statusEventTime: hoursAgo(100) }) }), true],
  ["pharma made multi-use by the brand", dispensedAgo(168, { brandPolicy: { singleUse: false } }), false],
  ["grace widened by the product", inputOf({ product: productOf({ category: "pharmaceutical", policy: { postSaleGraceHours: 200 } }), unit: unitOf({ status: "dispensed", statusEventTime: hoursAgo(168) }) }), false],
  ["sellable pharma scanned any time", inputOf({ product: pharma, unit: unitOf({ status: "sellable", statusEventTime: hoursAgo(9000) }) }), false],
  ["dispensed without a status time: cannot measure", inputOf({ product: pharma, unit: unitOf({ status: "dispensed", statusEventTime: null }) }), false],
  ["a bot unfurling the link later is no rescan", dispensedAgo(168, { scan: currentScanOf({ userAgentClass: "bot" }) }), false],
  [
    "a person's rescan in the history, current scan a bot",
    dispensedAgo(168, { scan: currentScanOf({ userAgentClass: "bot" }), history: [pastScan(hoursAgo(1), 1)] }),
    true,
  ],
];

describe("post-sale rescan of a single-use unit", () => {
  it.each(cases)("%s", (_name, input, fires) => {
    const verdict = evaluateVerdict(input);
    expect(verdict.reasons.some((r) => r.code === "post_sale_rescan")).toBe(fires);
    if (fires) expect(verdict.level).toBe("suspect");
  });

  it("gives the analyst the sale time, the grace and the late scans", () => {
    const verdict = evaluateVerdict(dispensedAgo(100, { history: [pastScan(hoursAgo(90), 1), pastScan(hoursAgo(10), 2)] }));
    const reason = verdict.reasons.find((r) => r.code === "post_sale_rescan")!;
    expect(reason.evidence).toMatchObject({
      status: "dispensed",
      graceHours: 72,
      scansAfterGrace: 2,
      hoursAfterSale: 100,
      firstAfterGrace: { at: hoursAgo(10).toISOString(), current: false },
      latest: { current: true },
    });
    expect(reason.publicReason).toBe("already_used");
  });
});
