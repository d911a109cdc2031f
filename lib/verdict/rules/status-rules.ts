// Rules on the unit's lifecycle status: where a genuine pack can no longer be, or must not be used.
import { isExpiredAt } from "@/lib/lifecycle";
import type { UnitStatus } from "@/db/schema/enums";
import type { VerdictUnit } from "../types";
import { scanEvidence } from "../scan-timeline";
import { reasonOf, type VerdictRule } from "./rule-context";

const HOUR_MS = 3_600_000;

function statusEvidence(unit: VerdictUnit) {
  return { status: unit.status, statusEventTime: unit.statusEventTime?.toISOString() ?? null };
}

function statusRule(status: UnitStatus, code: "destroyed" | "decommissioned" | "stolen" | "recalled"): VerdictRule {
  return ({ input }) => (input.unit?.status === status ? reasonOf(code, statusEvidence(input.unit)) : null);
}

/** A destroyed pack does not exist: whatever carries its code is a copy. */
export const destroyed = statusRule("destroyed", "destroyed");
/** Out of the supply chain (sample, export, damage, quarantine): not for sale to anyone. */
export const decommissioned = statusRule("decommissioned", "decommissioned");
/**
 * Suspect, not counterfeit: the pack in hand may be the genuine stolen one (a real product that left
 * the controlled chain, so not to be trusted either) or a copy of its code. Either way an analyst
 * should look, and the consumer is told it was reported stolen.
 */
export const stolen = statusRule("stolen", "stolen");
export const recalled = statusRule("recalled", "recalled");

/**
 * Recorded as expired, or past the expiry date (inclusive: usable through that day, UTC). With no
 * expiry on record the code's own expiry is used: it is what the consumer reads on the pack anyway.
 */
export const expired: VerdictRule = ({ input }) => {
  const unit = input.unit;
  if (!unit) return null;
  if (unit.status === "expired") return reasonOf("expired", { ...statusEvidence(unit), expiryDate: unit.expiryDate, source: "status" });
  const expiryDate = unit.expiryDate ?? input.scan.codeExpiry;
  if (expiryDate === null || !isExpiredAt(expiryDate, input.now)) return null;
  return reasonOf("expired", { expiryDate, today: input.now.toISOString().slice(0, 10), source: unit.expiryDate ? "record" : "code" });
};

const soldStatuses: ReadonlySet<UnitStatus> = new Set(["retail_sold", "dispensed"]);

/**
 * A single-use unit is checked around its sale and then used up; people scanning it again long after
 * suggests its code was copied. Bots do not count (a chat app unfurling the link is not a rescan).
 */
export const postSaleRescan: VerdictRule = ({ input, policy, timeline }) => {
  const unit = input.unit;
  if (!unit || !policy.singleUse || !soldStatuses.has(unit.status) || unit.statusEventTime === null) return null;
  const soldAt = unit.statusEventTime.getTime();
  const deadline = soldAt + policy.postSaleGraceHours * HOUR_MS;
  const late = timeline.filter((scan) => scan.time > deadline);
  const latest = late.at(-1);
  if (!latest) return null;
  return reasonOf("post_sale_rescan", {
    ...statusEvidence(unit),
    graceHours: policy.postSaleGraceHours,
    scansAfterGrace: late.length,
    firstAfterGrace: scanEvidence(late[0]!),
    latest: scanEvidence(latest),
    hoursAfterSale: round1((latest.time - soldAt) / HOUR_MS),
  });
};

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
