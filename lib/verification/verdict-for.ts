// The verdict for one scan on real data: load what the engine reads (a few indexed queries, bounded
// history), count a miss when the code names no unit, weigh, and put the answer on the scan row.
import type { Executor } from "@/db/database";
import { loadVerdictFacts, type VerdictFacts } from "@/db/queries/scan-history";
import type { NewScan } from "@/db/queries/scans";
import type { RecordCaseInput } from "@/lib/cases/record-case";
import { rateLimitPolicies } from "@/lib/rate-limit/policies";
import { evaluateVerdict, type Verdict } from "@/lib/verdict";
import { currentScanOf } from "./current-scan";

/** The history the engine weighs: the last 200 scans within 180 days (README: why these bounds). */
export const HISTORY_LIMIT = 200;
export const HISTORY_DAYS = 180;
/** Misses are counted over the scanMiss window, and no further than any probing limit needs. */
const MISS_WINDOW_MS = rateLimitPolicies.scanMiss.windowMs;
const MISS_COUNT_LIMIT = 100;

export interface ScanVerification {
  /** What was loaded; null when the GTIN is no product genuine knows. */
  facts: VerdictFacts | null;
  verdict: Verdict;
  /** The source went over its unknown-serial budget with this scan. */
  probing: boolean;
}

export interface VerdictOptions {
  now?: Date;
  /** Called once when the code names no unit (unknown GTIN or serial): true when the source is over its miss budget. */
  countMiss?: () => Promise<boolean>;
}

/** What the facts say of one scan (none when the GTIN is unknown), given the history it follows. */
export function weighScan(facts: VerdictFacts | null, scan: NewScan, history: VerdictFacts["history"], probing: boolean, now: Date): ScanVerification {
  // Misses not yet written (the resolver's writer batches) are known to the limiter: when it says the
  // source is over budget, the count is at least the budget.
  const sourceMisses = Math.max(facts?.sourceMisses ?? 0, probing ? rateLimitPolicies.scanMiss.limit : 0);
  const verdict = evaluateVerdict({
    unit: facts?.unit ?? null,
    product: facts ? { category: facts.product.category, intendedMarkets: facts.product.intendedMarkets, policy: facts.product.verdictPolicy } : null,
    brandPolicy: facts?.brandPolicy ?? null,
    blacklisted: facts?.blacklisted ?? false,
    scan: currentScanOf(scan),
    history,
    sourceMisses,
    now,
  });
  return { facts, verdict, probing };
}

/** The facts a verdict reads for the scan's code, bounded as README.md says. */
export function loadFactsFor(db: Executor, scan: NewScan & { gtin: string; serial: string }, now: Date): Promise<VerdictFacts | null> {
  return loadVerdictFacts(db, {
    gtin: scan.gtin,
    serial: scan.serial,
    sourceFingerprint: scan.sourceFingerprint,
    missesSince: new Date(now.getTime() - MISS_WINDOW_MS),
    missesLimit: MISS_COUNT_LIMIT,
    historySince: new Date(now.getTime() - HISTORY_DAYS * 86_400_000),
    historyLimit: HISTORY_LIMIT,
  });
}

/** The verdict for a scan about to be written (it is not in its own history yet). Needs its GTIN and serial. */
export async function verdictFor(db: Executor, scan: NewScan, options: VerdictOptions = {}): Promise<ScanVerification> {
  if (scan.gtin === null || scan.serial === null) throw new Error("verdictFor: the scan names no serialized unit");
  const now = options.now ?? new Date(scan.scannedAt);
  const facts = await loadFactsFor(db, { ...scan, gtin: scan.gtin, serial: scan.serial }, now);
  const probing = (facts?.unit ?? null) === null && options.countMiss ? await options.countMiss() : false;
  return weighScan(facts, scan, facts?.history ?? [], probing, now);
}

/** The scan row carrying its verdict: level, risk, the codes of the rules that fired, and its unit and brand. */
export function scanWithVerdict(scan: NewScan, { facts, verdict, probing }: ScanVerification): NewScan {
  const reasons = new Set([...(scan.reasons ?? []), ...verdict.reasons.map((r) => r.code)]);
  if (probing) reasons.add("probing");
  const unit = facts?.unit ?? null;
  return {
    ...scan,
    organisationId: facts?.product.organisationId ?? scan.organisationId,
    unitId: unit?.id ?? scan.unitId ?? null,
    // The raw code is kept as evidence only when it names no unit.
    rawCode: unit ? null : scan.rawCode,
    verdict: verdict.level,
    risk: verdict.risk,
    reasons: [...reasons],
  };
}

/** What recordCase needs for this scan, or null when the verdict opens no case (or no brand owns the code). */
export function caseFor(scan: NewScan, { facts, verdict }: ScanVerification): RecordCaseInput | null {
  if (!verdict.openCase || !facts) return null;
  return {
    organisationId: facts.product.organisationId,
    unit: facts.unit ? { id: facts.unit.id, lot: facts.unit.lot } : null,
    product: { id: facts.product.id, gtin: facts.product.gtin },
    verdict,
    scan: { ref: scan.ref, at: new Date(scan.scannedAt), country: scan.country, serial: scan.serial, codeLot: scan.codeLot },
  };
}
