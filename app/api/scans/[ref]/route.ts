// One recorded scan's verification data by its ref (an unguessable UUID): what the verification page shows.
import { AppError, problemResponse } from "@/lib/http/problem";
import { sourceFingerprint } from "@/lib/privacy/fingerprint";
import { assertRateLimit } from "@/lib/rate-limit/assert-rate-limit";
import { getDatabase } from "@/lib/runtime/app-database";
import { loadScanVerification } from "@/lib/verification/load-scan-verification";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const url = new URL(request.url);
  try {
    await assertRateLimit("scan", sourceFingerprint(request.headers));
    const { ref } = await params;
    const verification = await loadScanVerification((await getDatabase()).db, ref, request.headers.get("accept-language"));
    if (!verification) throw new AppError("not_found", "No scan has this id.");
    return Response.json(verification, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return problemResponse(error, url.pathname);
  }
}
