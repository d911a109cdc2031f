// Maintaining the daily scan rollups (db/schema/scan-stats.ts). One set of upserts serves both the hot
// write path (insertScans feeds it the rows its insert returned, so a retried batch adds nothing) and
// the rebuild from the scans table (demo seed, migration backfill, benchmark), so the two cannot drift.
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "../database";

/**
 * The facts of scans, one row per scan, read from `relation` (a CTE or table with the scans' columns).
 * The lot is the one printed in the code, else the unit's recorded lot.
 */
export function scanFacts(relation: SQL, where: SQL = sql`true`): SQL {
  return sql`select s.organisation_id, (s.scanned_at at time zone 'UTC')::date as day, s.channel,
      s.user_agent_class = 'bot' as bot, coalesce(s.verdict, '') as verdict, coalesce(s.gtin, '') as gtin,
      coalesce(s.code_lot, u.lot, '') as lot, coalesce(s.country, '') as country, s.source_fingerprint,
      coalesce(s.verdict in ('suspect', 'counterfeit'), false) as suspicious,
      'unknown_serial' = any(s.reasons) as miss, 'probing' = any(s.reasons) as probing
    from ${relation} s left join units u on u.id = s.unit_id
    where s.organisation_id is not null and ${where}`;
}

/**
 * CTEs (each starting with a comma) adding the facts in the CTE named scan_facts to the rollups.
 * Rows are upserted in key order so concurrent writers lock shared rows in the same order (no deadlock).
 */
export const rollupUpserts = sql`,
  rollup_counts as (
    insert into scan_daily_counts (organisation_id, day, channel, bot, verdict, scans)
    select organisation_id, day, channel, bot, verdict, count(*) from scan_facts
    group by organisation_id, day, channel, bot, verdict order by organisation_id, day, channel, bot, verdict
    on conflict (organisation_id, day, channel, bot, verdict) do update set scans = scan_daily_counts.scans + excluded.scans
  ),
  rollup_lots as (
    insert into scan_daily_lots (organisation_id, day, gtin, lot, scans, suspicious, counterfeit)
    select organisation_id, day, gtin, lot, count(*), count(*) filter (where suspicious), count(*) filter (where verdict = 'counterfeit')
    from scan_facts where not bot
    group by organisation_id, day, gtin, lot order by organisation_id, day, gtin, lot
    on conflict (organisation_id, day, gtin, lot) do update set scans = scan_daily_lots.scans + excluded.scans,
      suspicious = scan_daily_lots.suspicious + excluded.suspicious, counterfeit = scan_daily_lots.counterfeit + excluded.counterfeit
  ),
  rollup_monthly_lots as (
    insert into scan_monthly_lots (organisation_id, month, gtin, lot, scans, suspicious, counterfeit)
    select organisation_id, date_trunc('month', day)::date, gtin, lot, count(*), count(*) filter (where suspicious),
      count(*) filter (where verdict = 'counterfeit')
    from scan_facts where not bot
    group by organisation_id, date_trunc('month', day)::date, gtin, lot order by organisation_id, date_trunc('month', day)::date, gtin, lot
    on conflict (organisation_id, month, gtin, lot) do update set scans = scan_monthly_lots.scans + excluded.scans,
      suspicious = scan_monthly_lots.suspicious + excluded.suspicious, counterfeit = scan_monthly_lots.counterfeit + excluded.counterfeit
  ),
  rollup_countries as (
    insert into scan_daily_countries (organisation_id, day, country, scans, suspicious)
    select organisation_id, day, country, count(*), count(*) filter (where suspicious)
    from scan_facts where not bot
    group by organisation_id, day, country order by organisation_id, day, country
    on conflict (organisation_id, day, country) do update set scans = scan_daily_countries.scans + excluded.scans,
      suspicious = scan_daily_countries.suspicious + excluded.suspicious
  ),
  rollup_sources as (
    insert into scan_daily_sources (organisation_id, day, source_fingerprint, suspicious, misses, probing, bots)
    select organisation_id, day, source_fingerprint, count(*) filter (where suspicious), count(*) filter (where miss),
      count(*) filter (where probing), count(*) filter (where bot)
    from scan_facts where source_fingerprint is not null and (suspicious or miss or probing)
    group by organisation_id, day, source_fingerprint order by organisation_id, day, source_fingerprint
    on conflict (organisation_id, day, source_fingerprint) do update set suspicious = scan_daily_sources.suspicious + excluded.suspicious,
      misses = scan_daily_sources.misses + excluded.misses, probing = scan_daily_sources.probing + excluded.probing,
      bots = scan_daily_sources.bots + excluded.bots
  )`;

const rollupTables = ["scan_daily_counts", "scan_daily_lots", "scan_monthly_lots", "scan_daily_countries", "scan_daily_sources"] as const;

export interface RebuildScope {
  /** Only this organisation's rollups; all organisations when absent. */
  organisationId?: string;
}

/**
 * Recompute the rollups from the scans table (all of it, or one organisation's). Run it in a
 * transaction (it is one when called with a Database): readers never see the rollups half-empty.
 * Cost grows with the scans: for a seed, a backfill or a repair, not for the request path.
 */
export async function rebuildScanStats(db: Executor, scope: RebuildScope = {}): Promise<void> {
  const onlyOrg = (column: string) => (scope.organisationId ? sql`${sql.raw(column)} = ${scope.organisationId}` : sql`true`);
  await db.transaction(async (tx) => {
    for (const table of rollupTables) await tx.execute(sql`delete from ${sql.raw(table)} where ${onlyOrg("organisation_id")}`);
    await selectRows(tx, sql`with scan_facts as (${scanFacts(sql`scans`, onlyOrg("s.organisation_id"))})${rollupUpserts} select 1`);
  });
}
