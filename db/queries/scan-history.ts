// What a verdict reads from the database for one scanned code, by indexed lookups only: the product, its
// brand's policy, the unit and its blacklist entry (one statement over unique keys, with the source's
// recent misses beside them), then a bounded slice of the unit's scans (scans_unit_time_idx). No query
// here grows with the scans table: each reads at most `limit` index entries.
import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { blacklistEntries, epcisEvents, organisations, products, scans, unitEvents, units } from "../schema";
import type { LocalizedText, ProductCategory, UnitStatus, UserAgentClass, VerdictPolicy } from "../schema";

/** A recorded scan as the verdict engine reads it (lib/verdict ScanFacts). */
export interface HistoryScan {
  ref: string | null;
  at: Date;
  country: string | null;
  lat: number | null;
  lon: number | null;
  sourceFingerprint: string | null;
  deviceFingerprint: string | null;
  userAgentClass: UserAgentClass;
}

/**
 * The unit's most recent scans, newest first: `where unit_id = $1 and scanned_at > $2 order by
 * scanned_at desc limit $3`, a backward range scan of scans_unit_time_idx that stops after `limit` rows.
 */
export async function listUnitScanHistory(db: Executor, unitId: number, options: { since: Date; limit: number }): Promise<HistoryScan[]> {
  const rows = await db
    .select({
      ref: scans.ref,
      at: scans.scannedAt,
      country: scans.country,
      lat: scans.latitude,
      lon: scans.longitude,
      sourceFingerprint: scans.sourceFingerprint,
      deviceFingerprint: scans.deviceFingerprint,
      userAgentClass: scans.userAgentClass,
    })
    .from(scans)
    .where(and(eq(scans.unitId, unitId), gt(scans.scannedAt, options.since)))
    .orderBy(desc(scans.scannedAt))
    .limit(options.limit);
  return rows;
}

/**
 * Scans of codes naming no unit by one source since `since`, counted up to `limit` (scans_source_time_idx):
 * the probing rule only asks whether the count reached its threshold, so counting further is waste.
 */
function sourceMissesSql(sourceFingerprint: string, since: Date, limit: number) {
  return sql<number>`(select count(*)::int from (
    select 1 from ${scans}
    where ${scans.sourceFingerprint} = ${sourceFingerprint} and ${scans.scannedAt} > ${since.toISOString()}::timestamptz and ${scans.unitId} is null
    limit ${limit}) as misses)`;
}

export interface VerdictFactsQuery {
  gtin: string;
  serial: string;
  /** The scanning source, for its recent misses; null skips the count. */
  sourceFingerprint: string | null;
  missesSince: Date;
  missesLimit: number;
  historySince: Date;
  historyLimit: number;
}

export interface VerdictFacts {
  product: {
    id: string;
    organisationId: string;
    gtin: string;
    name: LocalizedText;
    category: ProductCategory;
    intendedMarkets: string[];
    verdictPolicy: VerdictPolicy;
  };
  brandPolicy: VerdictPolicy | null;
  unit: {
    id: number;
    serial: string;
    status: UnitStatus;
    statusEventTime: Date | null;
    lot: string | null;
    expiryDate: string | null;
    markets: string[];
    commissionedAt: Date | null;
    shippedEver: boolean;
  } | null;
  blacklisted: boolean;
  sourceMisses: number;
  history: HistoryScan[];
}

const UNRELEASED: ReadonlySet<UnitStatus> = new Set(["issued", "commissioned"]);

/**
 * Everything the verdict needs for (gtin, serial), or null when the GTIN is no product. Two statements
 * (three for an unreleased unit with no market, whose shipment history is read from its own events).
 */
export async function loadVerdictFacts(db: Executor, q: VerdictFactsQuery): Promise<VerdictFacts | null> {
  const [row] = await db
    .select({
      product: {
        id: products.id,
        organisationId: products.organisationId,
        gtin: products.gtin,
        name: products.name,
        category: products.category,
        intendedMarkets: products.intendedMarkets,
        verdictPolicy: products.verdictPolicy,
      },
      settings: organisations.settings,
      unitId: units.id,
      status: units.status,
      statusEventTime: units.statusEventTime,
      lot: units.lot,
      expiryDate: units.expiryDate,
      markets: units.markets,
      commissionedAt: units.commissionedAt,
      blacklisted: sql<boolean>`exists (select 1 from ${blacklistEntries} b where b.organisation_id = ${products.organisationId} and b.gtin = ${products.gtin} and b.serial = ${q.serial})`,
      sourceMisses: q.sourceFingerprint === null ? sql<number>`0` : sourceMissesSql(q.sourceFingerprint, q.missesSince, q.missesLimit),
    })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .leftJoin(units, and(eq(units.gtin, products.gtin), eq(units.serial, q.serial)))
    .where(eq(products.gtin, q.gtin))
    .limit(1);
  if (!row) return null;

  let unit: VerdictFacts["unit"] = null;
  let history: HistoryScan[] = [];
  if (row.unitId !== null && row.status !== null) {
    const markets = row.markets ?? [];
    const unreleased = UNRELEASED.has(row.status) && markets.length === 0;
    const [scanHistory, shipped] = await Promise.all([
      listUnitScanHistory(db, row.unitId, { since: q.historySince, limit: q.historyLimit }),
      // Released, or a recorded market (markets come only from shipments): it left the brand.
      unreleased ? wasEverShipped(db, row.product.organisationId, row.unitId) : Promise.resolve(true),
    ]);
    history = scanHistory;
    unit = {
      id: row.unitId,
      serial: q.serial,
      status: row.status,
      statusEventTime: row.statusEventTime,
      lot: row.lot,
      expiryDate: row.expiryDate,
      markets,
      commissionedAt: row.commissionedAt,
      shippedEver: shipped,
    };
  }
  return {
    product: row.product,
    brandPolicy: row.settings.verdictPolicy ?? null,
    unit,
    blacklisted: Boolean(row.blacklisted),
    sourceMisses: Number(row.sourceMisses ?? 0),
    history,
  };
}

/**
 * An EU FMD reversal can bring a shipped unit back to "commissioned": its own events say whether it
 * ever left (unit_events_unit_time_idx; only unreleased units get here, and they have few events).
 * The bizStep is stored as sent: bare, URN or Web URI form, hence the match on the last term.
 */
async function wasEverShipped(db: Executor, organisationId: string, unitId: number): Promise<boolean> {
  const rows = await db
    .select({ id: unitEvents.eventId })
    .from(unitEvents)
    .innerJoin(epcisEvents, eq(epcisEvents.id, unitEvents.eventId))
    .where(
      and(
        eq(unitEvents.unitId, unitId),
        eq(epcisEvents.organisationId, organisationId),
        sql`${epcisEvents.retractedAt} is null`,
        sql`lower(${epcisEvents.bizStep}) ~ '(^|[:/-])(shipping|receiving|departing)$'`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
