// Resolver hot path: scans per second answered by genuine's resolver (parse, rate limit, one indexed
// unit query, cached links, resolution, scan handed to the durable writer) next to a bare node:http
// server answering the same 307, measured the same way in the same run.
//   npx tsx bench/resolver.ts                                   PGlite in memory
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/resolver.ts   also PostgreSQL (fresh database, dropped after)
// BENCH_SECONDS (default 5) per measurement, BENCH_CONCURRENCY (default 16) requests in flight.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, request as httpRequest } from "node:http";
import { selectRows, type DatabaseHandle } from "@/db/database";
import { openDatabase } from "@/db/open-database";
import { createOrganisation } from "@/db/queries/organisations";
import { insertScans } from "@/db/queries/scans";
import { createInProcessRateLimiter } from "@/lib/rate-limit/in-process-limiter";
import { rateLimitPolicies, type RateLimitPolicyTable } from "@/lib/rate-limit/policies";
import { handleResolverRequest, type ResolverDeps } from "@/lib/resolver/handle-resolver-request";
import { LinkCache } from "@/lib/resolver/link-cache";
import { linkLoader } from "@/lib/resolver/link-loader";
import { scanProductCache } from "@/lib/resolver/scan-product-cache";
import { writeLinkDocuments } from "@/lib/resolver/manage-links";
import { parseEdgeConfig } from "@/lib/scans/edge-location";
import { scanHasher } from "@/lib/scans/scan-hashes";
import { ScanWriter } from "@/lib/scans/scan-writer";
import { withBenchDatabase } from "./bench-database";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const UNITS = 10_000;
const GTIN = "09529999000019";

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Requests per second against a server: `concurrency` keep-alive clients for `seconds`. */
async function load(server: Server, path: (i: number) => string): Promise<number> {
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: path(i), agent, headers: { "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 307 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on("error", reject);
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < until; i += concurrency) {
        await one(i);
        done++;
      }
    }),
  );
  agent.destroy();
  return done / ((performance.now() - started) / 1000);
}

async function seed(handle: DatabaseHandle) {
  await handle.migrate();
  const org = await createOrganisation(handle.db, { slug: "bench", name: "Bench", kind: "brand", companyPrefixes: ["9529999"], approvedDomains: ["brand.example"] });
  await handle.db.execute(`insert into products (organisation_id, gtin, name, brand_name, category) values ('${org.id}', '${GTIN}', '{"en":"Bench"}', 'Bench', 'other')`);
  await handle.db.execute(
    `insert into units (organisation_id, product_id, gtin, serial, lot, status)
     select '${org.id}', p.id, p.gtin, 'S' || g, 'L1', 'sellable' from products p, generate_series(1, ${UNITS}) g where p.gtin = '${GTIN}'`,
  );
  await writeLinkDocuments(handle.db, org.id, null, {
    anchor: `/01/${GTIN}`,
    itemDescription: "Bench product",
    links: [{ linktype: "gs1:pip", href: "https://brand.example/p", title: "Product", hreflang: ["en"] }],
  });
}

async function measure(engine: string, handle: DatabaseHandle) {
  await seed(handle);
  const writer = new ScanWriter({ write: (batch) => insertScans(handle.db, batch) });
  const generous = Object.fromEntries(Object.entries(rateLimitPolicies).map(([k, p]) => [k, { ...p, limit: 1e9 }])) as unknown as RateLimitPolicyTable;
  const deps: ResolverDeps = {
    db: handle.db,
    cache: new LinkCache(linkLoader(handle.db)),
    products: scanProductCache(handle.db),
    writer,
    hasher: scanHasher("b".repeat(32), "k1"),
    edges: parseEdgeConfig("vercel"),
    limiter: createInProcessRateLimiter({ policies: generous }),
    publicOrigin: null,
    defer: (task) => setImmediate(() => void task()),
  };
  const resolver = await listen((req, res) => {
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string> });
    void handleResolverRequest(request, deps, req.url!.split("?")[0]!).then((response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end();
    });
  });
  const bare = await listen((_req, res) => {
    res.writeHead(307, { location: "https://brand.example/p" });
    res.end();
  });
  const path = (i: number) => `/01/${GTIN}/10/L1/21/S${(i % UNITS) + 1}?17=271231`;
  await load(resolver, path); // warm-up: JIT, cache, connections
  const rows = [];
  for (let r = 0; r < 2; r++) {
    const baseline = await load(bare, path);
    const genuine = await load(resolver, path);
    rows.push({ engine, baseline, genuine });
  }
  await writer.flush();
  const [{ n }] = (await selectRows<{ n: number }>(handle.db, "select count(*)::int as n from scans")) as [{ n: number }];
  resolver.close();
  bare.close();
  writer.close();
  return { engine, baseline: Math.max(...rows.map((r) => r.baseline)), genuine: Math.max(...rows.map((r) => r.genuine)), scans: n };
}

async function main() {
  const results = [];
  const pglite = await openDatabase({ driver: "pglite" });
  results.push(await measure("pglite", pglite));
  await pglite.close();
  if (process.env.BENCH_DATABASE_URL) results.push(await withBenchDatabase(process.env.BENCH_DATABASE_URL, (handle) => measure("postgres", handle)));
  console.log(`\nResolver: serialized scans answered per second (${concurrency} keep-alive clients, ${seconds} s, best of 2)\n`);
  console.log("| database | bare node:http 307/s | genuine resolver scans/s | ratio | scans written |\n|---|---:|---:|---:|---:|");
  for (const r of results) console.log(`| ${r.engine} | ${Math.round(r.baseline)} | ${Math.round(r.genuine)} | ${((r.genuine / r.baseline) * 100).toFixed(1)}% | ${r.scans} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
