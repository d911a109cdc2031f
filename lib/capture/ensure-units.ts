// The unit rows a capture names: which exist already (their history is stored), and the new ones,
// inserted once with their final state. New units are replayed from memory before they are
// written, so they cost one insert each rather than an insert, a history load and an update.
import { and, eq, inArray, sql } from "drizzle-orm";
import { selectRows, type Transaction } from "@/db/database";
import { products, type ProductCategory, type UnitStatus } from "@/db/schema";
import { AppError } from "@/lib/http/problem";
import { unitKey, type UnitKey } from "./unit-links";
import { arrayLiteral } from "./write-events";

const CHUNK = 10_000;

export interface KnownUnits {
  /** unitKey → id of the organisation's units that exist. */
  readonly ids: Map<string, number>;
  /** Named units that do not exist yet (those of another organisation are in neither map). */
  readonly missing: Map<string, UnitKey>;
  readonly productOf: ReadonlyMap<string, { id: string; category: ProductCategory }>;
}

type UnitRow = { id: number | string; gtin: string; serial: string; ours: boolean };

const keyColumns = (keys: readonly UnitKey[]) => sql`unnest(${arrayLiteral(keys.map((k) => k.gtin))}::text[], ${arrayLiteral(keys.map((k) => k.serial))}::text[]) as k(g, s)`;

/** The organisation's units among these keys, by unitKey. */
export async function findUnits(tx: Transaction, organisationId: string, keys: readonly UnitKey[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await selectRows<UnitRow>(
      tx,
      sql`select u.id, u.gtin, u.serial from units u join ${keyColumns(keys.slice(i, i + CHUNK))} on u.gtin = k.g and u.serial = k.s
        where u.organisation_id = ${organisationId}::uuid`,
    );
    for (const r of rows) ids.set(unitKey(r), Number(r.id));
  }
  return ids;
}

/** Make sure every GTIN has a product of this organisation, and sort the named units into existing and new. */
export async function knownUnits(tx: Transaction, organisationId: string, keys: readonly UnitKey[]): Promise<KnownUnits> {
  const unique = [...new Map(keys.map((k) => [unitKey(k), k])).values()];
  const gtins = [...new Set(unique.map((k) => k.gtin))];
  const ids = new Map<string, number>();
  const missing = new Map<string, UnitKey>();
  if (gtins.length === 0) return { ids, missing, productOf: new Map() };
  // Products the brand has not registered yet are created bare, named by GTIN, for editors to fill in.
  await tx
    .insert(products)
    .values(gtins.map((gtin) => ({ organisationId, gtin, name: { en: `GTIN ${gtin}` }, brandName: "", category: "other" as const })))
    .onConflictDoNothing();
  const productRows = await tx
    .select({ id: products.id, gtin: products.gtin, category: products.category })
    .from(products)
    .where(and(eq(products.organisationId, organisationId), inArray(products.gtin, gtins)));
  const productOf = new Map(productRows.map((p) => [p.gtin, p]));
  const elsewhere = gtins.filter((g) => !productOf.has(g));
  if (elsewhere.length) {
    throw new AppError("conflict", `GTIN ${elsewhere.slice(0, 5).join(", ")} is registered to another organisation.`);
  }
  const foreign = new Set<string>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    // Units of another organisation (a serial is unique per GTIN across brands) stay untouched.
    const rows = await selectRows<UnitRow>(
      tx,
      sql`select u.id, u.gtin, u.serial, u.organisation_id = ${organisationId}::uuid as ours from units u join ${keyColumns(unique.slice(i, i + CHUNK))} on u.gtin = k.g and u.serial = k.s`,
    );
    for (const r of rows) {
      if (r.ours) ids.set(unitKey(r), Number(r.id));
      else foreign.add(unitKey(r));
    }
  }
  for (const k of unique) if (!ids.has(unitKey(k)) && !foreign.has(unitKey(k))) missing.set(unitKey(k), k);
  return { ids, missing, productOf };
}

/** A new unit with the state its replay ended in. */
export interface CreatedUnitRow {
  key: UnitKey;
  productId: string;
  status: UnitStatus;
  since: string;
  eventTime: string | null;
  markets: string[];
  lot: string | null;
  expiry: string | null;
  commissionedAt: string | null;
  parentEpc: string | null;
}

/** Insert new units; answers unitKey → id of those inserted (a unit another capture created meanwhile is left out). */
export async function insertCreatedUnits(tx: Transaction, organisationId: string, rows: readonly CreatedUnitRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const column = (value: (r: CreatedUnitRow) => string | null) => arrayLiteral(chunk.map(value));
    const inserted = await selectRows<UnitRow>(
      tx,
      sql`insert into units (organisation_id, product_id, gtin, serial, status, status_since, status_event_time, markets, lot, expiry_date, commissioned_at, parent_epc)
        select ${organisationId}::uuid, x.p, x.g, x.s, x.st, x.since, x.et, coalesce(string_to_array(x.m, ','), '{}'), x.l, x.ex, x.c, x.pe
        from unnest(${column((r) => r.productId)}::uuid[], ${column((r) => r.key.gtin)}::text[], ${column((r) => r.key.serial)}::text[],
          ${column((r) => r.status)}::text[], ${column((r) => r.since)}::timestamptz[], ${column((r) => r.eventTime)}::timestamptz[],
          ${column((r) => (r.markets.length ? r.markets.join(",") : null))}::text[], ${column((r) => r.lot)}::text[], ${column((r) => r.expiry)}::date[],
          ${column((r) => r.commissionedAt)}::timestamptz[], ${column((r) => r.parentEpc)}::text[])
          as x(p, g, s, st, since, et, m, l, ex, c, pe)
        on conflict do nothing
        returning id, gtin, serial`,
    );
    for (const r of inserted) ids.set(unitKey(r), Number(r.id));
  }
  return ids;
}
