// Benchmark: parses per second for typical inputs, next to `new URL()` on the same inputs in the same run.
// Usage: npx tsx scripts/gs1-bench.ts [seconds-per-case]
import { parseBarcodeData, parseDigitalLink, parseElementString } from "../lib/gs1";

const budgetMs = Number(process.argv[2] ?? 1) * 1000;

const URIS = [
  "https://id.gs1.org/01/09520123456788",
  "https://brand.example.com/p/01/09520123456788/10/ABC123/21/12345?17=261231",
  "https://example.com/01/09520123456788/10/L1/21/S1?3103=000195&3922=0299&17=201225&linkType=gs1:pip",
  "https://id.gs1.org/00/952012345678912345",
];
const ELEMENT_STRINGS = ["(01)09520123456788(10)ABC123(21)12345(17)261231", "]d2010952012345678810ABC123\u001d2112345\u001d17261231"];

function rate(run: () => unknown): number {
  // Warm up first so that every row is measured on optimised code, not the first one on cold code.
  const warmUntil = performance.now() + Math.min(250, budgetMs / 4);
  while (performance.now() < warmUntil) for (let i = 0; i < 100; i++) run();
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < budgetMs) {
    for (let i = 0; i < 1000; i++) run();
    count += 1000;
    now = performance.now();
  }
  return Math.round((count * 1000) / (now - start));
}

let sink = 0;
const rows: Record<string, number | string>[] = [];
for (const uri of URIS) {
  const url = rate(() => (sink += new URL(uri).pathname.length));
  const dl = rate(() => (sink += parseDigitalLink(uri).ok ? 1 : 0));
  rows.push({ input: uri.slice(0, 70), "new URL()/s": url, "parseDigitalLink/s": dl, "% of URL": `${Math.round((dl / url) * 100)}%` });
}
for (const input of ELEMENT_STRINGS) {
  const url = rate(() => (sink += new URL(`https://x/${encodeURIComponent(input)}`).pathname.length));
  const parsed = rate(() => (sink += (input.startsWith("]") ? parseBarcodeData(input) : parseElementString(input)).ok ? 1 : 0));
  rows.push({ input: JSON.stringify(input).slice(0, 70), "new URL()/s": url, "parseDigitalLink/s": parsed, "% of URL": `${Math.round((parsed / url) * 100)}%` });
}
console.table(rows);
if (sink < 0) console.log(sink);
