CREATE TABLE "scan_daily_countries" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"country" text NOT NULL,
	"scans" integer NOT NULL,
	"suspicious" integer NOT NULL,
	CONSTRAINT "scan_daily_countries_organisation_id_day_country_pk" PRIMARY KEY("organisation_id","day","country")
);
--> statement-breakpoint
CREATE TABLE "scan_daily_counts" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" text NOT NULL,
	"bot" boolean NOT NULL,
	"verdict" text NOT NULL,
	"scans" integer NOT NULL,
	CONSTRAINT "scan_daily_counts_organisation_id_day_channel_bot_verdict_pk" PRIMARY KEY("organisation_id","day","channel","bot","verdict")
);
--> statement-breakpoint
CREATE TABLE "scan_daily_lots" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"gtin" text NOT NULL,
	"lot" text NOT NULL,
	"scans" integer NOT NULL,
	"suspicious" integer NOT NULL,
	"counterfeit" integer NOT NULL,
	CONSTRAINT "scan_daily_lots_organisation_id_day_gtin_lot_pk" PRIMARY KEY("organisation_id","day","gtin","lot")
);
--> statement-breakpoint
CREATE TABLE "scan_daily_sources" (
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"source_fingerprint" text NOT NULL,
	"suspicious" integer NOT NULL,
	"misses" integer NOT NULL,
	"probing" integer NOT NULL,
	"bots" integer NOT NULL,
	CONSTRAINT "scan_daily_sources_organisation_id_day_source_fingerprint_pk" PRIMARY KEY("organisation_id","day","source_fingerprint")
);
--> statement-breakpoint
CREATE TABLE "scan_monthly_lots" (
	"organisation_id" uuid NOT NULL,
	"month" date NOT NULL,
	"gtin" text NOT NULL,
	"lot" text NOT NULL,
	"scans" integer NOT NULL,
	"suspicious" integer NOT NULL,
	"counterfeit" integer NOT NULL,
	CONSTRAINT "scan_monthly_lots_organisation_id_month_gtin_lot_pk" PRIMARY KEY("organisation_id","month","gtin","lot")
);
--> statement-breakpoint
CREATE INDEX "scan_daily_sources_misses_idx" ON "scan_daily_sources" USING btree ("organisation_id","day") WHERE "scan_daily_sources"."misses" > 0 or "scan_daily_sources"."probing" > 0;
--> statement-breakpoint
-- Backfill: the rollups of the scans already recorded (the same SQL as rebuildScanStats in db/queries/scan-stats.ts).
with scan_facts as (select s.organisation_id, (s.scanned_at at time zone 'UTC')::date as day, s.channel,
      s.user_agent_class = 'bot' as bot, coalesce(s.verdict, '') as verdict, coalesce(s.gtin, '') as gtin,
      coalesce(s.code_lot, u.lot, '') as lot, coalesce(s.country, '') as country, s.source_fingerprint,
      coalesce(s.verdict in ('suspect', 'counterfeit'), false) as suspicious,
      'unknown_serial' = any(s.reasons) as miss, 'probing' = any(s.reasons) as probing
    from scans s left join units u on u.id = s.unit_id
    where s.organisation_id is not null and true),
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
  ) select 1;
