// Start-up as `npm run dev` / `npm start` does it: secrets, driver, migrations, demo, health.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "@/db/schema";
import { openDatabase } from "@/db/open-database";
import { DataFolderInUseError } from "@/db/drivers/folder-lock";
import { parseEnv } from "@/lib/config/env";
import { checkHealth } from "@/lib/health/check-health";
import { bootDatabase } from "@/lib/runtime/app-database";
import { createTestDatabase, testDatabaseTarget, type TestDatabase } from "@/db/testing/test-database";

let folder: string;
let database: TestDatabase | undefined;
const target = testDatabaseTarget();

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "genuine-start-"));
  if (target.kind === "postgres") database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
  await rm(folder, { recursive: true, force: true });
});

describe("start-up", () => {
  it("starts with no environment: generates the secret once, migrates, reports healthy", async () => {
    const dataDir = path.join(folder, "data");
    const env = parseEnv({ DATA_DIR: dataDir, SEED_DEMO: "false", DATABASE_URL: database?.url });
    const first = await bootDatabase(env);
    const secret = JSON.parse(await readFile(path.join(dataDir, "secrets.json"), "utf8")).authSecret as string;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(process.env.AUTH_SECRET).toBe(secret);
    const health = await checkHealth(first);
    const journal = JSON.parse(await readFile(path.join("db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    expect(health).toEqual({ status: "ok", database: target.kind, migrations: journal.entries.at(-1)!.tag });
    await first.close();

    const second = await bootDatabase(env);
    expect(process.env.AUTH_SECRET).toBe(secret);
    await second.close();
  });

  it("answers unhealthy, with the reason, when the database is gone", async () => {
    const unreachable = await openDatabase({ url: "postgres://genuine:none@127.0.0.1:9/genuine", driver: "postgres", poolMax: 1 });
    const health = await checkHealth(unreachable);
    expect(health).toMatchObject({ status: "error", database: "postgres", reason: expect.stringMatching(/ECONNREFUSED/) });
    await unreachable.close();
  });
});

describe.runIf(target.kind === "pglite")("embedded database folder", () => {
  it("seeds a new embedded database on first start, and only then", async () => {
    const env = parseEnv({ DATA_DIR: path.join(folder, "seeded") });
    const handle = await bootDatabase(env);
    const [units] = await handle.db.select({ n: count() }).from(t.units);
    expect(units!.n).toBeGreaterThanOrEqual(1000);
    await handle.close();
    const again = await bootDatabase(env);
    const [orgs] = await again.db.select({ n: count() }).from(t.organisations);
    expect(orgs!.n).toBe(4);
    await again.close();
  });

  it("refuses a folder another live process holds, and takes over a stale lock", async () => {
    const dataDir = path.join(folder, "locked");
    const holder: ChildProcess = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      await openDatabase({ driver: "pglite", dataDir }).then((h) => h.close());
      await writeFile(path.join(dataDir, "genuine.lock"), String(holder.pid));
      await expect(openDatabase({ driver: "pglite", dataDir })).rejects.toThrow(DataFolderInUseError);
      await expect(openDatabase({ driver: "pglite", dataDir })).rejects.toThrow(/in use by another process \(pid \d+\)/);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once("exit", resolve));
    const handle = await openDatabase({ driver: "pglite", dataDir });
    await handle.close();
  });
});
