// The verdict genuine weighed for this visitor's scan: the resolver hands the scan to the durable
// writer, whose batch weighs it (lib/verification/process-scan-batch.ts) within milliseconds. The page
// asks this instance's writer to finish what it holds, then reads the scan by its ref; the public
// answer is masked as the API's is (a never-released unit reads like an unknown one).
import type { Executor } from "@/db/database";
import { findScanByRef } from "@/db/queries/scans";
import { publicVerification } from "@/lib/verification/public-verification";
import type { UnitPath } from "./unit-path";
import type { PublicVerdict } from "./verification-view";

export async function recordedVerdict(db: Executor, ref: string, code: UnitPath, flush: () => Promise<void>): Promise<PublicVerdict | null> {
  await flush();
  const scan = await findScanByRef(db, ref);
  // The cookie is the visitor's; the page's code must be the one that scan was of.
  if (!scan || !scan.verdict || scan.ref === null || scan.gtin === null || scan.serial === null) return null;
  if (scan.gtin !== code.gtin || scan.serial !== code.serial) return null;
  const answer = publicVerification({
    ref: scan.ref,
    scannedAt: scan.scannedAt,
    code: { gtin: scan.gtin, serial: scan.serial, lot: scan.codeLot, expiry: scan.codeExpiry },
    verdict: { level: scan.verdict, risk: scan.risk, codes: scan.reasons },
    productName: "",
    unit: null,
  });
  if (!answer.verdict) return null;
  return { level: answer.verdict.level, publicReasons: [...new Set(answer.verdict.reasons.map((r) => r.publicReason))] };
}
