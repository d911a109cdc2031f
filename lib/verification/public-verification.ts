// What a consumer, a brand's app or the verification page may be told about one scan. Pure. A code the
// record must not confirm (unknown, not released, forged) answers one fixed shape, whatever else fired:
// the same level, risk and reason, and the code's own data echoed back — never the record's.
import type { UnitStatus, VerdictLevel } from "@/db/schema/enums";
import { reasonCodes, VERDICT_RULES, type PublicReason, type ReasonCode } from "@/lib/verdict";

export type ConsumerStatus = "unknown" | "active" | "sold" | "dispensed" | "decommissioned" | "destroyed" | "stolen" | "recalled" | "expired";

const consumerStatuses: Readonly<Record<UnitStatus, ConsumerStatus>> = {
  issued: "unknown",
  commissioned: "unknown",
  in_transit: "active",
  sellable: "active",
  returned: "active",
  retail_sold: "sold",
  dispensed: "dispensed",
  decommissioned: "decommissioned",
  destroyed: "destroyed",
  stolen: "stolen",
  recalled: "recalled",
  expired: "expired",
};

/** The unit's status in words a consumer may read; never says "not yet released". */
export function consumerStatusOf(status: UnitStatus): ConsumerStatus {
  return consumerStatuses[status];
}

export interface PublicVerdict {
  level: VerdictLevel;
  risk: number;
  reasons: { code: ReasonCode; publicReason: PublicReason }[];
}

export interface PublicVerification {
  scanId: string;
  scannedAt: string;
  verdict: PublicVerdict | null;
  unit: {
    gtin: string;
    serial: string;
    lot: string | null;
    expiryDate: string | null;
    status: ConsumerStatus;
    productName: string | null;
  };
}

export interface VerificationFacts {
  ref: string;
  scannedAt: Date;
  /** What the code said. */
  code: { gtin: string; serial: string; lot: string | null; expiry: string | null };
  /** The verdict as recorded: level, risk and reason codes worst first; null when none was computed. */
  verdict: { level: VerdictLevel; risk: number; codes: readonly string[] } | null;
  productName: string | null;
  unit: { lot: string | null; expiryDate: string | null; status: UnitStatus } | null;
}

const knownCodes: ReadonlySet<string> = new Set(reasonCodes);
const isReasonCode = (code: string): code is ReasonCode => knownCodes.has(code);

/** The one answer for every code the record hides, so none can be told from another. */
function maskedVerdict(productKnown: boolean): PublicVerdict {
  const code: ReasonCode = productKnown ? "unknown_serial" : "unknown_gtin";
  return { level: "counterfeit", risk: Math.round(100 * VERDICT_RULES[code].weight), reasons: [{ code, publicReason: "unknown" }] };
}

export function publicVerification(f: VerificationFacts): PublicVerification {
  const codes = (f.verdict?.codes ?? []).filter(isReasonCode);
  const hidden = f.verdict
    ? codes.some((code) => VERDICT_RULES[code].hidesRecord)
    : f.unit === null || consumerStatusOf(f.unit.status) === "unknown";
  const echo = { gtin: f.code.gtin, serial: f.code.serial, productName: f.productName };
  if (hidden) {
    return {
      scanId: f.ref,
      scannedAt: f.scannedAt.toISOString(),
      verdict: f.verdict ? maskedVerdict(f.productName !== null) : null,
      unit: { ...echo, lot: f.code.lot, expiryDate: f.code.expiry, status: "unknown" },
    };
  }
  const reasons = [...new Set(codes)]
    .map((code) => ({ code, publicReason: VERDICT_RULES[code].publicReason }))
    .filter((r) => r.publicReason !== "none");
  return {
    scanId: f.ref,
    scannedAt: f.scannedAt.toISOString(),
    verdict: f.verdict ? { level: f.verdict.level, risk: f.verdict.risk, reasons } : null,
    unit: { ...echo, lot: f.unit?.lot ?? f.code.lot, expiryDate: f.unit?.expiryDate ?? f.code.expiry, status: f.unit ? consumerStatusOf(f.unit.status) : "unknown" },
  };
}
