// Digital Links at the root ("/01/…", "/00/…", "/414/…") come straight here: proxy.ts leaves paths that
// start with an AI segment alone, so a scan costs one route handler and nothing more (prefixed and
// compressed links are rewritten to app/resolver by the proxy). Any other path that lands here is a
// 404 page; the app's own pages are matched before this route.
import { errorResponse } from "@/lib/resolver/resolver-http";
import { isResolverPath } from "@/lib/resolver/resolver-path";
import { answerResolverRequest } from "@/lib/runtime/resolver-runtime";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (!isResolverPath(path)) {
    return errorResponse(request.method.toUpperCase(), request.headers.get("accept"), { status: 404, title: "We could not find this page", message: "There is nothing at this address. If you scanned a code, try scanning it again." });
  }
  return answerResolverRequest(request, path);
}

export const GET = handle;
export const HEAD = handle;
export const OPTIONS = handle;
