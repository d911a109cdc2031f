// The verdict genuine weighed for this visitor's scan: the resolver hands the scan to the durable
// writer, whose batch weighs it (lib/verification/process-scan-batch.ts) within milliseconds. The page
// asks this instance's writer to finish what it holds, then reads the scan by its ref; the public
// answer is masked as the API's is (a never-released unit reads like an unknown one).
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/database";
import { findScanByRef, type NewScan } from "@/db/queries/scans";
import { gs1DateToIso } from "@/lib/gs1";
import { userAgentClass } from "@/lib/scans/user-agent-class";
import { publicVerification, type PublicVerification } from "@/lib/verification/public-verification";
import { verdictFor } from "@/lib/verification/verdict-for";
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
  return toPageVerdict(answer);
}

function toPageVerdict(answer: PublicVerification): PublicVerdict | null {
  if (!answer.verdict) return null;
  return { level: answer.verdict.level, publicReasons: [...new Set(answer.verdict.reasons.map((r) => r.publicReason))] };
}

/**
 * Without a recorded scan (the page opened directly, cookies refused, or the scan still on its way from
 * another instance): the verdict weighed now for the code on the page — the record, its lot and expiry
 * against the code's, and the unit's history — without recording anything.
 */
export async function verdictForCode(db: Executor, code: UnitPath, headers: Headers, now = new Date()): Promise<PublicVerdict | null> {
  if (code.serial === null) return null;
  const scan: NewScan = {
    ref: randomUUID(),
    scannedAt: now.toISOString(),
    organisationId: null,
    gtin: code.gtin,
    serial: code.serial,
    codeLot: code.lot,
    codeExpiry: code.expiry ? gs1DateToIso(code.expiry, now) : null,
    rawCode: null,
    country: null,
    region: null,
    city: null,
    latitude: null,
    longitude: null,
    sourceFingerprint: null,
    deviceFingerprint: null,
    userAgentClass: userAgentClass(headers.get("user-agent")),
    channel: "consumer",
    language: null,
    linkType: null,
    context: null,
  };
  const weighed = await verdictFor(db, scan, { now });
  return toPageVerdict(
    publicVerification({
      ref: scan.ref,
      scannedAt: now,
      code: { gtin: code.gtin, serial: code.serial, lot: code.lot, expiry: scan.codeExpiry },
      verdict: { level: weighed.verdict.level, risk: weighed.verdict.risk, codes: weighed.verdict.reasons.map((r) => r.code) },
      productName: weighed.facts ? "" : null,
      unit: null,
    }),
  );
}
