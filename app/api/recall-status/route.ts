import { z } from "zod";
import { AppError, problemResponse } from "@/lib/http/problem";
import { sourceFingerprint } from "@/lib/privacy/fingerprint";
import { assertRateLimit, rateLimitHeaders } from "@/lib/rate-limit/assert-rate-limit";
import { recallStatus } from "@/lib/recalls/recall-status";
import { getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

const query = z.object({
  gtin: z.string().regex(/^\d{14}$/),
  lot: z.string().min(1).max(20).optional(),
  serial: z.string().min(1).max(20).optional(),
});

/** gs1:recallStatus — public, rate-limited: ?gtin=…[&lot=…][&serial=…]. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  try {
    const parsed = query.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw new AppError("bad_request", "Give gtin (14 digits), and optionally lot and serial.");
    const limit = await assertRateLimit("scan", sourceFingerprint(request.headers));
    const status = await recallStatus((await getDatabase()).db, parsed.data);
    return Response.json(status, { headers: { "cache-control": "public, max-age=60", ...rateLimitHeaders(limit) } });
  } catch (error) {
    return problemResponse(error, url.pathname);
  }
}
