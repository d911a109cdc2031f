// Reads about serialized units. Consumer resolution starts from a GTIN, which names its brand, so
// findUnit is global; everything that follows takes the brand (organisationId) it found.
import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { contentPages, epcisEvents, lots, organisations, products, recalls, unitEvents, units } from "../schema";

export async function findProductByGtin(db: Executor, gtin: string) {
  const [row] = await db
    .select({ product: products, brand: { id: organisations.id, name: organisations.name, slug: organisations.slug } })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .where(eq(products.gtin, gtin))
    .limit(1);
  return row;
}

export async function findUnit(db: Executor, gtin: string, serial: string) {
  const [row] = await db
    .select({ unit: units, lot: lots })
    .from(units)
    .leftJoin(lots, eq(lots.id, units.lotId))
    .where(and(eq(units.gtin, gtin), eq(units.serial, serial)))
    .limit(1);
  return row;
}

export async function findUnitsBySerials(db: Executor, codes: { gtin: string; serial: string }[]) {
  if (codes.length === 0) return [];
  return db
    .select({ gtin: units.gtin, serial: units.serial, lot: units.lot, expiryDate: units.expiryDate, status: units.status })
    .from(units)
    .where(or(...codes.map((c) => and(eq(units.gtin, c.gtin), eq(units.serial, c.serial)))));
}

/** The unit's lifecycle (EPCIS) events, oldest first, retracted ones left out. */
export async function listUnitHistory(db: Executor, organisationId: string, unitId: number) {
  return db
    .select({
      eventTime: epcisEvents.eventTime,
      eventTimeZoneOffset: epcisEvents.eventTimeZoneOffset,
      bizStep: epcisEvents.bizStep,
      disposition: epcisEvents.disposition,
      bizLocation: epcisEvents.bizLocation,
      readPoint: epcisEvents.readPoint,
    })
    .from(unitEvents)
    .innerJoin(epcisEvents, eq(epcisEvents.id, unitEvents.eventId))
    .where(and(eq(unitEvents.unitId, unitId), eq(epcisEvents.organisationId, organisationId), isNull(epcisEvents.retractedAt)))
    .orderBy(asc(unitEvents.eventTime));
}

/** Recalls in force for a product, optionally narrowed to one lot (a recall with no lots covers all). */
export async function listActiveRecalls(db: Executor, organisationId: string, gtin: string, lot: string | null, now: Date) {
  return db
    .select()
    .from(recalls)
    .where(
      and(
        eq(recalls.organisationId, organisationId),
        eq(recalls.gtin, gtin),
        lte(recalls.startedAt, now),
        or(isNull(recalls.endedAt), gt(recalls.endedAt, now)),
        lot === null
          ? sql`true`
          : or(sql`cardinality(${recalls.lots}) = 0`, sql`${lot} = any(${recalls.lots})`),
      ),
    )
    .orderBy(desc(recalls.startedAt));
}

/** Published provenance pages of a product in the given locales; the caller picks the best. */
export async function listProvenancePages(db: Executor, organisationId: string, productId: string, locales: string[]) {
  return db
    .select({ locale: contentPages.locale, title: contentPages.title, body: contentPages.body, lotId: contentPages.lotId })
    .from(contentPages)
    .where(
      and(
        eq(contentPages.organisationId, organisationId),
        eq(contentPages.productId, productId),
        eq(contentPages.status, "published"),
        inArray(contentPages.locale, locales),
      ),
    );
}
