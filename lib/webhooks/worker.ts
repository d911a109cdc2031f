// The in-process delivery loop, started once per server process at boot. In serverless deployments
// (no long-lived process) call deliverDueWebhooks from a scheduled job instead.
import type { Database } from "@/db/database";
import { deliverDueWebhooks } from "./deliver";

const globalKey = Symbol.for("genuine.webhook-worker");
type GlobalWithWorker = typeof globalThis & { [globalKey]?: NodeJS.Timeout };

export function startWebhookWorker(db: Database, appSecret: string, intervalMs = 5_000) {
  const g = globalThis as GlobalWithWorker;
  if (g[globalKey]) return;
  let running = false;
  g[globalKey] = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueWebhooks(db, { appSecret })
      .catch((error: unknown) => console.error("genuine: webhook delivery pass failed:", error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  g[globalKey].unref();
}
