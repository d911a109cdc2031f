// Brand protection at scale (issue 8: 10,000,000 scans; target p95 ≤ 300 ms for the insights overview
// and the case queue). Seeds one brand's scans in SQL (generate_series), its cases, rolls the scans up,
// then times the queries the insights page and the queue page run, over varied ranges and filters.
//   BENCH_DATABASE_URL=postgres://… npm run bench:protection
// BENCH_SCANS (default 10,000,000) scans over BENCH_DAYS (default 400) days; BENCH_CASES (default
// 50,000) cases; BENCH_RUNS (default 30) timed runs per scenario. A fresh database is created and
// dropped, unless BENCH_DATABASE_NAME names one to keep (seeded once, reused by later runs; BENCH_REBUILD=1
// recomputes its rollups first).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { selectRows, type DatabaseHandle, type Executor } from "@/db/database";
import { openDatabase } from "@/db/open-database";
import { countQueueCasesByStatus, listQueueCases, type CaseQueueFilter } from "@/db/queries/case-queue";
import {
  dailyScanCounts,
  insightsOverview,
  newCasesPerDay,
  probingSources,
  scanExportPages,
  topSuspiciousCountries,
  topSuspiciousLots,
  topSuspiciousProducts,
  topSuspiciousSources,
  type DayRange,
} from "@/db/queries/insights";
import { createOrganisation } from "@/db/queries/organisations";
import { rebuildScanStats } from "@/db/queries/scan-stats";
import { insertScans, type NewScan } from "@/db/queries/scans";
import { addDays, rangeInstants, utcDay } from "@/lib/insights/date-range";
import { withBenchDatabase } from "./bench-database";

const SCANS = Number(process.env.BENCH_SCANS ?? 10_000_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 400);
const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PRODUCTS = 50;
const LOTS_PER_PRODUCT = 12;
const SOURCES = 200_000;
const PROBERS = 300;
const CHUNK = 1_000_000;
const TARGET_MS = 300;

const COUNTRIES = ["US", "DE", "FR", "GB", "IT", "ES", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "CZ", "PT", "IE", "GR", "HU",
  "RO", "TR", "AE", "SA", "IN", "CN", "JP", "KR", "SG", "TH", "VN", "ID", "AU", "NZ", "CA", "MX", "BR", "AR", "ZA", "NG"];
const RULES = ["distinct_scanners", "impossible_travel", "out_of_market", "unknown_serial", "altered_expiry", "post_sale_rescan"];

