// Next.js calls register() once when a server process starts: boot the database (migrate, and seed
// a new embedded one) before the first request, so the first visitor does not wait for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabase } = await import("@/lib/runtime/app-database");
  try {
    const { db } = await getDatabase();
    const { startWebhookWorker } = await import("@/lib/webhooks/worker");
    // getDatabase() has loaded or generated AUTH_SECRET by now.
    startWebhookWorker(db, process.env.AUTH_SECRET!);
    const { startAlertMailWorker } = await import("@/lib/alerts/alert-mail-worker");
    startAlertMailWorker(db);
  } catch (error) {
    // Keep serving: /api/health reports the reason and later requests retry.
    console.error("genuine: database start-up failed:", error instanceof Error ? error.message : error);
  }
}
