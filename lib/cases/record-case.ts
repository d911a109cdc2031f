// A verdict that asks for a case becomes one: opened, or merged into the unit's active case, with an
// activity entry and — for a new case — the case.opened webhook and alerts, all in one transaction.
import type { Executor } from "@/db/database";
import { addCaseActivity, findActiveCodeCase, insertCodeCase, lockKey, mergeIntoCase, upsertUnitCase, type CaseEvidence, type MergedCase } from "@/db/queries/cases";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { enqueueCaseAlerts } from "@/lib/alerts/enqueue-case-alerts";
import { toRuleEvidence, type Verdict } from "@/lib/verdict";
import { isUniqueViolation } from "./unique-violation";

export interface CaseScan {
  ref: string;
  at: Date;
  country: string | null;
  /** Serial and lot as printed in the code: a code naming no unit is filed under them. */
  serial: string | null;
  codeLot: string | null;
}

export interface RecordCaseInput {
  organisationId: string;
  unit: { id: number; lot: string | null } | null;
  product: { id: string; gtin: string };
  verdict: Pick<Verdict, "openCase" | "caseSeverity" | "risk" | "reasons" | "level">;
  scan: CaseScan;
}

export interface RecordedCase extends MergedCase {
  organisationId: string;
}

// Two new cases of one brand at the same instant can draw the same number; the loser retries.
const NUMBER_ATTEMPTS = 5;

/**
 * Opens or updates the case a verdict asks for; null when it asks for none. Call it inside the
 * transaction that records the scan where there is one (it nests as a savepoint).
 *
 * Codes that name no unit (unknown serials) cannot use the one-active-case-per-unit index: they are
 * grouped per brand, GTIN and serial as scanned — every scan of one invented serial lands in one case —
 * under a transaction-scoped advisory lock instead.
 */
export async function recordCase(db: Executor, input: RecordCaseInput): Promise<RecordedCase | null> {
  const { verdict, scan } = input;
  if (!verdict.openCase || verdict.caseSeverity === null) return null;
  const evidence: CaseEvidence = {
    organisationId: input.organisationId,
    unitId: input.unit?.id ?? null,
    productId: input.product.id,
    gtin: input.product.gtin,
    serial: scan.serial,
    lot: input.unit?.lot ?? scan.codeLot,
    severity: verdict.caseSeverity,
    risk: verdict.risk,
    rules: verdict.reasons.map((r) => r.code),
    evidence: toRuleEvidence(verdict).map((e) => ({ ...e, detail: { ...e.detail, scanRef: scan.ref, at: scan.at.toISOString() } })),
    country: scan.country,
    seenAt: scan.at,
  };

  return db.transaction(async (tx) => {
    const merged = await withNumberRetry(tx, input.organisationId, (sp) => (evidence.unitId !== null ? upsertUnitCase(sp, { ...evidence, unitId: evidence.unitId }) : openOrMergeCodeCase(sp, evidence)));
    const summary = `${evidence.rules.join(", ")} (${verdict.level}, risk ${verdict.risk}${scan.country ? `, ${scan.country}` : ""}), scan ${scan.ref}`;
    await addCaseActivity(tx, {
      caseId: merged.id,
      organisationId: input.organisationId,
      kind: merged.opened ? "opened" : "rule_fired",
      body: merged.opened ? `Opened by ${summary}` : summary,
    });
    if (merged.opened) {
      await enqueueWebhookEvent(tx, input.organisationId, "case.opened", {
        caseId: merged.id,
        number: merged.number,
        gtin: evidence.gtin,
        serial: evidence.serial,
        lot: evidence.lot,
        severity: evidence.severity,
        risk: evidence.risk,
        rules: evidence.rules,
        level: verdict.level,
        scanRef: scan.ref,
        seenAt: scan.at.toISOString(),
      });
      await enqueueCaseAlerts(tx, { organisationId: input.organisationId, event: "case.opened", caseId: merged.id });
    }
    return { ...merged, organisationId: input.organisationId };
  });
}

async function openOrMergeCodeCase(tx: Executor, evidence: CaseEvidence): Promise<MergedCase> {
  await lockKey(tx, `case:${evidence.organisationId}:${evidence.gtin}:${evidence.serial ?? ""}`);
  const active = await findActiveCodeCase(tx, evidence.organisationId, evidence.gtin, evidence.serial);
  if (!active) return insertCodeCase(tx, evidence);
  await mergeIntoCase(tx, evidence.organisationId, active.id, evidence);
  return { id: active.id, number: active.number, opened: false };
}

/**
 * Each attempt in its own savepoint, so a lost race on the number leaves the transaction usable. A
 * writer that lost once takes the brand's case-number lock before trying again: losers then queue
 * behind one another instead of colliding again, and only first attempts run unserialised.
 */
async function withNumberRetry(tx: Executor, organisationId: string, write: (sp: Executor) => Promise<MergedCase>): Promise<MergedCase> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await tx.transaction((sp) => write(sp));
    } catch (error) {
      if (attempt >= NUMBER_ATTEMPTS || !isUniqueViolation(error, "cases_number_key")) throw error;
      if (attempt === 1) await lockKey(tx, `case-number:${organisationId}`);
    }
  }
}
