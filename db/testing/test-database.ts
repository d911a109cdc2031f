// A fresh, migrated database for one test file, on whichever engine this run targets.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { inject } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { openDatabase } from "@/db/open-database";

export type TestDatabaseTarget =
  | { kind: "pglite"; archive: string }
  | { kind: "postgres"; serverUrl: string; template: string };

export interface TestDatabase extends DatabaseHandle {
  /** postgres:// URL of this database (PostgreSQL runs only). */
  url?: string;
  drop(): Promise<void>;
}

export function testDatabaseTarget(): TestDatabaseTarget {
  return inject("testDatabase");
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const target = testDatabaseTarget();
  if (target.kind === "pglite") {
    const archive = new Blob([await readFile(target.archive)]);
    const handle = await openDatabase({ driver: "pglite", pgliteArchive: archive });
    return { ...handle, drop: () => handle.close() };
  }
  const name = `genuine_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(target.serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${target.template}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(target.serverUrl, name);
  const handle = await openDatabase({ url, driver: "postgres", poolMax: 4 });
  return {
    ...handle,
    url,
    drop: async () => {
      await handle.close();
      const cleanup = postgres(target.serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
