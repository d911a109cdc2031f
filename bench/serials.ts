// Serial issuance benchmark (issue 5: issue and export 1,000,000 serials; target ≤ 30 s to issue).
//   npx tsx bench/serials.ts                      PGlite in memory, plus the in-memory baseline
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/serials.ts   also PostgreSQL (a fresh database, dropped after)
// BENCH_SERIALS (default 1,000,000) units are issued and exported as CSV; print files render
// BENCH_PRINT_UNITS (default 1,000) labels of each symbology, and the full-batch time is extrapolated,
// because symbol encoding is CPU-bound per label (see lib/serials/README.md).
import type { DatabaseHandle } from "@/db/database";
import { openDatabase } from "@/db/open-database";
import { withBenchDatabase } from "./bench-database";
import * as t from "@/db/schema";
import { openSerialExport, type SerialExport } from "@/lib/serials/export-serials";
import { issueSerials } from "@/lib/serials/issue-serials";
import { generateSerials } from "@/lib/serials/serial-generator";

const quantity = Number(process.env.BENCH_SERIALS ?? 1_000_000);
const printUnits = Math.min(Number(process.env.BENCH_PRINT_UNITS ?? 1_000), quantity);

interface Row {
  engine: string;
  step: string;
  rows: number;
  seconds: number;
  peakRssMb: number;
  note?: string;
}
const results: Row[] = [];

/** Time a step and sample RSS every 50 ms (PGlite runs in this process, so its memory counts too). */
async function measure(engine: string, step: string, rows: number, run: () => Promise<string | void>): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const note = await run();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    results.push({ engine, step, rows, seconds, peakRssMb: peak / 2 ** 20, ...(note ? { note } : {}) });
    console.error(`${engine} ${step}: ${seconds.toFixed(1)} s`);
  } finally {
    clearInterval(sampler);
  }
}

async function drain(chunks: AsyncGenerator<string>, limit = Infinity, counted?: { labels: number }): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (counted && counted.labels >= limit) break; // leaves the generator, which stops its queries
  }
  return bytes;
}

async function printSample(engine: string, exporter: SerialExport, symbology: "gs1datamatrix" | "qrcode") {
  const counted = { labels: 0 };
  let seconds = 0;
  await measure(engine, `print ${symbology} (HTML, sample)`, printUnits, async () => {
    const started = performance.now();
    const bytes = await drain(exporter.printFile({ layout: { symbology }, onProgress: (done) => (counted.labels = done) }), printUnits, counted);
    seconds = (performance.now() - started) / 1000;
    return `${(bytes / 2 ** 20).toFixed(1)} MB; 1M ≈ ${((seconds / counted.labels) * 1_000_000 / 60).toFixed(0)} min on 1 core`;
  });
}

async function runEngine(engine: string, handle: DatabaseHandle): Promise<void> {
  await handle.migrate();
  const [brand] = await handle.db.insert(t.organisations).values({ slug: "bench", name: "Bench", kind: "brand", companyPrefixes: ["9506000"] }).returning();
  const [product] = await handle.db
    .insert(t.products)
    .values({ organisationId: brand!.id, gtin: "09506000134352", name: { en: "Bench" }, brandName: "Bench", category: "pharmaceutical" })
    .returning();
  let batchId = "";
  await measure(engine, "issue", quantity, async () => {
    const issued = await issueSerials(handle.db, {
      organisationId: brand!.id,
      productId: product!.id,
      gtin: "09506000134352",
      lot: "BENCH1",
      expiryDate: "2028-06-30",
      quantity,
    });
    batchId = issued.batch.id;
    return `collisions ${issued.collisions}`;
  });
  const exporter = await openSerialExport(handle.db, { organisationId: brand!.id, batchId, stem: "https://bench.example" });
  await measure(engine, "export CSV", quantity, async () => `${((await drain(exporter.csv())) / 2 ** 20).toFixed(0)} MB`);
  // Small pages so the sample stops close to BENCH_PRINT_UNITS labels.
  const printExporter = await openSerialExport(handle.db, { organisationId: brand!.id, batchId, stem: "https://bench.example", pageSize: 250 });
  await printSample(engine, printExporter, "gs1datamatrix");
  await printSample(engine, printExporter, "qrcode");
}

async function main() {
  await measure("memory", "generate serials", quantity, async () => {
    for (let done = 0; done < quantity; done += 50_000) generateSerials(Math.min(50_000, quantity - done));
  });

  const pglite = await openDatabase({ driver: "pglite" });
  try {
    await runEngine("PGlite", pglite);
  } finally {
    await pglite.close();
  }

  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) await withBenchDatabase(serverUrl, (handle) => runEngine("PostgreSQL", handle));

  console.log(`| engine | step | rows | seconds | rows/s | peak RSS (MB) | note |\n|---|---|---:|---:|---:|---:|---|`);
  for (const r of results) {
    const rate = Math.round(r.rows / r.seconds).toLocaleString("en");
    console.log(`| ${r.engine} | ${r.step} | ${r.rows.toLocaleString("en")} | ${r.seconds.toFixed(1)} | ${rate} | ${r.peakRssMb.toFixed(0)} | ${r.note ?? ""} |`);
  }
}

await main();
