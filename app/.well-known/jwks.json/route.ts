// The public keys that verify API-key tokens (RFC 7517 JWK Set), for callers that check tokens themselves.
import { publicJwks } from "@/lib/api-keys/signing-keys";
import { problemResponse } from "@/lib/http/problem";
import { getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const { db } = await getDatabase();
    // Five minutes bounds how long a retired key lingers in verifiers' caches; a new kid is no
    // problem, as verifiers refetch on a kid they do not know (jose's createRemoteJWKSet does).
    return Response.json(await publicJwks(db), {
      headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
    });
  } catch (error) {
    return problemResponse(error, new URL(request.url).pathname);
  }
}
