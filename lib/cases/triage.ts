// What an analyst does to cases — change status, assign, comment, blacklist the serial — for one case
// (the case page) or many (the queue's bulk bar). Each call is one transaction: the cases, their
// activity entries, the alert e-mails and the webhook deliveries commit together or not at all.
// The audit log is the caller's (server actions call ctx.audit once the call returns).
import type { Executor } from "@/db/database";
import {
  addCaseActivities,
  findBrandMember,
  findCase,
  findOtherActiveCase,
  insertBlacklistEntry,
  lockCasesForTriage,
  lockKey,
  setCasesAssignee,
  setCasesStatus,
  touchCase,
  type NewCaseActivity,
  type TriageCase,
} from "@/db/queries/cases";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import type { CaseStatus } from "@/db/schema";
import { roleAllows } from "@/lib/access/permissions";
import { enqueueCaseAlerts } from "@/lib/alerts/enqueue-case-alerts";
import { AppError } from "@/lib/http/problem";
import { caseStatusLabel, closedAtAfter, isClosedStatus, transitionRefusal } from "./case-status";
import { isUniqueViolation } from "./unique-violation";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_NOTE_LENGTH = 5000;
/** A bulk action takes at most this many cases (two pages of the queue). */
export const MAX_BULK_CASES = 100;

export interface ChangeCaseStatusInput {
  organisationId: string;
  caseIds: readonly string[];
  toStatus: CaseStatus;
  actorUserId: string | null;
  note?: string | null;
}

export interface ChangeCaseStatusResult {
  changed: string[];
  /** number is the case's, for messages; null for ids that are not the brand's cases. */
  refused: { caseId: string; reason: string; number: number | null }[];
}

/**
 * Moves each case that may make the move (lib/cases/case-status.ts) and refuses the others with a
 * reason; ids that are not the brand's cases are refused as "not found", never touched.
 *
 * Reopening a decided case is refused while the unit has another active case (cases_active_unit_key
 * allows one): a scan after the decision opened a new case, and that is the one to work on.
 */
export async function changeCaseStatus(db: Executor, input: ChangeCaseStatusInput): Promise<ChangeCaseStatusResult> {
  const ids = bulkIds(input.caseIds);
  const note = cleanNote(input.note);
  return db.transaction(async (tx) => {
    const found = await lockCasesForTriage(tx, input.organisationId, ids.valid);
    const refused: ChangeCaseStatusResult["refused"] = [...ids.invalid, ...ids.valid.filter((id) => !found.some((c) => c.id === id))].map((caseId) => ({ caseId, reason: "not found", number: null }));
    const moving: TriageCase[] = [];
    for (const c of found) {
      const reason = transitionRefusal(c.status, input.toStatus);
      if (reason) refused.push({ caseId: c.id, reason, number: c.number });
      else moving.push(c);
    }

    const now = new Date();
    const reopening = moving.filter((c) => isClosedStatus(c.status));
    const simple = moving.filter((c) => !isClosedStatus(c.status));
    const changed = new Set((await setCasesStatus(tx, input.organisationId, simple.map((c) => c.id), input.toStatus, closedAtAfter(input.toStatus, now))).map((r) => r.id));
    for (const c of reopening) {
      const reason = await reopen(tx, input.organisationId, c, input.toStatus);
      if (reason) refused.push({ caseId: c.id, reason, number: c.number });
      else changed.add(c.id);
    }

    const done = moving.filter((c) => changed.has(c.id));
    await addCaseActivities(
      tx,
      done.map((c) => ({ caseId: c.id, organisationId: input.organisationId, kind: "status_changed", body: note, actorUserId: input.actorUserId, fromStatus: c.status, toStatus: input.toStatus })),
    );
    for (const c of done) {
      await enqueueCaseAlerts(tx, { organisationId: input.organisationId, event: "case.status_changed", caseId: c.id });
      await enqueueWebhookEvent(tx, input.organisationId, "case.status_changed", {
        caseId: c.id,
        number: c.number,
        gtin: c.gtin,
        serial: c.serial,
        lot: c.lot,
        severity: c.severity,
        risk: c.risk,
        rules: c.rules,
        fromStatus: c.status,
        toStatus: input.toStatus,
        note,
        changedAt: now.toISOString(),
      });
    }
    return { changed: done.map((c) => c.id), refused };
  });
}

/**
 * One reopening, in its own savepoint: a concurrent scan that opens a new case for the unit between
 * the check and the update makes the update violate cases_active_unit_key, which refuses this case
 * only. Codes naming no unit take the same advisory lock recordCase takes for them.
 */
async function reopen(tx: Executor, organisationId: string, c: TriageCase, toStatus: CaseStatus): Promise<string | null> {
  if (c.unitId === null) await lockKey(tx, `case:${organisationId}:${c.gtin}:${c.serial ?? ""}`);
  const other = await findOtherActiveCase(tx, organisationId, c);
  if (other) return `case #${other.number} is already active for this ${c.unitId === null ? "code" : "unit"}`;
  try {
    await tx.transaction((sp) => setCasesStatus(sp, organisationId, [c.id], toStatus, null));
    return null;
  } catch (error) {
    if (isUniqueViolation(error, "cases_active_unit_key")) return "another case became active for this unit meanwhile";
    throw error;
  }
}

