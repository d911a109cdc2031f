// The driver-neutral face of the database: every module outside db/drivers sees only this.
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQLWrapper } from "drizzle-orm";
import type * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; accepted wherever a Database is, so queries compose inside transactions. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

export type DatabaseKind = "pglite" | "postgres" | "neon";

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Run raw SQL and get rows, whichever driver answers (they shape results differently). */
export async function selectRows<Row extends Record<string, unknown>>(
  executor: Executor,
  query: SQLWrapper | string,
): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}
