// Neon serverless PostgreSQL through its WebSocket Pool, which (unlike the HTTP driver) supports
// interactive transactions — every multi-row write in genuine needs them.
import { Pool, neonConfig } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import { migrate } from "drizzle-orm/neon-serverless/migrator";
import ws from "ws";
import * as schema from "../schema";
import type { Database, DatabaseHandle } from "../database";
import { migrationsFolder } from "../migrations-folder";

export function openNeon(url: string, options: { poolMax: number; wsProxy?: string }): DatabaseHandle {
  // Node 20 has no global WebSocket.
  neonConfig.webSocketConstructor = ws;
  if (options.wsProxy) {
    // Local development/tests: a plain ws:// proxy in front of an ordinary PostgreSQL server.
    // The driver connects to ws://<wsProxy>?address=<host>:<port>.
    neonConfig.wsProxy = options.wsProxy;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: url, max: options.poolMax });
  const db = drizzle({ client: pool, schema });
  return {
    db: db as unknown as Database,
    kind: "neon",
    migrate: () => migrate(db, { migrationsFolder: migrationsFolder() }),
    close: () => pool.end(),
  };
}
