// What a scan needs to know, by unique keys: the product behind a GTIN with its brand's resolver
// settings (cached per GTIN by the resolver), and — the one query a serialized scan costs — the unit
// (units_gtin_serial_key), as a prepared statement so the database plans it once.
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "../database";
import { organisations, products, units } from "../schema";

export async function findScanProduct(db: Executor, gtin: string) {
  const [row] = await db
    .select({ productId: products.id, organisationId: products.organisationId, settings: organisations.settings })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .where(eq(products.gtin, gtin))
    .limit(1);
  if (!row) return null;
  return { productId: row.productId, organisationId: row.organisationId, serialDefaultLink: row.settings.serialDefaultLink ?? "verification" };
}

export type ScanProduct = NonNullable<Awaited<ReturnType<typeof findScanProduct>>>;

function prepareUnitQuery(db: Database) {
  return db
    .select({ id: units.id, status: units.status, lot: units.lot, expiryDate: units.expiryDate })
    .from(units)
    .where(and(eq(units.gtin, sql.placeholder("gtin")), eq(units.serial, sql.placeholder("serial"))))
    .limit(1)
    .prepare("scan_unit");
}

const prepared = new WeakMap<Database, ReturnType<typeof prepareUnitQuery>>();

export async function findScanUnit(db: Database, gtin: string, serial: string) {
  let query = prepared.get(db);
  if (!query) {
    query = prepareUnitQuery(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ gtin, serial });
  return row ?? null;
}

export type ScanUnit = NonNullable<Awaited<ReturnType<typeof findScanUnit>>>;
