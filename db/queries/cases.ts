// Cases opened by the verdict rules: one active case per unit (cases_active_unit_key) that later
// evidence merges into, numbered per brand; and the reads that always take the brand.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "../database";
import { blacklistEntries, caseActivities, cases, memberships, users, type CaseActivityKind, type CaseSeverity, type CaseStatus, type RuleEvidence } from "../schema";

/** The facts one scan brings to a case. */
export interface CaseEvidence {
  organisationId: string;
  unitId: number | null;
  productId: string | null;
  gtin: string;
  serial: string | null;
  lot: string | null;
  severity: CaseSeverity;
  risk: number;
  rules: readonly string[];
  evidence: readonly RuleEvidence[];
  country: string | null;
  seenAt: Date;
}

export interface MergedCase {
  id: string;
  number: number;
  /** True when this call opened the case, false when it merged into an active one. */
  opened: boolean;
}

const ACTIVE = ["open", "investigating"] as const;

function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** The new evidence as a row named "excluded", so inserts (ON CONFLICT) and updates share one merge. */
function incoming(e: CaseEvidence) {
  return {
    severity: e.severity,
    risk: e.risk,
    rules: textArray(e.rules),
    evidence: sql`${JSON.stringify(e.evidence)}::jsonb`,
    countries: textArray(e.country ? [e.country] : []),
    seenAt: sql`${e.seenAt.toISOString()}::timestamptz`,
  };
}

/**
 * How an active case takes new evidence: worst severity and risk so far, rules in the order they first
 * fired, the latest evidence of each rule (one entry per rule, so it stays small), one more scan,
 * countries without duplicates, and the seen window widened.
 */
const mergeAssignments = sql.raw(`
  severity = (array['low','medium','high','critical'])[greatest(array_position(array['low','medium','high','critical'], c.severity), array_position(array['low','medium','high','critical'], excluded.severity))],
  risk = greatest(c.risk, excluded.risk),
  rules = array(select r from unnest(c.rules || excluded.rules) with ordinality as t(r, n) group by r order by min(n)),
  evidence = coalesce((select jsonb_agg(old) from jsonb_array_elements(c.evidence) as old where not (old->>'rule' = any(excluded.rules))), '[]'::jsonb) || excluded.evidence,
  scan_count = c.scan_count + 1,
  countries = array(select x from unnest(c.countries || excluded.countries) with ordinality as t(x, n) group by x order by min(n)),
  lot = coalesce(c.lot, excluded.lot),
  first_seen_at = least(c.first_seen_at, excluded.first_seen_at),
  last_seen_at = greatest(c.last_seen_at, excluded.last_seen_at),
  updated_at = now()`);

const nextNumber = (organisationId: string) => sql`(select coalesce(max(number), 0) + 1 from cases where organisation_id = ${organisationId})`;

/**
 * Open a case for the unit, or merge into its active one, in one statement on cases_active_unit_key.
 * The number is max + 1 for the brand: two new cases at once can collide on cases_number_key, which
 * the caller retries (see lib/cases).
 */
export async function upsertUnitCase(db: Executor, e: CaseEvidence & { unitId: number }): Promise<MergedCase> {
  const v = incoming(e);
  const [row] = await selectRows<{ id: string; number: number; opened: boolean }>(
    db,
    sql`insert into cases as c (organisation_id, number, unit_id, product_id, gtin, serial, lot, severity, risk, rules, evidence, scan_count, countries, first_seen_at, last_seen_at)
      values (${e.organisationId}, ${nextNumber(e.organisationId)}, ${e.unitId}, ${e.productId}, ${e.gtin}, ${e.serial}, ${e.lot}, ${v.severity}, ${v.risk}, ${v.rules}, ${v.evidence}, 1, ${v.countries}, ${v.seenAt}, ${v.seenAt})
      on conflict (organisation_id, unit_id) where status in ('open', 'investigating') and unit_id is not null
      do update set ${mergeAssignments}
      returning id, number, (xmax = 0) as opened`,
  );
  return { id: row!.id, number: Number(row!.number), opened: Boolean(row!.opened) };
}

/** The active case of a code that names no unit (GTIN + serial as scanned), if any. */
export async function findActiveCodeCase(db: Executor, organisationId: string, gtin: string, serial: string | null) {
  const [row] = await db
    .select({ id: cases.id, number: cases.number })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, organisationId),
        inArray(cases.status, [...ACTIVE]),
        isNull(cases.unitId),
        eq(cases.gtin, gtin),
        serial === null ? isNull(cases.serial) : eq(cases.serial, serial),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertCodeCase(db: Executor, e: CaseEvidence): Promise<MergedCase> {
  const v = incoming(e);
  const [row] = await selectRows<{ id: string; number: number }>(
    db,
    sql`insert into cases (organisation_id, number, unit_id, product_id, gtin, serial, lot, severity, risk, rules, evidence, scan_count, countries, first_seen_at, last_seen_at)
      values (${e.organisationId}, ${nextNumber(e.organisationId)}, null, ${e.productId}, ${e.gtin}, ${e.serial}, ${e.lot}, ${v.severity}, ${v.risk}, ${v.rules}, ${v.evidence}, 1, ${v.countries}, ${v.seenAt}, ${v.seenAt})
      returning id, number`,
  );
  return { id: row!.id, number: Number(row!.number), opened: true };
}

