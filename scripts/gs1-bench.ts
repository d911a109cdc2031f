// Benchmark: parses per second for typical inputs, next to `new URL()` on the same inputs in the same run.
// Usage: npx tsx scripts/gs1-bench.ts [seconds-per-measurement] [--repeats N] [--json]
//
// Both sides are warmed up first; then every row is measured `repeats` times (default 3) for a fixed duration
// per side. Within a measurement new URL() and the parser take turns in 20 ms slices, so that noise from other
// work on the machine hits both alike; the table shows the medians (the ratio is the median of the per-repeat
// ratios).
import { parseBarcodeData, parseDigitalLink, parseElementString } from "../lib/gs1";

interface Row {
  readonly name: string;
  readonly input: string;
  /** new URL() on the input (element strings: percent-encoded into a path, as a URL would carry them). */
  readonly url: () => number;
  readonly parse: () => boolean;
}

const args = process.argv.slice(2);
const json = args.includes("--json");
const repeatsAt = args.indexOf("--repeats");
const repeats = repeatsAt >= 0 ? Math.max(1, Number(args[repeatsAt + 1]) || 3) : 3;
const seconds = Number(args.find((a, i) => /^\d*\.?\d+$/.test(a) && args[i - 1] !== "--repeats") ?? 1);
const budgetMs = seconds * 1000;

function dlRow(name: string, uri: string): Row {
  return { name, input: uri, url: () => new URL(uri).pathname.length, parse: () => parseDigitalLink(uri).ok };
}

function elementRow(name: string, input: string, parse: (s: string) => boolean): Row {
  const asUrl = `https://x/${encodeURIComponent(input)}`;
  return { name, input, url: () => new URL(asUrl).pathname.length, parse: () => parse(input) };
}

const ROWS: readonly Row[] = [
  dlRow("DL short", "https://id.gs1.org/01/09520123456788"),
  dlRow("DL custom stem, qualifiers, ?17", "https://brand.example.com/p/01/09520123456788/10/ABC123/21/12345?17=261231"),
  dlRow("DL 4 query params", "https://example.com/01/09520123456788/10/L1/21/S1?3103=000195&3922=0299&17=201225&linkType=gs1:pip"),
  dlRow("DL SSCC", "https://id.gs1.org/00/952012345678912345"),
  elementRow("bracketed element string", "(01)09520123456788(10)ABC123(21)12345(17)261231", (s) => parseElementString(s).ok),
  elementRow("]d2 scan (parseBarcodeData)", "]d2010952012345678810ABC123\u001d2112345\u001d17261231", (s) => parseBarcodeData(s).ok),
];

let sink = 0;

/** Run `run` for about `ms` milliseconds; returns [calls, elapsed ms]. */
function slice(run: () => unknown, ms: number): [number, number] {
  let count = 0;
  const start = performance.now();
  let now = start;
  do {
    for (let i = 0; i < 100; i++) if (run()) sink++;
    count += 100;
    now = performance.now();
  } while (now - start < ms);
  return [count, now - start];
}

/** Calls per second of `a` and of `b`, each run for `ms` milliseconds in alternating 20 ms slices. */
function ratePair(a: () => unknown, b: () => unknown, ms: number): [number, number] {
  let countA = 0;
  let countB = 0;
  let timeA = 0;
  let timeB = 0;
  while (timeA < ms || timeB < ms) {
    const [ca, ta] = slice(a, 20);
    const [cb, tb] = slice(b, 20);
    countA += ca;
    timeA += ta;
    countB += cb;
    timeB += tb;
  }
  return [(countA * 1000) / timeA, (countB * 1000) / timeB];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

for (const row of ROWS) if (!row.parse()) throw new Error(`Benchmark input does not parse: ${row.input}`);

// Warm-up: every function runs long enough to be optimised before anything is measured.
const warmMs = Math.min(300, Math.max(50, budgetMs / 3));
for (const row of ROWS) ratePair(row.url, row.parse, warmMs);

const urlRates = ROWS.map(() => [] as number[]);
const parseRates = ROWS.map(() => [] as number[]);
const ratios = ROWS.map(() => [] as number[]);
for (let r = 0; r < repeats; r++) {
  ROWS.forEach((row, i) => {
    const [url, parses] = ratePair(row.url, row.parse, budgetMs);
    urlRates[i]?.push(url);
    parseRates[i]?.push(parses);
    ratios[i]?.push(parses / url);
  });
}

const results = ROWS.map((row, i) => ({
  name: row.name,
  input: row.input,
  parsesPerSecond: Math.round(median(parseRates[i] ?? [])),
  urlPerSecond: Math.round(median(urlRates[i] ?? [])),
  ratio: median(ratios[i] ?? []),
}));

if (json) {
  console.log(JSON.stringify({ node: process.version, seconds, repeats, results }, null, 2));
} else {
  console.log(`node ${process.version}; ${repeats} × ${seconds} s per measurement, medians; target ≥ 25% of new URL()`);
  console.table(
    results.map((r) => ({
      input: r.name,
      "parses/s": r.parsesPerSecond.toLocaleString("en-US"),
      "new URL()/s": r.urlPerSecond.toLocaleString("en-US"),
      ratio: `${(r.ratio * 100).toFixed(0)}%`,
    })),
  );
}
if (sink < 0) console.log(sink);
