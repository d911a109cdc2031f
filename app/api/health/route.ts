import { AppError, problemResponse } from "@/lib/http/problem";
import { checkHealth, describe } from "@/lib/health/check-health";
import { getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  let health;
  try {
    health = await checkHealth(await getDatabase());
  } catch (error) {
    health = { status: "error", database: "unknown", reason: describe(error) } as const;
  }
  if (health.status === "ok") {
    return Response.json(health, { headers: { "cache-control": "no-store" } });
  }
  const path = new URL(request.url).pathname;
  return problemResponse(new AppError("service_unavailable", health.reason, { database: health.database }), path);
}
