// The analysts' queue: the brand's cases filtered, sorted (risk or recency) and keyset-paginated, the
// counts by status for the same filter, and the values the filter controls offer. Reads the cases table
// only — never scans — so the queue's cost follows the brand's cases, not its traffic.
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "../database";
import { cases, caseStatuses, products, users, type CaseSeverity, type CaseStatus, type LocalizedText } from "../schema";

/** What the analyst typed in the search box, read as a code or a serial (lib/cases/queue-filter.ts). */
export type CaseQueueSearch =
  | { kind: "code"; gtin: string; serial: string | null; lot: string | null }
  /** Plain text: a serial; when it also reads as a GTIN, cases of that GTIN match too. */
  | { kind: "serial"; serial: string; gtin: string | null };

export type CaseQueueSort = "risk" | "recent";
export type CaseQueueAssignee = "anyone" | "me" | "unassigned";

export interface CaseQueueFilter {
  /** Empty: every status. */
  statuses: readonly CaseStatus[];
  severities: readonly CaseSeverity[];
  /** Verdict rule codes; a case matches when any of them fired on it. */
  rules: readonly string[];
  gtin: string | null;
  lot: string | null;
  country: string | null;
  /** Cases seen in [seenFrom, seenTo): last seen on or after seenFrom, first seen before seenTo. */
  seenFrom: Date | null;
  seenTo: Date | null;
  assignee: CaseQueueAssignee;
  search: CaseQueueSearch | null;
  sort: CaseQueueSort;
}

/** A page boundary: the id of the last row shown (after) or the first (before). */
export type CaseQueueCursor = { after: string } | { before: string } | null;

export interface CaseQueueRow {
  id: string;
  number: number;
  status: CaseStatus;
  severity: CaseSeverity;
  risk: number;
  gtin: string;
  serial: string | null;
  lot: string | null;
  rules: string[];
  countries: string[];
  scanCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  productName: LocalizedText | null;
  assigneeId: string | null;
  assigneeEmail: string | null;
  assigneeName: string | null;
}

function conditions(organisationId: string, filter: CaseQueueFilter, viewerUserId: string, withStatus: boolean): SQL[] {
  const where: (SQL | undefined)[] = [eq(cases.organisationId, organisationId)];
  if (withStatus && filter.statuses.length > 0) where.push(inArray(cases.status, [...filter.statuses]));
  if (filter.severities.length > 0) where.push(inArray(cases.severity, [...filter.severities]));
  // && (overlap) rather than = any(): one array operator, which a GIN index on rules can serve.
  if (filter.rules.length > 0) where.push(sql`${cases.rules} && ${textArray(filter.rules)}`);
  if (filter.gtin) where.push(eq(cases.gtin, filter.gtin));
  if (filter.lot) where.push(eq(cases.lot, filter.lot));
  if (filter.country) where.push(sql`${cases.countries} @> ${textArray([filter.country])}`);
  if (filter.seenFrom) where.push(gte(cases.lastSeenAt, filter.seenFrom));
  if (filter.seenTo) where.push(lt(cases.firstSeenAt, filter.seenTo));
  if (filter.assignee === "me") where.push(eq(cases.assigneeId, viewerUserId));
  if (filter.assignee === "unassigned") where.push(isNull(cases.assigneeId));
  const s = filter.search;
  if (s?.kind === "code") {
    where.push(eq(cases.gtin, s.gtin));
    if (s.serial !== null) where.push(eq(cases.serial, s.serial));
    if (s.lot !== null) where.push(eq(cases.lot, s.lot));
  } else if (s?.kind === "serial") {
    where.push(s.gtin ? or(eq(cases.serial, s.serial), eq(cases.gtin, s.gtin)) : eq(cases.serial, s.serial));
  }
  return where.filter((w): w is SQL => w !== undefined);
}

/**
 * A text[] of bound parameters. Not a subquery: the planner must see the values to tell a rare rule
 * (use the GIN index) from a common one (walk the sort-order index and filter) — 11 ms against 500 ms
 * on page 2 of a 400k-case brand.
 */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Keyset comparison against the cursor row, read by id in a subquery so the cursor stays an opaque
 * case id and the timestamps keep their full precision. Risk sort: risk, then last seen, then id, all
 * descending; recency: last seen, then id.
 */
function keyset(organisationId: string, sort: CaseQueueSort, cursorId: string, direction: "after" | "before"): SQL {
  const op = direction === "after" ? sql`<` : sql`>`;
  const of = sql`from cases c2 where c2.id = ${cursorId} and c2.organisation_id = ${organisationId}`;
  return sort === "risk"
    ? sql`(${cases.risk}, ${cases.lastSeenAt}, ${cases.id}) ${op} (select c2.risk, c2.last_seen_at, c2.id ${of})`
    : sql`(${cases.lastSeenAt}, ${cases.id}) ${op} (select c2.last_seen_at, c2.id ${of})`;
}

export interface CaseQueuePage {
  rows: CaseQueueRow[];
  /** The id to pass as `after` for the next page, or null on the last page. */
  nextAfter: string | null;
  /** The id to pass as `before` for the previous page, or null on the first page. */
  previousBefore: string | null;
}

