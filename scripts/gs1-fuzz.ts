// Fuzz run with fast-check: the parsers must never throw on mutated or arbitrary input.
// Usage: npx tsx scripts/gs1-fuzz.ts [iterations] [seed]
import fc from "fast-check";

import { parseBarcodeData, parseDigitalLink, parseElementString, processScanData } from "../lib/gs1";
import { hostileInputArbitrary } from "../lib/gs1/testing/ai-arbitraries";

const iterations = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const seeds = [
  "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426&linkType=gs1:pip",
  "https://example.com/a/b/414/9520123456788/254/32a%2Fb?3103=000195#frag",
  "https://example.com/GhFKk4XBoMhZyeqEb-zJCI67bg?linkType=gs1:pip",
  "(01)09520123456788(17)201225(10)ABC\\(1(21)XYZ(8110)012345612345611110123",
  "]d2010952012345678810ABC1\u001d17180426",
  "]E02112345678900|]e099COMPOSITE\u001d98XYZ",
  "]Q1https://example.com/01/09520123456788?99=A",
  "urn:epc:id:sgtin:0614141.812345.6789",
  "^0112345678901231^8007GB98MIDL07009312345678",
];

const started = performance.now();
const result = fc.check(
  fc.property(hostileInputArbitrary(seeds), (input) => {
    const a = parseBarcodeData(input);
    if (!a.ok && a.error.code === "INTERNAL_ERROR") throw new Error(a.error.message);
    parseDigitalLink(input);
    parseElementString(input);
    processScanData(input);
  }),
  { numRuns: iterations, seed },
);
const seconds = (performance.now() - started) / 1000;
const failures = result.failed ? 1 : 0;
if (result.failed) console.error(fc.defaultReportMessage(result));
console.log(JSON.stringify({ iterations: result.numRuns, seed, failures, seconds: Number(seconds.toFixed(1)) }));
process.exitCode = failures;
