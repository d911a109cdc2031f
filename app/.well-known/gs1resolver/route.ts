// The Resolver Description File (GS1-Conformant Resolver: SHALL be at /.well-known/gs1resolver).
import { getEnv } from "@/lib/config/env";
import { buildResolverDescription } from "@/lib/resolver/resolver-description";
import { CORS_HEADERS } from "@/lib/resolver/resolver-http";

export const dynamic = "force-dynamic";

function origin(request: Request): string {
  const configured = getEnv().PUBLIC_BASE_URL;
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

export async function GET(request: Request) {
  const root = origin(request);
  // The standard asks for https; a local run over plain http describes itself as it is.
  const plain = root.startsWith("http://");
  const built = buildResolverDescription({ resolverRoot: plain ? root.replace(/^http:/, "https:") : root, name: "genuine" });
  if (!built.ok) return Response.json({ error: built.error.message }, { status: 500 });
  const description = plain ? { ...built.value, resolverRoot: root } : built.value;
  return Response.json(description, { headers: { ...CORS_HEADERS, "cache-control": "public, max-age=3600" } });
}

export async function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
