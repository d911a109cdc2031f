// Writing scans: a batch is one statement, idempotent by each scan's ref (a retried batch whose first
// attempt did commit adds nothing), and the unit is looked up by GTIN and serial inside that statement.
// The insights rollups are maintained in that same statement. Reading one back by its ref.
import { eq, sql } from "drizzle-orm";
import { selectRows, type Executor } from "../database";
import { scans, type ScanChannel, type UserAgentClass, type VerdictLevel } from "../schema";
import { rollupUpserts, scanFacts } from "./scan-stats";

export interface NewScan {
  ref: string;
  scannedAt: string;
  organisationId: string | null;
  /** Known when the resolver looked the unit up; else found by GTIN and serial on insert. */
  unitId?: number | null;
  gtin: string | null;
  serial: string | null;
  codeLot: string | null;
  /** YYYY-MM-DD. */
  codeExpiry: string | null;
  rawCode: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  sourceFingerprint: string | null;
  deviceFingerprint: string | null;
  userAgentClass: UserAgentClass;
  channel: ScanChannel;
  language: string | null;
  linkType: string | null;
  context: string | null;
  /** Rules already known to have fired when the scan was taken, e.g. "probing". */
  reasons?: string[];
  /** The verdict answered for this scan; absent when it could not be computed (database down). */
  verdict?: VerdictLevel | null;
  risk?: number;
}

/** Insert scans (already-written refs are skipped); answers how many rows were new. */
export async function insertScans(db: Executor, scans: readonly NewScan[]): Promise<number> {
  if (scans.length === 0) return 0;
  // The rows travel as one JSON parameter: no parameter-count limit, one round trip.
  // One statement: the insert returns only the rows it really added (a retried batch returns none),
  // and those rows, and no others, are added to the rollups the insights page reads.
  const rows = await selectRows<{ inserted: number }>(
    db,
    sql`
    with inserted as (
    insert into scans (ref, scanned_at, organisation_id, unit_id, gtin, serial, code_lot, code_expiry, raw_code,
      country, region, city, latitude, longitude, source_fingerprint, device_fingerprint, user_agent_class,
      channel, language, link_type, context, reasons, verdict, risk)
    select v.ref, v.scanned_at, coalesce(u.organisation_id, v.organisation_id), coalesce(v.unit_id, u.id), v.gtin, v.serial, v.code_lot,
      v.code_expiry, v.raw_code, v.country, v.region, v.city, v.latitude, v.longitude, v.source_fingerprint,
      v.device_fingerprint, v.user_agent_class, v.channel, v.language, v.link_type, v.context,
      array(select jsonb_array_elements_text(coalesce(v.reasons, '[]'::jsonb))), v.verdict, coalesce(v.risk, 0)
    from jsonb_to_recordset(${JSON.stringify(scans.map(toRow))}::jsonb) as v(
      ref uuid, scanned_at timestamptz, organisation_id uuid, unit_id bigint, gtin text, serial text, code_lot text, code_expiry date,
      raw_code text, country text, region text, city text, latitude real, longitude real, source_fingerprint text,
      device_fingerprint text, user_agent_class text, channel text, language text, link_type text, context text,
      reasons jsonb, verdict text, risk smallint)
    left join units u on v.unit_id is null and u.gtin = v.gtin and u.serial = v.serial
    on conflict (ref, scanned_at) do nothing
    returning organisation_id, scanned_at, channel, user_agent_class, verdict, gtin, code_lot, unit_id, country,
      source_fingerprint, reasons
    ),
    scan_facts as (${scanFacts(sql`inserted`)})${rollupUpserts}
    select count(*)::int as inserted from inserted`,
  );
  return Number(rows[0]?.inserted ?? 0);
}

function toRow(s: NewScan) {
  return {
    ref: s.ref,
    scanned_at: s.scannedAt,
    organisation_id: s.organisationId,
    unit_id: s.unitId ?? null,
    gtin: s.gtin,
    serial: s.serial,
    code_lot: s.codeLot,
    code_expiry: s.codeExpiry,
    raw_code: s.rawCode,
    country: s.country,
    region: s.region,
    city: s.city,
    latitude: s.latitude,
    longitude: s.longitude,
    source_fingerprint: s.sourceFingerprint,
    device_fingerprint: s.deviceFingerprint,
    user_agent_class: s.userAgentClass,
    channel: s.channel,
    language: s.language,
    link_type: s.linkType,
    context: s.context,
    reasons: s.reasons ?? [],
    verdict: s.verdict ?? null,
    risk: s.risk ?? 0,
  };
}

/** One recorded scan by its ref (scans_ref_key leads with ref): the verification page's and API's data. */
export async function findScanByRef(db: Executor, ref: string) {
  const [row] = await db
    .select({
      ref: scans.ref,
      scannedAt: scans.scannedAt,
      organisationId: scans.organisationId,
      unitId: scans.unitId,
      gtin: scans.gtin,
      serial: scans.serial,
      codeLot: scans.codeLot,
      codeExpiry: scans.codeExpiry,
      country: scans.country,
      channel: scans.channel,
      verdict: scans.verdict,
      risk: scans.risk,
      reasons: scans.reasons,
    })
    .from(scans)
    .where(eq(scans.ref, ref))
    .limit(1);
  return row ?? null;
}
