// Everything an analyst reads on one case, for the case page and its evidence pack: the case, its unit
// (product, lot), the unit's scans (bounded), its lifecycle, consumers' reports, the activity log and
// whether the serial is blacklisted. Scoped to the brand: another brand's case reads as absent.
import { aliasedTable, and, asc, desc, eq, gte, isNull, sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "../database";
import { blacklistEntries, caseActivities, cases, lots, products, scans, units, users } from "../schema";
import { listReportsForCode } from "./consumer-reports";
import { listUnitHistory } from "./units";

/** How many of the newest scans the page and the evidence pack carry. */
export const CASE_SCAN_LIMIT = 500;
/** Counting stops here: "more than 10,000" is all an analyst needs to know. */
const SCAN_COUNT_CAP = 10_000;
/** Scans of a code naming no unit are looked for from this long before the case's first scan. */
const CODE_SCAN_LOOKBACK_MS = 30 * 86_400_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CaseKey = { number: number } | { id: string };

const assignees = aliasedTable(users, "assignee");

async function findCaseRow(db: Executor, organisationId: string, key: CaseKey) {
  if ("id" in key && !UUID.test(key.id)) return null;
  if ("number" in key && !(Number.isSafeInteger(key.number) && key.number > 0 && key.number <= 2_147_483_647)) return null;
  const [row] = await db
    .select({ case: cases, assigneeEmail: assignees.email })
    .from(cases)
    .leftJoin(assignees, eq(assignees.id, cases.assigneeId))
    .where(and(eq(cases.organisationId, organisationId), "id" in key ? eq(cases.id, key.id) : eq(cases.number, key.number)))
    .limit(1);
  return row ?? null;
}

const scanColumns = {
  id: scans.id,
  ref: scans.ref,
  at: scans.scannedAt,
  gtin: scans.gtin,
  serial: scans.serial,
  codeLot: scans.codeLot,
  codeExpiry: scans.codeExpiry,
  rawCode: scans.rawCode,
  country: scans.country,
  region: scans.region,
  city: scans.city,
  latitude: scans.latitude,
  longitude: scans.longitude,
  sourceFingerprint: scans.sourceFingerprint,
  deviceFingerprint: scans.deviceFingerprint,
  userAgentClass: scans.userAgentClass,
  channel: scans.channel,
  linkType: scans.linkType,
  verdict: scans.verdict,
  risk: scans.risk,
  reasons: scans.reasons,
};

/**
 * Which scans belong to the case: the unit's (scans_unit_time_idx), or for a code naming no unit the
 * scans of that GTIN + serial as scanned, looked for in a window around the case (the brand's
 * time index) since no index leads with the code.
 */
function scansOfCase(organisationId: string, c: typeof cases.$inferSelect): SQL | null {
  if (c.unitId !== null) return and(eq(scans.unitId, c.unitId), eq(scans.organisationId, organisationId))!;
  if (c.serial === null) return null;
  return and(
    eq(scans.organisationId, organisationId),
    gte(scans.scannedAt, new Date(c.firstSeenAt.getTime() - CODE_SCAN_LOOKBACK_MS)),
    isNull(scans.unitId),
    eq(scans.gtin, c.gtin),
    eq(scans.serial, c.serial),
  )!;
}

async function listCaseScans(db: Executor, where: SQL | null, limit: number) {
  if (!where) return { scans: [], total: 0, totalCapped: false };
  const [rows, counted] = await Promise.all([
    db.select(scanColumns).from(scans).where(where).orderBy(desc(scans.scannedAt), desc(scans.id)).limit(limit),
    selectRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${scans} where ${where} limit ${SCAN_COUNT_CAP + 1}) as capped`),
  ]);
  const total = Number(counted[0]?.n ?? 0);
  return { scans: rows, total: Math.min(total, SCAN_COUNT_CAP), totalCapped: total > SCAN_COUNT_CAP };
}

async function findUnitWithLot(db: Executor, organisationId: string, unitId: number | null) {
  if (unitId === null) return null;
  const [row] = await db
    .select({
      id: units.id,
      gtin: units.gtin,
      serial: units.serial,
      lot: units.lot,
      expiryDate: units.expiryDate,
      status: units.status,
      statusSince: units.statusSince,
      markets: units.markets,
      parentEpc: units.parentEpc,
      commissionedAt: units.commissionedAt,
      lotProductionDate: lots.productionDate,
      lotExpiryDate: lots.expiryDate,
      lotSite: lots.site,
    })
    .from(units)
    .leftJoin(lots, eq(lots.id, units.lotId))
    .where(and(eq(units.organisationId, organisationId), eq(units.id, unitId)))
    .limit(1);
  return row ?? null;
}

async function findProductSummary(db: Executor, organisationId: string, productId: string | null, gtin: string) {
  const [row] = await db
    .select({ id: products.id, gtin: products.gtin, name: products.name, brandName: products.brandName, category: products.category, intendedMarkets: products.intendedMarkets })
    .from(products)
    .where(and(eq(products.organisationId, organisationId), productId ? eq(products.id, productId) : eq(products.gtin, gtin)))
    .limit(1);
  return row ?? null;
}

async function listActivitiesWithActors(db: Executor, organisationId: string, caseId: string) {
  return db
    .select({
      id: caseActivities.id,
      kind: caseActivities.kind,
      body: caseActivities.body,
      fromStatus: caseActivities.fromStatus,
      toStatus: caseActivities.toStatus,
      createdAt: caseActivities.createdAt,
      actorEmail: users.email,
    })
    .from(caseActivities)
    .leftJoin(users, eq(users.id, caseActivities.actorUserId))
    .where(and(eq(caseActivities.organisationId, organisationId), eq(caseActivities.caseId, caseId)))
    .orderBy(asc(caseActivities.createdAt), asc(caseActivities.id));
}

async function findBlacklisting(db: Executor, organisationId: string, gtin: string, serial: string | null) {
  if (serial === null) return null;
  const [row] = await db
    .select({ reason: blacklistEntries.reason, caseId: blacklistEntries.caseId, createdAt: blacklistEntries.createdAt, createdByEmail: users.email })
    .from(blacklistEntries)
    .leftJoin(users, eq(users.id, blacklistEntries.createdBy))
    .where(and(eq(blacklistEntries.organisationId, organisationId), eq(blacklistEntries.gtin, gtin), eq(blacklistEntries.serial, serial)))
    .limit(1);
  return row ?? null;
}

/** One case with everything around it, or null when the brand has no such case. */
export async function findCaseDetail(db: Executor, organisationId: string, key: CaseKey, options: { scanLimit?: number } = {}) {
  const found = await findCaseRow(db, organisationId, key);
  if (!found) return null;
  const c = found.case;
  const [unit, product, scanSlice, lifecycle, reports, activities, blacklisted] = await Promise.all([
    findUnitWithLot(db, organisationId, c.unitId),
    findProductSummary(db, organisationId, c.productId, c.gtin),
    listCaseScans(db, scansOfCase(organisationId, c), options.scanLimit ?? CASE_SCAN_LIMIT),
    c.unitId !== null ? listUnitHistory(db, organisationId, c.unitId) : Promise.resolve([]),
    listReportsForCode(db, organisationId, { unitId: c.unitId, gtin: c.gtin, serial: c.serial }),
    listActivitiesWithActors(db, organisationId, c.id),
    findBlacklisting(db, organisationId, c.gtin, c.serial),
  ]);
  return {
    case: { ...c, assigneeEmail: found.assigneeEmail },
    unit,
    product,
    scans: scanSlice.scans,
    scanTotal: scanSlice.total,
    scanTotalCapped: scanSlice.totalCapped,
    lifecycle,
    reports,
    activities,
    blacklisted,
  };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof findCaseDetail>>>;
export type CaseDetailScan = CaseDetail["scans"][number];
