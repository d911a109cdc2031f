// The insights page's reads: the daily rollups (db/schema/scan-stats.ts) over a range of UTC days, new
// cases per day, and the scans export's pages. Every query is scoped to one organisation and reads
// rollup rows by their primary key's (organisation, day) prefix, so a year costs a few hundred rows
// per day of the range, never the scans themselves (the export excepted: it is the scans).
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "../database";
import type { LocalizedText } from "../schema";

export interface DayRange {
  /** First and last UTC day, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
}

export async function dailyScanCounts(db: Executor, organisationId: string, range: DayRange) {
  return selectRows<{ day: string; channel: string; bot: boolean; verdict: string; scans: number }>(
    db,
    sql`select day::text as day, channel, bot, verdict, scans from scan_daily_counts
      where organisation_id = ${organisationId} and day between ${range.from}::date and ${range.to}::date
      order by day`,
  );
}

export interface MonthSplit {
  /** Days read from the daily table: before the first whole month, and after the last. */
  days: DayRange[];
  /** Whole calendar months read from the monthly table (first days of the first and last month). */
  months: DayRange | null;
}

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;
const nextMonth = (day: string) => {
  const d = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Cut a range into the whole months inside it and the loose days at either end. Pure. */
export function splitByMonths(range: DayRange): MonthSplit {
  const firstWhole = range.from === firstOfMonth(range.from) ? range.from : nextMonth(range.from);
  const endsOnMonthEnd = firstOfMonth(dayAfter(range.to)) === dayAfter(range.to);
  const afterLastWhole = endsOnMonthEnd ? dayAfter(range.to) : firstOfMonth(range.to);
  if (firstWhole >= afterLastWhole) return { days: [range], months: null };
  const days: DayRange[] = [];
  if (range.from < firstWhole) days.push({ from: range.from, to: dayBefore(firstWhole) });
  if (afterLastWhole <= range.to) days.push({ from: afterLastWhole, to: range.to });
  return { days, months: { from: firstWhole, to: firstOfMonth(dayBefore(afterLastWhole)) } };
}

/** Lot rows of the range: whole months from scan_monthly_lots, loose days from scan_daily_lots. */
function lotRows(organisationId: string, range: DayRange) {
  const split = splitByMonths(range);
  const parts = split.days.map(
    (d) => sql`select gtin, lot, scans, suspicious, counterfeit from scan_daily_lots
      where organisation_id = ${organisationId} and day between ${d.from}::date and ${d.to}::date`,
  );
  if (split.months) {
    parts.push(sql`select gtin, lot, scans, suspicious, counterfeit from scan_monthly_lots
      where organisation_id = ${organisationId} and month between ${split.months.from}::date and ${split.months.to}::date`);
  }
  return sql.join(parts, sql` union all `);
}

export interface TopProduct {
  gtin: string;
  productName: LocalizedText | null;
  scans: number;
  suspicious: number;
  counterfeit: number;
}

/** Products with the most suspicious human scans in the range. */
export async function topSuspiciousProducts(db: Executor, organisationId: string, range: DayRange, limit = 10): Promise<TopProduct[]> {
  return selectRows<TopProduct & Record<string, unknown>>(
    db,
    sql`select t.gtin, p.name as "productName", t.scans, t.suspicious, t.counterfeit
      from (
        select gtin, sum(scans)::int as scans, sum(suspicious)::int as suspicious, sum(counterfeit)::int as counterfeit
        from (${lotRows(organisationId, range)}) r
        group by gtin having sum(suspicious) > 0
        order by sum(suspicious) desc, sum(scans) desc, gtin limit ${limit}
      ) t
      left join products p on p.organisation_id = ${organisationId} and p.gtin = t.gtin
      order by t.suspicious desc, t.scans desc, t.gtin`,
  );
}

export interface TopLot {
  gtin: string;
  lot: string;
  productName: LocalizedText | null;
  scans: number;
  suspicious: number;
  counterfeit: number;
}

/** Lots (of any product) with the most suspicious human scans; lot '' is "no lot in the code". */
export async function topSuspiciousLots(db: Executor, organisationId: string, range: DayRange, limit = 10): Promise<TopLot[]> {
  return selectRows<TopLot & Record<string, unknown>>(
    db,
    sql`select t.gtin, t.lot, p.name as "productName", t.scans, t.suspicious, t.counterfeit
      from (
        select gtin, lot, sum(scans)::int as scans, sum(suspicious)::int as suspicious, sum(counterfeit)::int as counterfeit
        from (${lotRows(organisationId, range)}) r
        group by gtin, lot having sum(suspicious) > 0
        order by sum(suspicious) desc, sum(scans) desc, gtin, lot limit ${limit}
      ) t
      left join products p on p.organisation_id = ${organisationId} and p.gtin = t.gtin
      order by t.suspicious desc, t.scans desc, t.gtin, t.lot`,
  );
}

export interface TopCountry {
  /** ISO 3166-1 alpha-2, '' when the scan's location was unknown. */
  country: string;
  scans: number;
  suspicious: number;
}

export async function topSuspiciousCountries(db: Executor, organisationId: string, range: DayRange, limit = 10): Promise<TopCountry[]> {
  return selectRows<TopCountry & Record<string, unknown>>(
    db,
    sql`select country, sum(scans)::int as scans, sum(suspicious)::int as suspicious
      from scan_daily_countries
      where organisation_id = ${organisationId} and day between ${range.from}::date and ${range.to}::date
      group by country having sum(suspicious) > 0
      order by sum(suspicious) desc, sum(scans) desc, country limit ${limit}`,
  );
}

export interface SourceActivity {
  sourceFingerprint: string;
  suspicious: number;
  /** Scans of serials never issued (unknown_serial). */
  misses: number;
  /** Scans flagged probing: the source was over its miss budget. */
  probing: number;
  /** Of those scans, how many came from a bot-like client. */
  bots: number;
  /** Days in the range the source was active on. */
  days: number;
  firstDay: string;
  lastDay: string;
}

const sourceColumns = sql`source_fingerprint as "sourceFingerprint", sum(suspicious)::int as suspicious, sum(misses)::int as misses,
  sum(probing)::int as probing, sum(bots)::int as bots, count(*)::int as days, min(day)::text as "firstDay", max(day)::text as "lastDay"`;

/**
 * The most days a top-sources list looks back. Sources are nearly as many as suspicious scans (each
 * person who scanned a cloned code is one), so unlike lots they do not shrink when rolled up by month:
 * a year would aggregate a row per suspicious scan. Network addresses change hands within weeks anyway.
 */
export const SOURCE_WINDOW_DAYS = 30;

/** The part of the range the top-sources list covers: its last SOURCE_WINDOW_DAYS days at most. */
export function sourceWindow(range: DayRange): DayRange {
  const earliest = new Date(Date.parse(`${range.to}T00:00:00Z`) - (SOURCE_WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from: range.from > earliest ? range.from : earliest, to: range.to };
}

/** Sources (keyed network fingerprints) behind the most suspicious scans, over sourceWindow(range). */
export async function topSuspiciousSources(db: Executor, organisationId: string, range: DayRange, limit = 10): Promise<SourceActivity[]> {
  const window = sourceWindow(range);
  return selectRows<SourceActivity & Record<string, unknown>>(
    db,
    sql`select ${sourceColumns} from scan_daily_sources
      where organisation_id = ${organisationId} and day between ${window.from}::date and ${window.to}::date
      group by source_fingerprint having sum(suspicious) > 0
      order by sum(suspicious) desc, source_fingerprint limit ${limit}`,
  );
}

/**
 * Sources scanning serials that were never issued: someone guessing codes to find valid ones. A few
 * misses happen to anyone (a mistyped code); `minMisses` (default 5) keeps those out. Probers are few:
 * the partial index scan_daily_sources_misses_idx reads their rows only, so any range is affordable.
 */
export async function probingSources(db: Executor, organisationId: string, range: DayRange, options: { minMisses?: number; limit?: number } = {}): Promise<SourceActivity[]> {
  return selectRows<SourceActivity & Record<string, unknown>>(
    db,
    sql`select ${sourceColumns} from scan_daily_sources
      where organisation_id = ${organisationId} and day between ${range.from}::date and ${range.to}::date and (misses > 0 or probing > 0)
      group by source_fingerprint having sum(misses) >= ${options.minMisses ?? 5} or sum(probing) > 0
      order by sum(misses) desc, source_fingerprint limit ${options.limit ?? 10}`,
  );
}

/** Cases opened per UTC day (days without any are absent; the caller fills them in). */
export async function newCasesPerDay(db: Executor, organisationId: string, range: DayRange) {
  return selectRows<{ day: string; count: number }>(
    db,
    sql`select (created_at at time zone 'UTC')::date::text as day, count(*)::int as count from cases
      where organisation_id = ${organisationId}
        and created_at >= ${range.from}::date::timestamp at time zone 'UTC'
        and created_at < (${range.to}::date + 1)::timestamp at time zone 'UTC'
      group by 1 order by 1`,
  );
}

/** Everything the insights page shows for a range, read in parallel (the page and the benchmark run this). */
export async function insightsOverview(db: Executor, organisationId: string, range: DayRange) {
  const [dailyCounts, products, lots, countries, sources, probers, newCases] = await Promise.all([
    dailyScanCounts(db, organisationId, range),
    topSuspiciousProducts(db, organisationId, range),
    topSuspiciousLots(db, organisationId, range),
    topSuspiciousCountries(db, organisationId, range),
    topSuspiciousSources(db, organisationId, range),
    probingSources(db, organisationId, range),
    newCasesPerDay(db, organisationId, range),
  ]);
  return { dailyCounts, products, lots, countries, sources, sourcesWindow: sourceWindow(range), probers, newCases };
}

// ——— The scans export: keyset pages over (scanned_at, id), so any range runs in bounded memory. ———

export interface ScanExportCursor {
  /** The scan's time as PostgreSQL prints it: microseconds kept (a JS Date would drop them and repeat rows). */
  scannedAt: string;
  id: number;
}

export interface ScanExportRow {
  id: number;
  scannedAt: Date;
  cursor: ScanExportCursor;
  gtin: string | null;
  serial: string | null;
  lot: string | null;
  verdict: string | null;
  risk: number;
  reasons: string[];
  country: string | null;
  region: string | null;
  city: string | null;
  channel: string;
  userAgentClass: string;
  sourceFingerprint: string | null;
  deviceFingerprint: string | null;
}

/**
 * One page of the organisation's scans in [start, end), oldest first, after `cursor`. Reads
 * scans_organisation_time_idx from the cursor on: every page costs the same, however deep.
 */
export async function scanExportPage(
  db: Executor,
  organisationId: string,
  input: { start: Date; end: Date; after: ScanExportCursor | null; limit: number },
): Promise<ScanExportRow[]> {
  const after = input.after
    ? sql`and (s.scanned_at, s.id) > (${input.after.scannedAt}::timestamptz, ${input.after.id}::bigint)
          and s.scanned_at >= ${input.after.scannedAt}::timestamptz`
    : sql``;
  const rows = await selectRows<Omit<ScanExportRow, "scannedAt" | "id" | "cursor"> & { id: number | string; scannedAt: string | Date; exact: string }>(
    db,
    sql`select s.id, s.scanned_at as "scannedAt", s.scanned_at::text as exact, s.gtin, s.serial, coalesce(s.code_lot, u.lot) as lot, s.verdict, s.risk, s.reasons,
        s.country, s.region, s.city, s.channel, s.user_agent_class as "userAgentClass", s.source_fingerprint as "sourceFingerprint",
        s.device_fingerprint as "deviceFingerprint"
      from scans s left join units u on u.id = s.unit_id
      where s.organisation_id = ${organisationId}
        and s.scanned_at >= ${input.start.toISOString()}::timestamptz and s.scanned_at < ${input.end.toISOString()}::timestamptz
        ${after}
      order by s.scanned_at, s.id
      limit ${input.limit}`,
  );
  return rows.map(({ exact, ...r }) => ({ ...r, id: Number(r.id), scannedAt: new Date(r.scannedAt), cursor: { scannedAt: exact, id: Number(r.id) } }));
}

/** Every page of the range, one after another; the caller formats and sends each before the next is read. */
export async function* scanExportPages(
  db: Executor,
  organisationId: string,
  input: { start: Date; end: Date; pageSize?: number },
): AsyncGenerator<ScanExportRow[]> {
  const limit = input.pageSize ?? 5_000;
  let after: ScanExportCursor | null = null;
  for (;;) {
    const page = await scanExportPage(db, organisationId, { start: input.start, end: input.end, after, limit });
    if (page.length > 0) yield page;
    if (page.length < limit) return;
    after = page[page.length - 1]!.cursor;
  }
}

/** How many scans the range holds, from the rollups (bots included): the export's expected length. */
export async function countScansInRange(db: Executor, organisationId: string, range: DayRange): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select coalesce(sum(scans), 0)::float8 as n from scan_daily_counts
      where organisation_id = ${organisationId} and day between ${range.from}::date and ${range.to}::date`,
  );
  return Number(row?.n ?? 0);
}
