// The scan being answered, as the verdict engine reads it, from the row about to be written: the
// resolver and the scan API build that row first, so both ask the engine the same question.
import type { NewScan } from "@/db/queries/scans";
import type { CurrentScan } from "@/lib/verdict";

export function currentScanOf(scan: NewScan): CurrentScan {
  return {
    ref: scan.ref,
    at: new Date(scan.scannedAt),
    country: scan.country,
    lat: scan.latitude,
    lon: scan.longitude,
    sourceFingerprint: scan.sourceFingerprint,
    deviceFingerprint: scan.deviceFingerprint,
    userAgentClass: scan.userAgentClass,
    codeLot: scan.codeLot,
    codeExpiry: scan.codeExpiry,
  };
}
