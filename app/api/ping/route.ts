// Liveness: answers without touching the database (/api/health checks the database). Also the
// benchmark's "constant Next.js route" beside the resolver.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response("ok", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
