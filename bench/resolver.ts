// The resolver's hot path on the production server (issue 6): requests/s and p99 at 50 connections
// (autocannon) for a bare node:http server (the ceiling), a constant Next.js route (/api/ping) and a
// resolver scan of a seeded unit (307 + a recorded scan), on PGlite and on PostgreSQL, all in one run.
// Afterwards every scan answered must be in the database: they are counted.
//   npm run build && npm run bench:resolver
//   BENCH_DATABASE_URL=postgres://… npm run bench:resolver     also PostgreSQL (a fresh database, dropped after)
// BENCH_SECONDS (default 10) per measurement.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { selectRows } from "@/db/database";
import { openDatabase } from "@/db/open-database";
import { withBenchDatabase } from "./bench-database";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
// A demo unit (lib/demo/showcase.ts): seeded in every demo database.
const SCAN = "/01/09506000134352/10/CX24A17/21/GN7K2P9M4X?17=270630";

interface Row { target: string; engine: string; rps: number; p99: number; ok: number; other: number }

function randomAddress(): string {
  return `10.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}.${(Math.random() * 256) | 0}`;
}

async function cannon(url: string, expected: number, varySource: boolean): Promise<{ rps: number; p99: number; ok: number; other: number }> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // A new network source per request: the per-source scan limit (120/min) would otherwise answer 429.
    requests: [{ setupRequest: (req) => (varySource ? { ...req, headers: { ...req.headers, "x-forwarded-for": randomAddress() } } : req) }],
  });
  const codes = (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
  const ok = codes[String(expected)]?.count ?? 0;
  const total = Object.values(codes).reduce((n, c) => n + c.count, 0);
  return { rps: result.requests.average, p99: result.latency.p99, ok, other: total - ok };
}

async function waitFor(url: string, child: ChildProcess, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

function startNext(port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

async function measure(engine: string, env: Record<string, string>, countScans: (since: Date) => Promise<number>, bare: string): Promise<Row[]> {
  const port = 3700 + (engine === "pglite" ? 0 : 1);
  const origin = `http://127.0.0.1:${port}`;
  const child = startNext(port, env);
  try {
    await waitFor(`${origin}/api/health`, child);
    // Warm-up: JIT, the route bundles, caches, connections.
    for (const [url, code, vary] of [[`${origin}/api/ping`, 200, false], [`${origin}${SCAN}`, 307, true]] as const) await autocannon({ url, connections: 10, amount: 2000, requests: [{ setupRequest: (r) => (vary ? { ...r, headers: { ...r.headers, "x-forwarded-for": randomAddress() } } : r) }] }).then(() => code);
    const started = new Date();
    const rows: Row[] = [];
    rows.push({ target: "bare node:http (ceiling)", engine, ...(await cannon(bare, 307, false)) });
    rows.push({ target: "constant Next.js route", engine, ...(await cannon(`${origin}/api/ping`, 200, false)) });
    const scan = await cannon(`${origin}${SCAN}`, 307, true);
    rows.push({ target: "resolver scan (307 + recorded)", engine, ...scan });
    // The writer batches within milliseconds; give it a moment before counting.
    await new Promise((r) => setTimeout(r, 2000));
    if (engine === "pglite") await stop(child);
    const recorded = await countScans(started);
    (rows[2] as Row & { recorded?: string }).recorded = `${recorded} of ${scan.ok}`;
    return rows;
  } finally {
    await stop(child);
  }
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("Build first: npm run build");
  const bareServer = createServer((_req, res) => {
    res.writeHead(307, { location: "https://example.com/" });
    res.end();
  });
  await new Promise<void>((r) => bareServer.listen(3699, "127.0.0.1", r));
  const bare = "http://127.0.0.1:3699/";
  const rows: Row[] = [];

  const dataDir = mkdtempSync(path.join(tmpdir(), "genuine-bench-"));
  const pgliteScans = async (since: Date) => {
    const handle = await openDatabase({ driver: "pglite", dataDir });
    try {
      return (await selectRows<{ n: number }>(handle.db, `select count(*)::int as n from scans where serial = 'GN7K2P9M4X' and scanned_at >= '${since.toISOString()}'`))[0]!.n;
    } finally {
      await handle.close();
    }
  };
  rows.push(...(await measure("pglite", { DATA_DIR: dataDir }, pgliteScans, bare)));
  rmSync(dataDir, { recursive: true, force: true });

  if (process.env.BENCH_DATABASE_URL) {
    rows.push(
      ...(await withBenchDatabase(process.env.BENCH_DATABASE_URL, async (handle, url) => {
        const count = async (since: Date) => (await selectRows<{ n: number }>(handle.db, `select count(*)::int as n from scans where serial = 'GN7K2P9M4X' and scanned_at >= '${since.toISOString()}'`))[0]!.n;
        return measure("postgres", { DATABASE_URL: url, SEED_DEMO: "true", DATA_DIR: mkdtempSync(path.join(tmpdir(), "genuine-bench-pg-")) }, count, bare);
      })),
    );
  }
  bareServer.close();

  console.log(`\nResolver hot path on the production server: ${CONNECTIONS} connections, ${seconds} s each (autocannon)\n`);
  console.log("| database | target | requests/s | p99 ms | × constant route | answered as expected | scans recorded |\n|---|---|---:|---:|---:|---:|---:|");
  for (const engine of [...new Set(rows.map((r) => r.engine))]) {
    const of = rows.filter((r) => r.engine === engine);
    const constant = of.find((r) => r.target.startsWith("constant"))!;
    for (const r of of) {
      const recorded = (r as Row & { recorded?: string }).recorded ?? "";
      console.log(`| ${engine} | ${r.target} | ${Math.round(r.rps)} | ${r.p99} | ${(r.rps / constant.rps).toFixed(2)}× | ${r.ok}${r.other ? ` (+${r.other} other)` : ""} | ${recorded} |`);
    }
  }
  console.log(
    `\nScans recorded counts every scan of the unit since the measurement began: each answered one, plus up to ${CONNECTIONS} ` +
      "(one per connection) that were still in flight when autocannon stopped counting.",
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
