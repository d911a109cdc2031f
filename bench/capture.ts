// EPCIS capture throughput (issue 5: a 100,000-event document; targets ≥ 20,000 events/s on
// PostgreSQL, ≥ 5,000 on PGlite). Baseline in the same run: validating the document alone.
//   npx tsx bench/capture.ts                                   PGlite in memory and on a data folder
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/capture.ts   also PostgreSQL (fresh database, dropped after)
// BENCH_EVENTS (default 100,000): half commissioning events, half shipping events, one unit each.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/open-database";
import type { DatabaseHandle } from "@/db/database";
import { createOrganisation } from "@/db/queries/organisations";
import { runDocumentCapture } from "@/lib/capture/run-capture";
import { validateEpcisDocument } from "@/lib/epcis";
import { withBenchDatabase } from "./bench-database";

const total = Number(process.env.BENCH_EVENTS ?? 100_000);

function document(count: number) {
  const events = [];
  const units = Math.ceil(count / 2);
  for (let i = 0; i < count; i++) {
    const serial = `B${(i % units).toString(36).toUpperCase().padStart(8, "0")}`;
    const shipping = i >= units;
    events.push({
      type: "ObjectEvent",
      eventID: `urn:uuid:${crypto.randomUUID()}`,
      eventTime: new Date(Date.UTC(2026, 0, shipping ? 10 : 1, 8, 0, 0, i % 1000)).toISOString(),
      eventTimeZoneOffset: "+01:00",
      epcList: [`urn:epc:id:sgtin:9529999.000001.${serial}`],
      action: shipping ? "OBSERVE" : "ADD",
      bizStep: shipping ? "shipping" : "commissioning",
      disposition: shipping ? "in_transit" : "active",
      readPoint: { id: "urn:epc:id:sgln:9529999.00001.0" },
    });
  }
  return { "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], type: "EPCISDocument", schemaVersion: "2.0", creationDate: new Date().toISOString(), epcisBody: { eventList: events } };
}

async function run(engine: string, handle: DatabaseHandle, body: ReturnType<typeof document>) {
  await handle.migrate();
  const org = await createOrganisation(handle.db, { slug: `bench-${engine}`, name: "Bench", kind: "brand", companyPrefixes: ["9529999"] });
  const started = performance.now();
  const { result } = await runDocumentCapture(handle.db, { organisationId: org.id }, body);
  const seconds = (performance.now() - started) / 1000;
  return { engine, events: result.inserted, seconds, perSecond: Math.round(result.inserted / seconds) };
}

async function main() {
  const body = document(total);
  const t0 = performance.now();
  const valid = validateEpcisDocument(body);
  const validateSeconds = (performance.now() - t0) / 1000;
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors.slice(0, 3)));
  const rows = [{ engine: "validation only (baseline)", events: total, seconds: validateSeconds, perSecond: Math.round(total / validateSeconds) }];

  // PGlite both ways: in memory (tests) and on a data folder, as the app runs it.
  const pglite = await openDatabase({ driver: "pglite" });
  rows.push(await run("pglite (in memory)", pglite, body));
  await pglite.close();
  const dataDir = mkdtempSync(path.join(tmpdir(), "genuine-bench-"));
  try {
    const onDisk = await openDatabase({ driver: "pglite", dataDir });
    rows.push(await run("pglite (data folder)", onDisk, body));
    await onDisk.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) rows.push(await withBenchDatabase(serverUrl, (handle) => run("postgres", handle, body)));
  console.log(`\nEPCIS capture of one ${total.toLocaleString("en")}-event document (all-or-nothing, one transaction)\n`);
  console.log("| engine | events | seconds | events/s | share of validation rate |\n|---|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.engine} | ${r.events} | ${r.seconds.toFixed(1)} | ${r.perSecond} | ${((r.perSecond / rows[0]!.perSecond) * 100).toFixed(1)}% |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
