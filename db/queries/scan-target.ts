// The one indexed query a scan costs: the product behind a GTIN, its brand's resolver settings, and —
// for a serialized code — the unit, all by unique keys (products_gtin_key, units_gtin_serial_key).
import { and, eq } from "drizzle-orm";
import type { Executor } from "../database";
import { organisations, products, units } from "../schema";

export async function findScanTarget(db: Executor, gtin: string, serial: string | null) {
  const [row] = await db
    .select({
      productId: products.id,
      organisationId: products.organisationId,
      settings: organisations.settings,
      unitId: units.id,
      unitStatus: units.status,
      unitLot: units.lot,
      unitExpiry: units.expiryDate,
    })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .leftJoin(units, serial === null ? eq(units.id, -1) : and(eq(units.gtin, products.gtin), eq(units.serial, serial)))
    .where(eq(products.gtin, gtin))
    .limit(1);
  if (!row) return null;
  return {
    productId: row.productId,
    organisationId: row.organisationId,
    serialDefaultLink: row.settings.serialDefaultLink ?? "verification",
    unit: row.unitId === null ? null : { id: row.unitId, status: row.unitStatus!, lot: row.unitLot, expiryDate: row.unitExpiry },
  };
}

export type ScanTarget = NonNullable<Awaited<ReturnType<typeof findScanTarget>>>;
