// The application's database: opened once per process, migrated, and seeded with the demo when it
// is a new embedded database. Route handlers and pages call getDatabase(); the first call boots.
import path from "node:path";
import { getEnv, type Env } from "@/lib/config/env";
import { loadOrCreateSecrets } from "@/lib/config/secrets";
import type { DatabaseHandle } from "@/db/database";
import { chooseDriver, openDatabase } from "@/db/open-database";

const globalKey = Symbol.for("genuine.database");
type GlobalWithDatabase = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> };

export function dataDirectory(env: Env = getEnv()): string {
  // Not traced by the bundler: the data folder is runtime state, not part of the build.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATA_DIR);
}

/** Open (not migrate) the database the environment names; scripts use this too. */
export function openConfiguredDatabase(env: Env = getEnv()): Promise<DatabaseHandle> {
  return openDatabase({
    url: env.DATABASE_URL,
    driver: env.DATABASE_DRIVER,
    dataDir: dataDirectory(env),
    poolMax: env.DATABASE_POOL_MAX,
    neonWsProxy: env.NEON_WS_PROXY,
  });
}

/** Secrets, connection, migrations and (for a new embedded database) the demo — in that order. */
export async function bootDatabase(env: Env): Promise<DatabaseHandle> {
  const kind = chooseDriver(env.DATABASE_URL, env.DATABASE_DRIVER);
  if (kind === "neon" && !env.AUTH_SECRET) {
    // A serverless file system forgets a generated secret between instances.
    throw new Error("AUTH_SECRET must be set when running on Neon (serverless deployments keep no data folder).");
  }
  const secrets = await loadOrCreateSecrets({ authSecret: env.AUTH_SECRET, dataDir: dataDirectory(env) });
  // Auth.js reads AUTH_SECRET from the environment.
  process.env.AUTH_SECRET = secrets.authSecret;

  const handle = await openConfiguredDatabase(env);
  try {
    if (env.MIGRATE_ON_START) await handle.migrate();
    const seedWanted = env.SEED_DEMO === "true" || (env.SEED_DEMO === "auto" && handle.kind === "pglite");
    if (seedWanted) {
      const { seedDemo } = await import("@/lib/demo/seed");
      const started = Date.now();
      const summary = await seedDemo(handle.db);
      if (summary.seeded) {
        console.info(
          `genuine: seeded the demo (${summary.units} units, ${summary.events} events, ${summary.scans} scans) in ${Date.now() - started} ms`,
        );
      }
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  console.info(`genuine: database ready (${handle.kind})`);
  return handle;
}

export function getDatabase(): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithDatabase;
  g[globalKey] ??= bootDatabase(getEnv()).catch((error: unknown) => {
    // Let a later request retry (the database may come back) instead of caching the failure.
    delete g[globalKey];
    throw error;
  });
  return g[globalKey];
}
