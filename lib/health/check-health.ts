// The state /api/health reports: the database answers, and which migration it is at.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { selectRows, type DatabaseHandle, type DatabaseKind } from "@/db/database";
import { migrationsFolder } from "@/db/migrations-folder";

export type Health =
  | { status: "ok"; database: DatabaseKind; migrations: string }
  | { status: "error"; database: DatabaseKind | "unknown"; reason: string };

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

async function readJournal(): Promise<Journal> {
  return JSON.parse(await readFile(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as Journal;
}

const TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function checkHealth(handle: DatabaseHandle): Promise<Health> {
  try {
    // drizzle's migrator records each applied migration's folder timestamp ("when" in the journal).
    const rows = await withTimeout(
      selectRows<{ created_at: string | number | null }>(
        handle.db,
        sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`,
      ),
      "the database",
    );
    const applied = Number(rows[0]?.created_at ?? 0);
    const journal = await readJournal();
    const latest = journal.entries.filter((e) => e.when <= applied).at(-1);
    const pending = journal.entries.length - (latest ? latest.idx + 1 : 0);
    if (!latest) return { status: "error", database: handle.kind, reason: "no migrations applied" };
    if (pending > 0) {
      return { status: "error", database: handle.kind, reason: `${pending} migration(s) pending after ${latest.tag}` };
    }
    return { status: "ok", database: handle.kind, migrations: latest.tag };
  } catch (error) {
    return { status: "error", database: handle.kind, reason: describe(error) };
  }
}

/** The root cause in words: drizzle wraps driver errors ("Failed query: …") around the useful one. */
export function describe(error: unknown): string {
  while (error instanceof Error && error.cause instanceof Error) error = error.cause;
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
