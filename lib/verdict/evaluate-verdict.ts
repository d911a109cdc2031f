// The verdict for one scan: every rule over the record and the bounded history, then one answer.
import {
  caseSeverityOf,
  levelOf,
  maskPublicReasons,
  opensCase,
  orderReasons,
  publicReasonsOf,
  riskOf,
} from "./combine";
import { DEFAULT_VERDICT_POLICY, mergePolicy, type ResolvedVerdictPolicy, type VerdictPolicyDefaults } from "./policy";
import { distinctScanners } from "./rules/distinct-scanners";
import { impossibleTravel } from "./rules/impossible-travel";
import { blacklisted, forgedCode, notReleased, unknownGtin, unknownSerial } from "./rules/record-rules";
import type { RuleContext, VerdictRule } from "./rules/rule-context";
import { botScan, burst, outOfMarket, probing } from "./rules/scan-behaviour-rules";
import { decommissioned, destroyed, expired, postSaleRescan, recalled, stolen } from "./rules/status-rules";
import { humanTimeline, isBot } from "./scan-timeline";
import type { Verdict, VerdictInput, VerdictReason } from "./types";

/** Every rule, in catalogue order; each is silent (null) or gives one reason. */
export const verdictRules: readonly VerdictRule[] = [
  unknownGtin,
  unknownSerial,
  notReleased,
  forgedCode,
  blacklisted,
  destroyed,
  decommissioned,
  stolen,
  postSaleRescan,
  recalled,
  expired,
  distinctScanners,
  impossibleTravel,
  outOfMarket,
  burst,
  probing,
  botScan,
];

/** The policy a verdict uses: built-in defaults ← category ← brand ← product. */
export function policyFor(input: Pick<VerdictInput, "brandPolicy" | "product">, defaults: VerdictPolicyDefaults = DEFAULT_VERDICT_POLICY): ResolvedVerdictPolicy {
  return mergePolicy(defaults, input.brandPolicy, input.product?.policy ?? null, input.product?.category ?? null);
}

/** Level, risk and case from reasons that already fired (exported for the console and the tests). */
export function combineReasons(fired: readonly VerdictReason[], options: { bot: boolean; tenantKnown: boolean }): Verdict {
  const reasons = orderReasons(maskPublicReasons(fired));
  const risk = riskOf(reasons);
  // A bot never opens a case on its own, and an unknown GTIN has no brand to open one for.
  const openCase = opensCase(reasons) && !options.bot && options.tenantKnown;
  return {
    level: levelOf(reasons),
    risk,
    reasons,
    publicReasons: publicReasonsOf(reasons),
    openCase,
    caseSeverity: openCase ? caseSeverityOf(risk) : null,
  };
}

/**
 * Pure: no clock (input.now), no I/O. Cost O(n log n) in the history length (one sort), every rule a
 * single pass; the caller bounds the history, so the cost never grows with a unit's total scans.
 */
export function evaluateVerdict(input: VerdictInput, defaults: VerdictPolicyDefaults = DEFAULT_VERDICT_POLICY): Verdict {
  const ctx: RuleContext = {
    input,
    policy: policyFor(input, defaults),
    timeline: humanTimeline(input),
    currentIsBot: isBot(input.scan),
  };
  const fired: VerdictReason[] = [];
  for (const rule of verdictRules) {
    const reason = rule(ctx);
    if (reason) fired.push(reason);
  }
  return combineReasons(fired, { bot: ctx.currentIsBot, tenantKnown: input.product !== null });
}