const gtinOf = (p: number) => `09529999${String(p).padStart(5, "0")}0`;
const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The brand, its products and lots, 10M scans, 50k cases, the rollups. Secondary scan indexes are built after the load, as a bulk load does. */
async function seed(db: Executor, today: string): Promise<{ brand: string; rival: string }> {
  const brand = (await createOrganisation(db, { slug: "bench-brand", name: "Bench brand", kind: "brand", companyPrefixes: ["9529999"] })).id;
  const rival = (await createOrganisation(db, { slug: "bench-rival", name: "Rival brand", kind: "brand", companyPrefixes: ["9528888"] })).id;
  await db.execute(sql`insert into products (organisation_id, gtin, name, brand_name, category)
    select ${brand}::uuid, '09529999' || lpad(p::text, 5, '0') || '0', jsonb_build_object('en', 'Bench product ' || p), 'Bench', 'cosmetics'
    from generate_series(0, ${PRODUCTS - 1}) p`);

  const indexes = await selectRows<{ name: string; definition: string }>(
    db,
    sql`select i.relname as name, pg_get_indexdef(i.oid) as definition from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = 'scans'::regclass and not x.indisprimary`,
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`));

  const start = Date.parse(`${addDays(today, -(DAYS - 1))}T00:00:00Z`);
  const step = (DAYS * 86_400_000) / SCANS;
  const countries = `array[${COUNTRIES.map((c) => `'${c}'`).join(",")}]`;
  for (let lo = 0; lo < SCANS; lo += CHUNK) {
    const hi = Math.min(SCANS, lo + CHUNK) - 1;
    // In time order, as an append-only table fills. Skewed popularity: products (r^2), countries
    // (r^2.5), sources (r^2); ~95% genuine; 0.3% of scans are probers guessing serials.
    await timed(`scans ${(lo / 1e6).toFixed(0)}M–${((hi + 1) / 1e6).toFixed(0)}M`, () =>
      db.execute(sql`insert into scans (scanned_at, ref, organisation_id, gtin, serial, code_lot, country, source_fingerprint,
          device_fingerprint, user_agent_class, channel, verdict, risk, reasons)
        select to_timestamp((${start}::float8 + (g + rt) * ${step}::float8) / 1000.0), gen_random_uuid(),
          case when g % 50 = 0 then ${rival}::uuid else ${brand}::uuid end,
          '09529999' || lpad(p::text, 5, '0') || '0',
          case when probe then 'G' || substr(md5(g::text), 1, 9) else 'S' || p || '-' || (g % 20011) end,
          'L' || p || '-' || floor(rl * ${LOTS_PER_PRODUCT})::int,
          (${sql.raw(countries)})[1 + floor(${COUNTRIES.length} * power(rc, 2.5))::int],
          case when probe then 'k1.' || md5('p' || floor(rs * ${PROBERS})::int) else 'k1.' || md5('s' || floor(${SOURCES} * power(rs, 2))::int) end,
          'd.' || (g % 3000017),
          case when rb < 0.03 then 'bot' when rb < 0.80 then 'browser' else 'in_app' end,
          case when rch < 0.97 then 'consumer' when rch < 0.99 then 'api' else 'retailer' end,
          case when probe then 'counterfeit' when rv < 0.95 then 'genuine' when rv < 0.97 then 'caution' when rv < 0.985 then 'suspect'
            when rv < 0.995 then 'counterfeit' when rv < 0.998 then 'recalled' else 'expired' end,
          case when probe then 99 when rv < 0.95 then floor(rv * 10)::int else 40 + floor(rv * 50)::int end,
          case when probe and rp < 0.5 then '{unknown_serial}'::text[] when probe then '{unknown_serial,probing}'::text[]
            when rv >= 0.97 and rv < 0.995 then '{distinct_scanners}'::text[] else '{}'::text[] end
        from (
          select g, random() as rt, floor(${PRODUCTS} * power(random(), 2))::int as p, random() as rl, random() as rc, random() as rs,
            random() as rb, random() as rch, random() as rv, random() as rp, random() < 0.003 as probe
          from generate_series(${lo}::bigint, ${hi}::bigint) g
        ) r`),
    );
  }
  await timed("scan indexes", async () => {
    await db.execute(sql`set maintenance_work_mem = '1GB'`);
    for (const index of indexes) await db.execute(sql.raw(index.definition));
  });

  await timed(`${CASES.toLocaleString("en")} cases`, () =>
    db.execute(sql`insert into cases (organisation_id, number, product_id, gtin, serial, lot, status, severity, risk, rules, scan_count,
        countries, first_seen_at, last_seen_at, created_at, updated_at, closed_at)
      select ${brand}::uuid, g, pr.id, pr.gtin, 'S' || p || '-' || (g * 7 % 20011), 'L' || p || '-' || (g % ${LOTS_PER_PRODUCT}),
        case when rs < 0.3 then 'open' when rs < 0.4 then 'investigating' when rs < 0.6 then 'confirmed_counterfeit'
          when rs < 0.85 then 'dismissed' else 'resolved' end,
        case when rr < 0.3 then 'low' when rr < 0.6 then 'medium' when rr < 0.9 then 'high' else 'critical' end,
        30 + floor(rr * 69)::int,
        array[(${sql.raw(`array[${RULES.map((r) => `'${r}'`).join(",")}]`)})[1 + g % ${RULES.length}], 'distinct_scanners'],
        2 + floor(rr * 60)::int,
        array[(${sql.raw(countries)})[1 + floor(${COUNTRIES.length} * power(rc, 2))::int], (${sql.raw(countries)})[1 + g % ${COUNTRIES.length}]],
        seen, seen + (rr * 14) * interval '1 day', seen, seen, case when rs >= 0.4 then seen + interval '15 days' end
      from (
        select g, floor(${PRODUCTS} * power(random(), 2))::int as p, random() as rs, random() as rr, random() as rc,
          to_timestamp(${start / 1000}::float8 + random() * ${DAYS * 86_400}::float8) as seen
        from generate_series(1, ${CASES}) g
      ) c join products pr on pr.organisation_id = ${brand} and pr.gtin = '09529999' || lpad(c.p::text, 5, '0') || '0'`),
  );
  await timed("rollups (rebuildScanStats)", () => rebuildScanStats(db));
  await timed("vacuum analyze", () => vacuum(db));
  return { brand, rival };
}

/** A rebuild deletes and rewrites the rollups: what autovacuum would tidy in production, done now. */
async function vacuum(db: Executor) {
  for (const table of ["scans", "cases", "scan_daily_counts", "scan_daily_lots", "scan_monthly_lots", "scan_daily_countries", "scan_daily_sources"]) {
    await db.execute(sql.raw(`vacuum (analyze) ${table}`));
  }
}

interface Sample {
  group: string;
  scenario: string;
  ms: number[];
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function sample(samples: Sample[], group: string, scenario: string, run: (i: number) => Promise<unknown>) {
  await run(-1); // warm the cache once: the figures are for a running server, not a cold start
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run(i);
    ms.push(performance.now() - started);
  }
  samples.push({ group, scenario, ms });
}

/** A range of `days` ending up to 60 days before today, a different one each run. */
function rangeFor(today: string, days: number, i: number): DayRange {
  const to = addDays(today, -((i * 7919) % 61));
  return { from: addDays(to, -(days - 1)), to };
}

async function measure(handle: DatabaseHandle, brand: string, today: string) {
  const { db } = handle;
  const samples: Sample[] = [];
  for (const days of [7, 30, 90, 365]) {
    await sample(samples, "overview", `whole page, ${days}-day ranges`, (i) => insightsOverview(db, brand, rangeFor(today, days, i)));
  }
  const year = (i: number) => rangeFor(today, 365, i);
  await sample(samples, "overview (365 days)", "scans per day + verdict mix", (i) => dailyScanCounts(db, brand, year(i)));
  await sample(samples, "overview (365 days)", "top suspicious products", (i) => topSuspiciousProducts(db, brand, year(i)));
  await sample(samples, "overview (365 days)", "top suspicious lots", (i) => topSuspiciousLots(db, brand, year(i)));
  await sample(samples, "overview (365 days)", "top suspicious countries", (i) => topSuspiciousCountries(db, brand, year(i)));
  await sample(samples, "overview (365 days)", "top suspicious sources", (i) => topSuspiciousSources(db, brand, year(i)));
  await sample(samples, "overview (365 days)", "probing sources", (i) => probingSources(db, brand, year(i)));
  await sample(samples, "overview (365 days)", "new cases per day", (i) => newCasesPerDay(db, brand, year(i)));

  const base: CaseQueueFilter = { statuses: [], severities: [], rules: [], gtin: null, lot: null, country: null, seenFrom: null, seenTo: null, assignee: "anyone", search: null, sort: "risk" };
  const active: CaseQueueFilter = { ...base, statuses: ["open", "investigating"] };
  const viewerUserId = randomUUID();
  const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000);
  const queues: [string, (i: number) => CaseQueueFilter][] = [
    ["open + investigating, by risk", () => active],
    ["every status, most recent first", () => ({ ...base, sort: "recent" })],
    ["critical severity, by risk", () => ({ ...active, severities: ["critical"] })],
    ["rule fired (impossible_travel)", () => ({ ...active, rules: ["impossible_travel"] })],
    ["one product", (i) => ({ ...active, gtin: gtinOf(i % PRODUCTS) })],
    ["one product and lot", (i) => ({ ...base, gtin: gtinOf(i % 10), lot: `L${i % 10}-${i % LOTS_PER_PRODUCT}` })],
    ["one country", (i) => ({ ...active, country: COUNTRIES[i % COUNTRIES.length]! })],
    ["seen in the last 30 days, recent", () => ({ ...active, seenFrom: monthAgo, sort: "recent" })],
    ["search by serial", (i) => ({ ...base, search: { kind: "serial", serial: `S${i % 10}-${(i * 7) % 20011}`, gtin: null } })],
    ["search by pasted Digital Link", (i) => ({ ...base, search: { kind: "code", gtin: gtinOf(i % 10), serial: `S${i % 10}-${(i * 7) % 20011}`, lot: null } })],
  ];
  for (const [scenario, filter] of queues) {
    await sample(samples, "case queue (page + counts by status)", scenario, (i) => {
      const f = filter(Math.max(0, i));
      return Promise.all([listQueueCases(db, brand, f, { viewerUserId, limit: 50 }), countQueueCasesByStatus(db, brand, f, viewerUserId)]);
    });
  }
  return samples;
}

async function sizes(db: Executor) {
  return selectRows<{ table: string; rows: number; size: string }>(
    db,
    sql`select relname as table, reltuples::bigint::float8 as rows, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
      where relname in ('scans', 'cases', 'scan_daily_counts', 'scan_daily_lots', 'scan_monthly_lots', 'scan_daily_countries', 'scan_daily_sources') order by relname`,
  );
}

/**
 * The same batch as a bare insert without the rollups (the statement insertScans ran before issue 8),
 * as the baseline for the rollups' cost on the write path.
 */
async function bareInsert(db: Executor, batch: NewScan[]) {
  await db.execute(sql`insert into scans (ref, scanned_at, organisation_id, gtin, serial, code_lot, country, source_fingerprint,
      user_agent_class, channel, verdict, risk)
    select v.ref, v.scanned_at, v.organisation_id, v.gtin, v.serial, v.code_lot, v.country, v.source_fingerprint, v.user_agent_class,
      v.channel, v.verdict, v.risk
    from jsonb_to_recordset(${JSON.stringify(batch.map((s) => ({ ref: s.ref, scanned_at: s.scannedAt, organisation_id: s.organisationId, gtin: s.gtin, serial: s.serial, code_lot: s.codeLot, country: s.country, source_fingerprint: s.sourceFingerprint, user_agent_class: s.userAgentClass, channel: s.channel, verdict: s.verdict, risk: s.risk })))}::jsonb) as v(
      ref uuid, scanned_at timestamptz, organisation_id uuid, gtin text, serial text, code_lot text, country text, source_fingerprint text,
      user_agent_class text, channel text, verdict text, risk smallint)
    left join units u on u.gtin = v.gtin and u.serial = v.serial
    on conflict (ref, scanned_at) do nothing`);
}

/** The hot write path on the full table: batches of 500 scans through insertScans (rollups included), alternating with the bare insert. */
async function writePath(db: Executor, brand: string) {
  const ms: number[] = [];
  const bare: number[] = [];
  for (let b = 0; b < 40; b++) {
    const batch: NewScan[] = Array.from({ length: 500 }, (_, i) => ({
      ref: randomUUID(), scannedAt: new Date().toISOString(), organisationId: brand, gtin: gtinOf(i % PRODUCTS), serial: `W${b}-${i}`,
      codeLot: `L${i % PRODUCTS}-1`, codeExpiry: null, rawCode: null, country: COUNTRIES[i % COUNTRIES.length]!, region: null, city: null,
      latitude: null, longitude: null, sourceFingerprint: `k1.write-${i % 97}`, deviceFingerprint: null, userAgentClass: "browser",
      channel: "consumer", language: null, linkType: null, context: null, verdict: i % 40 === 0 ? "suspect" : "genuine", risk: 5,
    }));
    const started = performance.now();
    await insertScans(db, batch);
    ms.push(performance.now() - started);
    const again = batch.map((s) => ({ ...s, ref: randomUUID() }));
    const bareStarted = performance.now();
    await bareInsert(db, again);
    bare.push(performance.now() - bareStarted);
  }
  return { ms, bare };
}

/** Streams a 7-day export to nowhere: rows per second and the peak page memory stay bounded. */
async function exportRate(db: Executor, brand: string, today: string) {
  const started = performance.now();
  let rows = 0;
  for await (const page of scanExportPages(db, brand, rangeInstants({ from: addDays(today, -6), to: today }))) rows += page.length;
  return { rows, seconds: (performance.now() - started) / 1000 };
}

async function run(handle: DatabaseHandle, keep: boolean) {
  const today = utcDay(new Date());
  await handle.migrate();
  const [existing] = await selectRows<{ id: string }>(handle.db, sql`select id from organisations where slug = 'bench-brand'`);
  const brand = existing && keep ? existing.id : (await timed("seed", () => seed(handle.db, today))).brand;
  if (existing && keep && process.env.BENCH_REBUILD === "1") {
    await timed("rollups (rebuildScanStats)", () => rebuildScanStats(handle.db));
    await timed("vacuum analyze", () => vacuum(handle.db));
  }
  const samples = await measure(handle, brand, today);
  const write = await writePath(handle.db, brand);
  const exported = await exportRate(handle.db, brand, today);
  const tables = await sizes(handle.db);

  console.log(`\nBrand protection at scale: ${SCANS.toLocaleString("en")} scans over ${DAYS} days, ${CASES.toLocaleString("en")} cases, ${RUNS} runs a scenario (PostgreSQL)\n`);
  console.log("| group | scenario | p50 ms | p95 ms | max ms | target p95 ≤ 300 ms |\n|---|---|---:|---:|---:|---|");
  for (const s of samples) {
    const p95 = percentile(s.ms, 95);
    console.log(`| ${s.group} | ${s.scenario} | ${percentile(s.ms, 50).toFixed(1)} | ${p95.toFixed(1)} | ${Math.max(...s.ms).toFixed(1)} | ${p95 <= TARGET_MS ? "met" : "MISSED"} |`);
  }
  console.log(
    `\nWrite path, 40 batches of 500 scans: insertScans (rollups in the same statement) p50 ${percentile(write.ms, 50).toFixed(1)} ms, p95 ${percentile(write.ms, 95).toFixed(1)} ms a batch; ` +
      `the bare insert without rollups p50 ${percentile(write.bare, 50).toFixed(1)} ms, p95 ${percentile(write.bare, 95).toFixed(1)} ms.`,
  );
  console.log(`Export: ${exported.rows.toLocaleString("en")} scans (7 days) paged in ${exported.seconds.toFixed(1)} s = ${Math.round(exported.rows / exported.seconds).toLocaleString("en")} rows/s (CSV formatting excluded).\n`);
  console.log("| table | rows (estimate) | size |\n|---|---:|---:|");
  for (const t of tables) console.log(`| ${t.table} | ${Math.round(t.rows).toLocaleString("en")} | ${t.size} |`);
  return samples.every((s) => percentile(s.ms, 95) <= TARGET_MS);
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) throw new Error("Set BENCH_DATABASE_URL to a PostgreSQL server (postgres://user@host:port/postgres): 10M scans are a PostgreSQL job.");
  const keepName = process.env.BENCH_DATABASE_NAME;
  let met: boolean;
  if (keepName) {
    if (!/^[a-z_][a-z0-9_]*$/.test(keepName)) throw new Error("BENCH_DATABASE_NAME: lower-case letters, digits and _ only.");
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const [found] = await admin`select 1 from pg_database where datname = ${keepName}`;
    if (!found) await admin.unsafe(`create database ${keepName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${keepName}`;
    const handle = await openDatabase({ url: url.toString(), driver: "postgres", poolMax: 2 });
    try {
      met = await run(handle, true);
    } finally {
      await handle.close();
    }
  } else {
    met = await withBenchDatabase(serverUrl, (handle) => run(handle, false));
  }
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
