// From the reasons that fired to one answer: level, risk score, case and what the consumer is told.
import type { CaseSeverity, VerdictLevel } from "@/db/schema/enums";
import { VERDICT_RULES } from "./rules-catalogue";
import type { PublicReason, ReasonSeverity, VerdictReason } from "./types";

/**
 * Precedence, lowest first. Counterfeit beats everything: the record proves the pack is not the unit,
 * so its recall does not concern it. Recalled beats suspect: whether the pack is the real recalled
 * unit or a copy, "do not use it, here is what to do" is right, and the recall notice says how.
 * Suspect beats expired: the printed date already tells the holder it is expired, a suspected clone
 * is news. Expired beats caution, caution beats genuine.
 */
export const levelPrecedence: readonly VerdictLevel[] = ["genuine", "caution", "expired", "suspect", "recalled", "counterfeit"];

const rank = (level: VerdictLevel) => levelPrecedence.indexOf(level);

const levelOfSeverity: Readonly<Record<ReasonSeverity, VerdictLevel>> = {
  info: "genuine",
  caution: "caution",
  suspect: "suspect",
  counterfeit: "counterfeit",
};

const severityRank: Readonly<Record<ReasonSeverity, number>> = { info: 0, caution: 1, suspect: 2, counterfeit: 3 };

/** The level one reason asks for: its rule's own answer (recalled, expired) or its severity's. */
export function levelOfReason(reason: VerdictReason): VerdictLevel {
  return VERDICT_RULES[reason.code].answer ?? levelOfSeverity[reason.severity];
}

/** The highest level any reason asks for; genuine when none fired. */
export function levelOf(reasons: readonly VerdictReason[]): VerdictLevel {
  let level: VerdictLevel = "genuine";
  for (const reason of reasons) {
    const candidate = levelOfReason(reason);
    if (rank(candidate) > rank(level)) level = candidate;
  }
  return level;
}

/**
 * Noisy-OR of the weights: 100 × (1 − Π(1 − wᵢ)). Each reason is treated as independent evidence,
 * so adding a reason never lowers the score, two weak signals add up, and the score stays below 100
 * short of rounding. Weights are clamped to [0, 0.99] so a bad weight cannot break the bounds.
 */
export function riskOf(reasons: readonly VerdictReason[]): number {
  let clean = 1;
  for (const reason of reasons) clean *= 1 - Math.min(0.99, Math.max(0, reason.weight));
  return Math.round(100 * (1 - clean));
}

export function maxSeverity(reasons: readonly VerdictReason[]): ReasonSeverity {
  let worst: ReasonSeverity = "info";
  for (const reason of reasons) if (severityRank[reason.severity] > severityRank[worst]) worst = reason.severity;
  return worst;
}

export function opensCase(reasons: readonly VerdictReason[]): boolean {
  return severityRank[maxSeverity(reasons)] >= severityRank.suspect;
}

/** The case queue sorts by risk; the severity bands follow it. */
export function caseSeverityOf(risk: number): CaseSeverity {
  if (risk >= 90) return "critical";
  if (risk >= 75) return "high";
  if (risk >= 50) return "medium";
  return "low";
}

/** Worst first: by level precedence, then by weight. */
export function orderReasons(reasons: readonly VerdictReason[]): VerdictReason[] {
  return [...reasons].sort((a, b) => rank(levelOfReason(b)) - rank(levelOfReason(a)) || b.weight - a.weight);
}

/**
 * When any reason hides the record, every public reason becomes "unknown": a not-released or
 * forged-code answer that also said "outside your market" would confirm the serial exists.
 */
export function maskPublicReasons(reasons: readonly VerdictReason[]): VerdictReason[] {
  if (!reasons.some((reason) => VERDICT_RULES[reason.code].hidesRecord)) return [...reasons];
  return reasons.map((reason) => ({ ...reason, publicReason: "unknown" }));
}

export function publicReasonsOf(ordered: readonly VerdictReason[]): PublicReason[] {
  const seen = new Set<PublicReason>();
  for (const reason of ordered) if (reason.publicReason !== "none") seen.add(reason.publicReason);
  return seen.size > 0 ? [...seen] : ["none"];
}
