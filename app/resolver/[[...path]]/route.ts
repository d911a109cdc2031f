// The GS1-conformant resolver. proxy.ts rewrites every request whose path holds a Digital Link here
// (the original path follows /resolver); the lib does the rest.
import { answerResolverRequest } from "@/lib/runtime/resolver-runtime";

export const dynamic = "force-dynamic";

function handle(request: Request): Promise<Response> {
  return answerResolverRequest(request, new URL(request.url).pathname.replace(/^\/resolver(?=\/|$)/, "") || "/");
}

export const GET = handle;
export const HEAD = handle;
export const OPTIONS = handle;
