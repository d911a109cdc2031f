// Serial batches and the units they commission (issue 5). Every query takes the brand (organisationId).
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { selectRows, type Executor } from "../database";
import { lots, products, serialBatches, units } from "../schema";

export type SerialBatchRow = typeof serialBatches.$inferSelect;
export type LotRow = typeof lots.$inferSelect;

/** The product row, locked until the transaction ends so issuances for one GTIN run one at a time. */
export async function lockProductForIssuance(tx: Executor, organisationId: string, productId: string) {
  const [row] = await tx
    .select({ id: products.id, gtin: products.gtin })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.organisationId, organisationId)))
    .for("update");
  return row;
}

export async function findSerialBatchByRequestKey(db: Executor, organisationId: string, requestKey: string) {
  const [row] = await db
    .select()
    .from(serialBatches)
    .where(and(eq(serialBatches.organisationId, organisationId), eq(serialBatches.requestKey, requestKey)))
    .limit(1);
  return row;
}

export async function findLot(db: Executor, organisationId: string, gtin: string, lot: string) {
  const [row] = await db
    .select()
    .from(lots)
    .where(and(eq(lots.organisationId, organisationId), eq(lots.gtin, gtin), eq(lots.lot, lot)))
    .limit(1);
  return row;
}

export async function insertLot(db: Executor, values: typeof lots.$inferInsert) {
  const [row] = await db.insert(lots).values(values).returning();
  return row!;
}

export async function setLotExpiry(db: Executor, organisationId: string, lotId: string, expiryDate: string) {
  await db
    .update(lots)
    .set({ expiryDate })
    .where(and(eq(lots.id, lotId), eq(lots.organisationId, organisationId)));
}

export async function insertSerialBatch(db: Executor, values: typeof serialBatches.$inferInsert) {
  const [row] = await db.insert(serialBatches).values(values).returning();
  return row!;
}

/** Units already carrying a serial of this GTIN, whatever their format: the pool's "issued" count. */
export async function countUnitsOfGtin(db: Executor, gtin: string): Promise<number> {
  const [row] = await selectRows<{ issued: number }>(db, sql`select count(*)::int as issued from ${units} where ${units.gtin} = ${gtin}`);
  return Number(row?.issued ?? 0);
}

export interface CommissionedUnitsChunk {
  organisationId: string;
  productId: string;
  gtin: string;
  lotId: string;
  lot: string;
  expiryDate: string | null;
  serialBatchId: string;
  commissionedAt: Date;
  /** Serials without spaces (CSET 82 has none), so one space-joined text parameter carries them all. */
  serials: readonly string[];
}

/**
 * Insert a chunk of commissioned units in one statement and return how many were new. The serials
 * travel as a single text parameter split server-side, which keeps far below the 65,535 bind-parameter
 * limit, plans once, and works the same on postgres.js, Neon and PGlite. A serial the GTIN already
 * has is skipped (ON CONFLICT DO NOTHING) and the caller tops up.
 */
export async function insertCommissionedUnits(db: Executor, chunk: CommissionedUnitsChunk): Promise<number> {
  if (chunk.serials.length === 0) return 0;
  const at = chunk.commissionedAt.toISOString();
  const [row] = await selectRows<{ inserted: number }>(
    db,
    sql`with inserted as (
      insert into units (organisation_id, product_id, gtin, serial, lot_id, lot, expiry_date, status, serial_batch_id, commissioned_at, status_since)
      select ${chunk.organisationId}::uuid, ${chunk.productId}::uuid, ${chunk.gtin}::text, serial, ${chunk.lotId}::uuid,
        ${chunk.lot}::text, ${chunk.expiryDate}::date, 'commissioned', ${chunk.serialBatchId}::uuid, ${at}::timestamptz, ${at}::timestamptz
      from unnest(string_to_array(${chunk.serials.join(" ")}::text, ' ')) as serial
      on conflict (gtin, serial) do nothing
      returning 1
    ) select count(*)::int as inserted from inserted`,
  );
  return Number(row?.inserted ?? 0);
}

/** A batch with what its exports print on every label. */
export async function findSerialBatchForExport(db: Executor, organisationId: string, batchId: string) {
  const [row] = await db
    .select({ batch: serialBatches, gtin: products.gtin, lot: lots.lot, expiryDate: lots.expiryDate })
    .from(serialBatches)
    .innerJoin(products, eq(products.id, serialBatches.productId))
    .leftJoin(lots, eq(lots.id, serialBatches.lotId))
    .where(and(eq(serialBatches.id, batchId), eq(serialBatches.organisationId, organisationId)))
    .limit(1);
  return row;
}

export interface BatchUnitRow {
  id: number;
  gtin: string;
  serial: string;
  lot: string | null;
  expiryDate: string | null;
}

/** One keyset page of a batch's units by id: constant cost per page, however deep the export is. */
export async function listBatchUnitsAfter(
  db: Executor,
  organisationId: string,
  batchId: string,
  afterId: number,
  limit: number,
): Promise<BatchUnitRow[]> {
  return db
    .select({ id: units.id, gtin: units.gtin, serial: units.serial, lot: units.lot, expiryDate: units.expiryDate })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), eq(units.serialBatchId, batchId), gt(units.id, afterId)))
    .orderBy(asc(units.id))
    .limit(limit);
}

/** The organisation's serial batches, newest first, with product and lot. */
export async function listSerialBatches(db: Executor, organisationId: string, limit = 50) {
  return db
    .select({
      id: serialBatches.id,
      quantity: serialBatches.quantity,
      createdAt: serialBatches.createdAt,
      gtin: products.gtin,
      productName: products.name,
      lot: lots.lot,
      expiryDate: lots.expiryDate,
    })
    .from(serialBatches)
    .innerJoin(products, eq(products.id, serialBatches.productId))
    .leftJoin(lots, eq(lots.id, serialBatches.lotId))
    .where(eq(serialBatches.organisationId, organisationId))
    .orderBy(desc(serialBatches.createdAt))
    .limit(limit);
}
