// Lighthouse (mobile profile) on one URL with the system Chromium: prints the performance and
// accessibility scores and exits 1 when either is below the minimum (default 95).
// Usage: npx tsx scripts/lighthouse-check.ts <url> [--min 95]
// Run it against a production build (`next start`): development servers ship unminified code and score lower.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith("--"));
const minAt = args.indexOf("--min");
const minimum = minAt >= 0 ? Number(args[minAt + 1]) : 95;
if (!url || !Number.isFinite(minimum)) {
  console.error("Usage: npx tsx scripts/lighthouse-check.ts <url> [--min 95]");
  process.exit(2);
}

async function main(target: string): Promise<number> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  try {
    // Lighthouse's default config is the mobile profile (Moto G power emulation, slow 4G throttling).
    const result = await lighthouse(target, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    if (!result) throw new Error("Lighthouse returned no result.");
    const { categories, audits } = result.lhr;
    let failed = false;
    for (const id of ["performance", "accessibility"] as const) {
      const score = Math.round((categories[id]?.score ?? 0) * 100);
      const ok = score >= minimum;
      failed ||= !ok;
      console.log(`${id.padEnd(14)} ${String(score).padStart(3)}  ${ok ? "ok" : `below ${minimum}`}`);
    }
    for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]) {
      if (audits[id]) console.log(`  ${id.padEnd(26)} ${audits[id].displayValue ?? ""}`);
    }
    // What pulled accessibility down, so a failure says what to fix.
    for (const ref of categories.accessibility?.auditRefs ?? []) {
      const audit = audits[ref.id];
      if (audit && ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  a11y: ${audit.id} — ${audit.title}`);
    }
    return failed ? 1 : 0;
  } finally {
    chrome.kill();
  }
}

main(url).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
