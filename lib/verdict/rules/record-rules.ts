// Rules on the record alone: is this a code genuine ever issued, released, and printed as recorded?
import type { UnitStatus } from "@/db/schema/enums";
import type { EvidenceValue } from "../types";
import { reasonOf, type VerdictRule } from "./rule-context";

export const unknownGtin: VerdictRule = ({ input }) =>
  input.product === null ? reasonOf("unknown_gtin", { codeLot: input.scan.codeLot, codeExpiry: input.scan.codeExpiry }) : null;

export const unknownSerial: VerdictRule = ({ input }) =>
  input.product !== null && input.unit === null ? reasonOf("unknown_serial", { codeLot: input.scan.codeLot, codeExpiry: input.scan.codeExpiry }) : null;

const unreleasedStatuses: ReadonlySet<UnitStatus> = new Set(["issued", "commissioned"]);

/**
 * Issued or commissioned and never shipped. A recorded market also proves a shipment: markets come
 * only from shipping and receiving events. Commissioned after a reversal (EU FMD undo of a sale)
 * counts as released when the caller says so with shippedEver.
 */
export const notReleased: VerdictRule = ({ input }) => {
  const unit = input.unit;
  if (!unit || !unreleasedStatuses.has(unit.status)) return null;
  if (unit.shippedEver === true || unit.markets.length > 0) return null;
  return reasonOf("not_released", {
    status: unit.status,
    commissionedAt: unit.commissionedAt?.toISOString() ?? null,
    statusEventTime: unit.statusEventTime?.toISOString() ?? null,
  });
};

/**
 * The code says one lot or expiry, the record another: the code was made by someone who knew a
 * serial but not its data. Only fields present on both sides are compared (many codes carry no lot).
 * Expiry is compared as ISO dates, the code's day "00" already resolved by the GS1 date parser.
 */
export const forgedCode: VerdictRule = ({ input }) => {
  const unit = input.unit;
  if (!unit) return null;
  const mismatches: EvidenceValue[] = [];
  const { codeLot, codeExpiry } = input.scan;
  if (codeLot !== null && unit.lot !== null && codeLot !== unit.lot) {
    mismatches.push({ field: "lot", code: codeLot, record: unit.lot });
  }
  if (codeExpiry !== null && unit.expiryDate !== null && codeExpiry !== unit.expiryDate) {
    mismatches.push({ field: "expiry", code: codeExpiry, record: unit.expiryDate });
  }
  return mismatches.length > 0 ? reasonOf("forged_code", { mismatches }) : null;
};

export const blacklisted: VerdictRule = ({ input }) => (input.blacklisted ? reasonOf("blacklisted", { serialBlacklisted: true }) : null);
