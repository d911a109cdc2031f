// The one place that decides which driver runs, from DATABASE_URL (and DATABASE_DRIVER to override).
import type { DatabaseHandle, DatabaseKind } from "./database";

export interface DatabaseConfig {
  url?: string;
  driver?: "auto" | DatabaseKind;
  dataDir?: string;
  poolMax?: number;
  neonWsProxy?: string;
  /** PGlite only: start from a dumpDataDir() archive. */
  pgliteArchive?: Blob;
}

const neonHost = /(^|\.)neon\.(tech|build)$/i;

/** unset → embedded PGlite; a Neon host → Neon's serverless driver; any other postgres:// → PostgreSQL. */
export function chooseDriver(url: string | undefined, override: DatabaseConfig["driver"] = "auto"): DatabaseKind {
  if (override !== "auto") {
    if (override !== "pglite" && !url) throw new Error(`DATABASE_DRIVER=${override} needs DATABASE_URL`);
    return override;
  }
  if (!url) return "pglite";
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error("DATABASE_URL is not a valid URL");
  }
  return neonHost.test(host) ? "neon" : "postgres";
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const kind = chooseDriver(config.url, config.driver);
  const poolMax = config.poolMax ?? 10;
  // Drivers are imported lazily so a deployment only loads the one it uses (PGlite's WASM is large).
  switch (kind) {
    case "pglite": {
      const { openPglite } = await import("./drivers/pglite");
      return openPglite({ dataDir: config.dataDir, loadDataDir: config.pgliteArchive });
    }
    case "postgres": {
      const { openPostgres } = await import("./drivers/postgres");
      return openPostgres(config.url!, { poolMax });
    }
    case "neon": {
      const { openNeon } = await import("./drivers/neon");
      return openNeon(config.url!, { poolMax, wsProxy: config.neonWsProxy });
    }
  }
}
