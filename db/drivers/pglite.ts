// Embedded PostgreSQL (PGlite, WASM) persisted in a folder: the zero-setup default.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import * as schema from "../schema";
import type { Database, DatabaseHandle } from "../database";
import { migrationsFolder } from "../migrations-folder";
import { acquireFolderLock } from "./folder-lock";

export interface PgliteOptions {
  /** Folder to persist in; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** A dumpDataDir() archive to start from instead of running initdb (fast test databases). */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions): Promise<DatabaseHandle & { client: PGlite }> {
  let releaseLock = () => {};
  let folder: string | undefined;
  if (options.dataDir) {
    // PGlite's own mkdir is not recursive.
    await mkdir(options.dataDir, { recursive: true });
    releaseLock = acquireFolderLock(options.dataDir);
    folder = path.join(options.dataDir, "pglite");
  }
  let client: PGlite;
  try {
    client = await PGlite.create(folder, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (error) {
    releaseLock();
    throw error;
  }
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    client,
    migrate: async () => {
      await migrate(drizzle({ client, schema }), { migrationsFolder: migrationsFolder() });
    },
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}
