// Scans from brands' apps: POST {uri, location?} → the recorded scan's id, verdict and unit (public,
// rate-limited per source like the resolver). lib/verification does the work.
import { problemResponse } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { getResolverDeps } from "@/lib/runtime/resolver-runtime";
import { recordApiScan } from "@/lib/verification/record-api-scan";

export const dynamic = "force-dynamic";

const MAX_BYTES = 8_192;

export async function POST(request: Request) {
  const url = new URL(request.url);
  try {
    const body = await readJsonBody(request, { maxBytes: MAX_BYTES, mediaTypes: ["application/json"] });
    const answer = await recordApiScan(await getResolverDeps(), request.headers, body);
    return Response.json(answer, { status: 201, headers: { location: `/api/scans/${answer.scanId}`, "cache-control": "no-store" } });
  } catch (error) {
    return problemResponse(error, url.pathname);
  }
}
