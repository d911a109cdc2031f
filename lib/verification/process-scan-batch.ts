// The scan writer's batch step for resolver scans: verdicts are weighed per batch, not per request,
// so recording costs the hot path nothing and the database a few statements per batch. For each unit
// named in the batch the facts (product, policy, unit, blacklist, bounded history) are read once; its
// scans are weighed in time order, each seeing the ones before it; the scans and the cases they ask
// for are written in one transaction, so a retried batch (the writer retries failures) neither loses
// nor doubles anything: scans are idempotent by ref, and a batch whose transaction failed left nothing.
import type { Database } from "@/db/database";
import type { VerdictFacts } from "@/db/queries/scan-history";
import { insertScans, type NewScan } from "@/db/queries/scans";
import { recordCase, type RecordCaseInput } from "@/lib/cases/record-case";
import { currentScanOf } from "./current-scan";
import { countMiss, type MissBudget } from "./miss-budget";
import { caseFor, HISTORY_LIMIT, loadFactsFor, scanWithVerdict, weighScan } from "./verdict-for";

/** Weigh and write one batch of scans (serialized codes get verdicts; others are written as they are). */
export async function processScanBatch(db: Database, batch: readonly NewScan[], budget: MissBudget): Promise<void> {
  const groups = new Map<string, NewScan[]>();
  const plain: NewScan[] = [];
  for (const scan of batch) {
    if (scan.gtin === null || scan.serial === null || scan.verdict) plain.push(scan);
    else {
      const key = `${scan.gtin}\u0000${scan.serial}`;
      groups.set(key, [...(groups.get(key) ?? []), scan]);
    }
  }
  const weighed: NewScan[] = [...plain];
  const cases = new Map<string, RecordCaseInput>();
  const refs = new Set(batch.map((s) => s.ref));
  for (const scans of groups.values()) {
    scans.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
    const first = scans[0]!;
    const now = new Date(first.scannedAt);
    const facts: VerdictFacts | null = await loadFactsFor(db, { ...first, gtin: first.gtin!, serial: first.serial! }, now);
    // A retried batch may find some of its own scans already written: they are not their own history.
    const history = (facts?.history ?? []).filter((h) => h.ref === null || !refs.has(h.ref));
    for (const scan of scans) {
      const probing = !facts?.unit && scan.sourceFingerprint !== null ? await countMiss(budget, scan.sourceFingerprint) : false;
      const verification = weighScan(facts, scan, history, probing, new Date(scan.scannedAt));
      weighed.push(scanWithVerdict(scan, verification));
      // Newest first, bounded as the database would return it.
      history.unshift({ ...currentScanOf(scan), ref: scan.ref });
      if (history.length > HISTORY_LIMIT) history.pop();
      const wanted = caseFor(scan, verification);
      if (!wanted) continue;
      const key = `${wanted.organisationId}\u0000${wanted.unit?.id ?? `code:${scan.gtin}/${scan.serial}`}`;
      const held = cases.get(key);
      // One case write per unit and batch: the riskiest verdict of the batch, with every rule that fired in it.
      const base = !held || wanted.verdict.risk >= held.verdict.risk ? wanted : held;
      const byCode = new Map([...(held?.verdict.reasons ?? []), ...wanted.verdict.reasons].map((r) => [r.code, r]));
      cases.set(key, { ...base, verdict: { ...base.verdict, reasons: [...byCode.values()] } });
    }
  }
  await db.transaction(async (tx) => {
    await insertScans(tx, weighed);
    for (const input of cases.values()) await recordCase(tx, input);
  });
}
