// Any PostgreSQL server through postgres.js.
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import * as schema from "../schema";
import type { Database, DatabaseHandle } from "../database";
import { migrationsFolder } from "../migrations-folder";

export function openPostgres(url: string, options: { poolMax: number }): DatabaseHandle {
  const client = postgres(url, {
    max: options.poolMax,
    // postgres.js prints every server NOTICE (e.g. "relation already exists, skipping") otherwise.
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 60,
  });
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Database,
    kind: "postgres",
    migrate: () => migrate(db, { migrationsFolder: migrationsFolder() }),
    close: () => client.end({ timeout: 5 }),
  };
}