/** One page of the queue. Going back (`before`) reads in reverse order and flips the rows. */
export async function listQueueCases(
  db: Executor,
  organisationId: string,
  filter: CaseQueueFilter,
  options: { viewerUserId: string; cursor?: CaseQueueCursor; limit?: number },
): Promise<CaseQueuePage> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const cursor = options.cursor ?? null;
  const backwards = cursor !== null && "before" in cursor;
  const where = conditions(organisationId, filter, options.viewerUserId, true);
  if (cursor) where.push(keyset(organisationId, filter.sort, "after" in cursor ? cursor.after : cursor.before, backwards ? "before" : "after"));
  const direction = backwards ? asc : desc;
  const order = filter.sort === "risk" ? [direction(cases.risk), direction(cases.lastSeenAt), direction(cases.id)] : [direction(cases.lastSeenAt), direction(cases.id)];

  const fetched = await db
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      severity: cases.severity,
      risk: cases.risk,
      gtin: cases.gtin,
      serial: cases.serial,
      lot: cases.lot,
      rules: cases.rules,
      countries: cases.countries,
      scanCount: cases.scanCount,
      firstSeenAt: cases.firstSeenAt,
      lastSeenAt: cases.lastSeenAt,
      productName: products.name,
      assigneeId: cases.assigneeId,
      assigneeEmail: users.email,
      assigneeName: users.name,
    })
    .from(cases)
    // The product is the brand's own: a case's product_id is never another brand's, but the join says so.
    .leftJoin(products, and(eq(products.id, cases.productId), eq(products.organisationId, cases.organisationId)))
    .leftJoin(users, eq(users.id, cases.assigneeId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);

  const more = fetched.length > limit;
  const page = fetched.slice(0, limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    rows: page,
    nextAfter: last && (backwards || more) ? last.id : null,
    previousBefore: first && (backwards ? more : cursor !== null) ? first.id : null,
  };
}

/** Counts stop here: a tab says "10,000+" rather than count a large brand's whole history on every view. */
export const QUEUE_COUNT_CAP = 10_000;

/**
 * How many cases the filter finds in each status (the status filter itself left out, for the tabs).
 *
 * Unfiltered, each status is counted up to QUEUE_COUNT_CAP + 1 (more reads as "cap+") by a bounded
 * subquery on cases_queue_idx: counting a large brand's whole history on every view cost 80–200 ms at
 * 400k cases, the bounded count about 15. Narrowed by any other filter, one exact GROUP BY over the
 * filter's own index is cheaper than five bounded walks of the status index (measured: 40 against 500
 * ms for a 30-day range).
 */
export async function countQueueCasesByStatus(db: Executor, organisationId: string, filter: CaseQueueFilter, viewerUserId: string): Promise<Record<CaseStatus, number>> {
  const where = and(...conditions(organisationId, filter, viewerUserId, false));
  const counts = Object.fromEntries(caseStatuses.map((status) => [status, 0])) as Record<CaseStatus, number>;
  if (isNarrowed(filter)) {
    const rows = await db.select({ status: cases.status, n: sql<number>`count(*)::int` }).from(cases).where(where).groupBy(cases.status);
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }
  const bounded = caseStatuses.map(
    (status) => sql`(select count(*)::int from (select 1 from ${cases} where ${where} and ${cases.status} = ${status} limit ${QUEUE_COUNT_CAP + 1}) as t) as ${sql.identifier(status)}`,
  );
  const [row] = await selectRows<Record<CaseStatus, number>>(db, sql`select ${sql.join(bounded, sql`, `)}`);
  for (const status of caseStatuses) counts[status] = Number(row?.[status] ?? 0);
  return counts;
}

function isNarrowed(f: CaseQueueFilter): boolean {
  return f.severities.length + f.rules.length > 0 || Boolean(f.gtin || f.lot || f.country || f.seenFrom || f.seenTo || f.search) || f.assignee !== "anyone";
}

export interface CaseQueueChoices {
  products: { gtin: string; name: LocalizedText | null }[];
  rules: string[];
  countries: string[];
}

/** How many of the most recently seen cases the rule and country choices are read from. */
export const CHOICES_SAMPLE = 5_000;

/**
 * What the filter controls offer: the brand's products, and the rules and countries of its most
 * recently seen cases (CHOICES_SAMPLE of them, through cases_recent_idx) — reading every case of a
 * large brand for two drop-downs took over a second at 400k cases. An older, rarer value can still be
 * filtered on through the URL, and the form keeps offering a value that is filtered on.
 */
export async function listQueueFilterChoices(db: Executor, organisationId: string): Promise<CaseQueueChoices> {
  const recent = sql`(select rules, countries from cases where organisation_id = ${organisationId} order by last_seen_at desc limit ${CHOICES_SAMPLE}) as recent`;
  const [productRows, ruleRows, countryRows] = await Promise.all([
    db.select({ gtin: products.gtin, name: products.name }).from(products).where(eq(products.organisationId, organisationId)).orderBy(asc(products.gtin)),
    selectRows<{ rule: string }>(db, sql`select distinct unnest(rules) as rule from ${recent} order by 1`),
    selectRows<{ country: string }>(db, sql`select distinct unnest(countries) as country from ${recent} order by 1`),
  ]);
  return { products: productRows, rules: ruleRows.map((r) => r.rule), countries: countryRows.map((r) => r.country) };
}