export interface AssignCasesInput {
  organisationId: string;
  caseIds: readonly string[];
  /** null unassigns. */
  assigneeUserId: string | null;
  actorUserId: string | null;
}

/**
 * Assigns the brand's cases to a member who may manage cases (or unassigns them). Cases already so
 * assigned, and ids that are not the brand's, are left alone and not reported as changed.
 */
export async function assignCases(db: Executor, input: AssignCasesInput): Promise<{ changed: string[] }> {
  const ids = bulkIds(input.caseIds).valid;
  return db.transaction(async (tx) => {
    let assigneeName: string | null = null;
    if (input.assigneeUserId !== null) {
      const member = UUID.test(input.assigneeUserId) ? await findBrandMember(tx, input.organisationId, input.assigneeUserId) : null;
      if (!member || !roleAllows(member.role, "cases:manage")) throw new AppError("bad_request", "Cases can only be assigned to an owner or analyst of this brand.");
      assigneeName = member.name ? `${member.name} (${member.email})` : member.email;
    }
    await lockCasesForTriage(tx, input.organisationId, ids);
    const changed = (await setCasesAssignee(tx, input.organisationId, ids, input.assigneeUserId)).map((r) => r.id);
    await addCaseActivities(
      tx,
      changed.map((caseId): NewCaseActivity => ({ caseId, organisationId: input.organisationId, kind: "assigned", body: assigneeName ? `Assigned to ${assigneeName}` : "Unassigned", actorUserId: input.actorUserId })),
    );
    return { changed };
  });
}

/** Adds an analyst's comment to the case's activity; an unknown case (or another brand's) is a 404. */
export async function commentOnCase(db: Executor, input: { organisationId: string; caseId: string; body: string; actorUserId: string | null }): Promise<void> {
  const body = cleanNote(input.body);
  if (!body) throw new AppError("bad_request", "Write a comment first.");
  await db.transaction(async (tx) => {
    const [c] = await lockCasesForTriage(tx, input.organisationId, UUID.test(input.caseId) ? [input.caseId] : []);
    if (!c) throw new AppError("not_found", "No such case.");
    await addCaseActivities(tx, [{ caseId: c.id, organisationId: input.organisationId, kind: "comment", body, actorUserId: input.actorUserId }]);
    await touchCase(tx, input.organisationId, c.id);
  });
}

/**
 * Puts the case's GTIN + serial on the brand's blacklist: every later scan of it answers counterfeit
 * (the verdict reads blacklist_entries on each scan, uncached). Idempotent: a serial already listed
 * answers { created: false } and adds no activity. A case whose code carried no serial is refused.
 */
export async function blacklistCaseSerial(db: Executor, input: { organisationId: string; caseId: string; reason: string; actorUserId: string | null }): Promise<{ created: boolean }> {
  const reason = cleanNote(input.reason);
  if (!reason) throw new AppError("bad_request", "Say why the serial is blacklisted.");
  return db.transaction(async (tx) => {
    const c = UUID.test(input.caseId) ? await findCase(tx, input.organisationId, input.caseId) : null;
    if (!c) throw new AppError("not_found", "No such case.");
    if (c.serial === null) throw new AppError("conflict", `Case #${c.number} names no serial: there is nothing to blacklist.`);
    const created = await insertBlacklistEntry(tx, { organisationId: input.organisationId, gtin: c.gtin, serial: c.serial, reason, caseId: c.id, createdBy: input.actorUserId });
    if (created) {
      await addCaseActivities(tx, [
        { caseId: c.id, organisationId: input.organisationId, kind: "blacklisted", body: `Serial ${c.serial} of GTIN ${c.gtin} blacklisted: ${reason}`, actorUserId: input.actorUserId },
      ]);
      await touchCase(tx, input.organisationId, c.id);
    }
    return { created };
  });
}

/** Distinct ids, split into well-formed uuids and the rest (which no query should see). */
function bulkIds(caseIds: readonly string[]): { valid: string[]; invalid: string[] } {
  const distinct = [...new Set(caseIds)];
  if (distinct.length > MAX_BULK_CASES) throw new AppError("bad_request", `Select at most ${MAX_BULK_CASES} cases at once.`);
  return { valid: distinct.filter((id) => UUID.test(id)), invalid: distinct.filter((id) => !UUID.test(id)) };
}

function cleanNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? "";
  if (trimmed.length > MAX_NOTE_LENGTH) throw new AppError("bad_request", `Keep it under ${MAX_NOTE_LENGTH} characters.`);
  return trimmed === "" ? null : trimmed;
}

/** For messages: "3 cases now dismissed; 1 not changed (#12: already dismissed)." */
export function describeStatusChange(toStatus: CaseStatus, result: ChangeCaseStatusResult): string {
  const label = caseStatusLabel(toStatus).toLowerCase();
  const moved = `${result.changed.length} case${result.changed.length === 1 ? "" : "s"} now ${label}`;
  if (result.refused.length === 0) return `${moved}.`;
  const unknown = result.refused.filter((r) => r.number === null).length;
  const reasons = [
    ...result.refused.filter((r) => r.number !== null).map((r) => `#${r.number}: ${r.reason}`),
    ...(unknown > 0 ? [`${unknown} not found`] : []),
  ].join("; ");
  return `${moved}; ${result.refused.length} not changed (${reasons}).`;
}
