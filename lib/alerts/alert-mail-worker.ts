// The in-process alert mail loop, started once per server process at boot beside the webhook worker.
// In serverless deployments (no long-lived process) call deliverDueAlertMail from a scheduled job.
import type { Database } from "@/db/database";
import { deliverDueAlertMail } from "./deliver-alert-mail";

const globalKey = Symbol.for("genuine.alert-mail-worker");
type GlobalWithWorker = typeof globalThis & { [globalKey]?: NodeJS.Timeout };

export function startAlertMailWorker(db: Database, intervalMs = 10_000) {
  const g = globalThis as GlobalWithWorker;
  if (g[globalKey]) return;
  let running = false;
  g[globalKey] = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueAlertMail(db)
      .catch((error: unknown) => console.error("genuine: alert mail pass failed:", error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  g[globalKey].unref();
}
