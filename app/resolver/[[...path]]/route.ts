// The GS1-conformant resolver. proxy.ts rewrites every request whose path holds a Digital Link here
// (the original path follows /resolver); the lib does the rest.
import { handleResolverRequest } from "@/lib/resolver/handle-resolver-request";
import { problemResponse } from "@/lib/http/problem";
import { getResolverDeps } from "@/lib/runtime/resolver-runtime";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/resolver(?=\/|$)/, "") || "/";
  try {
    return await handleResolverRequest(request, await getResolverDeps(), path);
  } catch (error) {
    return problemResponse(error, path);
  }
}

export const GET = handle;
export const HEAD = handle;
export const OPTIONS = handle;