export async function mergeIntoCase(db: Executor, organisationId: string, caseId: string, e: CaseEvidence): Promise<void> {
  const v = incoming(e);
  await db.execute(sql`update cases as c set ${mergeAssignments}
    from (select ${v.severity}::text as severity, ${v.risk}::smallint as risk, ${v.rules} as rules, ${v.evidence} as evidence,
      ${v.countries} as countries, ${e.lot}::text as lot, ${v.seenAt} as first_seen_at, ${v.seenAt} as last_seen_at) as excluded
    where c.id = ${caseId} and c.organisation_id = ${organisationId}`);
}

/** Serialises work on one key until the transaction ends (a code's case, which has no unique index). */
export async function lockKey(db: Executor, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function addCaseActivity(
  db: Executor,
  activity: { caseId: string; organisationId: string; kind: CaseActivityKind; body: string | null; actorUserId?: string | null },
): Promise<void> {
  await db.insert(caseActivities).values(activity);
}

/** One case of the brand; another brand's case reads as absent. */
export async function findCase(db: Executor, organisationId: string, caseId: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), eq(cases.id, caseId)))
    .limit(1);
  return row ?? null;
}

/** The brand's cases, most recently seen first (cases_recent_idx). */
export async function listCases(db: Executor, organisationId: string, limit = 100) {
  return db.select().from(cases).where(eq(cases.organisationId, organisationId)).orderBy(desc(cases.lastSeenAt)).limit(limit);
}

export async function listCaseActivities(db: Executor, organisationId: string, caseId: string) {
  return db
    .select()
    .from(caseActivities)
    .where(and(eq(caseActivities.organisationId, organisationId), eq(caseActivities.caseId, caseId)))
    .orderBy(asc(caseActivities.createdAt), asc(caseActivities.id));
}

// ——— Triage (lib/cases/triage.ts): analysts' writes, always inside the caller's transaction. ———

/** The brand's cases among `ids`, locked until the transaction ends (in id order, so two bulk edits cannot deadlock). */
export async function lockCasesForTriage(db: Executor, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      unitId: cases.unitId,
      gtin: cases.gtin,
      serial: cases.serial,
      lot: cases.lot,
      severity: cases.severity,
      risk: cases.risk,
      rules: cases.rules,
      assigneeId: cases.assigneeId,
    })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, [...ids])))
    .orderBy(asc(cases.id))
    .for("update");
}

export type TriageCase = Awaited<ReturnType<typeof lockCasesForTriage>>[number];

/** Another active case of the same unit (or, for a code naming no unit, of the same GTIN + serial). */
export async function findOtherActiveCase(db: Executor, organisationId: string, c: Pick<TriageCase, "id" | "unitId" | "gtin" | "serial">) {
  const sameThing =
    c.unitId !== null
      ? eq(cases.unitId, c.unitId)
      : and(isNull(cases.unitId), eq(cases.gtin, c.gtin), c.serial === null ? isNull(cases.serial) : eq(cases.serial, c.serial));
  const [row] = await db
    .select({ id: cases.id, number: cases.number })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.status, [...ACTIVE]), sameThing, sql`${cases.id} <> ${c.id}`))
    .limit(1);
  return row ?? null;
}

export async function setCasesStatus(db: Executor, organisationId: string, ids: readonly string[], status: CaseStatus, closedAt: Date | null) {
  if (ids.length === 0) return [];
  return db
    .update(cases)
    .set({ status, closedAt, updatedAt: sql`now()` })
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, [...ids])))
    .returning({ id: cases.id });
}

/** Assign (or unassign, with null) the brand's cases that are not already so; returns those changed. */
export async function setCasesAssignee(db: Executor, organisationId: string, ids: readonly string[], assigneeId: string | null) {
  if (ids.length === 0) return [];
  return db
    .update(cases)
    .set({ assigneeId, updatedAt: sql`now()` })
    .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, [...ids]), sql`${cases.assigneeId} is distinct from ${assigneeId}`))
    .returning({ id: cases.id });
}

export async function touchCase(db: Executor, organisationId: string, caseId: string) {
  await db
    .update(cases)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(cases.organisationId, organisationId), eq(cases.id, caseId)));
}

export interface NewCaseActivity {
  caseId: string;
  organisationId: string;
  kind: CaseActivityKind;
  body: string | null;
  actorUserId: string | null;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
}

export async function addCaseActivities(db: Executor, activities: readonly NewCaseActivity[]): Promise<void> {
  if (activities.length === 0) return;
  await db.insert(caseActivities).values([...activities]);
}

/** A member of the brand, with their role; null for anyone else. */
export async function findBrandMember(db: Executor, organisationId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Blacklist a serial of the brand; false when it already was (blacklist_entries_unit_key). */
export async function insertBlacklistEntry(
  db: Executor,
  entry: { organisationId: string; gtin: string; serial: string; reason: string; caseId: string | null; createdBy: string | null },
): Promise<boolean> {
  const rows = await db.insert(blacklistEntries).values(entry).onConflictDoNothing().returning({ id: blacklistEntries.id });
  return rows.length > 0;
}

/** The brand's blacklist entry for a serial, if any. */
export async function findBlacklistEntry(db: Executor, organisationId: string, gtin: string, serial: string) {
  const [row] = await db
    .select()
    .from(blacklistEntries)
    .where(and(eq(blacklistEntries.organisationId, organisationId), eq(blacklistEntries.gtin, gtin), eq(blacklistEntries.serial, serial)))
    .limit(1);
  return row ?? null;
}
