// The JavaScript a page makes a phone download: fetches the page from a running server, collects its
// <script src> files (and inline scripts), gzips each and sums them. Exits 1 over the budget.
// Usage: npx tsx scripts/page-weight.ts <url> [--budget-kb 50]
import { gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith("--"));
const budgetAt = args.indexOf("--budget-kb");
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 50;
if (!url || !Number.isFinite(budgetKb)) {
  console.error("Usage: npx tsx scripts/page-weight.ts <url> [--budget-kb 50]");
  process.exit(2);
}

interface Row {
  script: string;
  bytes: number;
  gzipped: number;
}

/** Script tags of the page. nomodule scripts are left out: browsers that run modules never fetch them. */
function scriptsOf(html: string): { src: string | null; inline: string }[] {
  const found: { src: string | null; inline: string }[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? "";
    if (/\bnomodule\b/i.test(attributes)) continue;
    if (/\btype=["']?(application\/(ld\+)?json|importmap)/i.test(attributes)) continue;
    const src = /\bsrc=["']([^"']+)["']/i.exec(attributes)?.[1] ?? null;
    found.push({ src: src?.replaceAll("&amp;", "&") ?? null, inline: match[2] ?? "" });
  }
  return found;
}

const gzipped = (body: Uint8Array) => gzipSync(body, { level: 9 }).byteLength;

/**
 * Follows redirects by hand, carrying cookies, as a phone would: a scan URL (/01/…) redirects to the
 * verification page and sets the scan cookie that turns on the page's only script.
 */
async function fetchPage(start: string): Promise<{ url: string; html: string }> {
  const cookies = new Map<string, string>();
  let current = start;
  for (let hop = 0; hop < 5; hop++) {
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(current, {
      redirect: "manual",
      headers: { "user-agent": "Mozilla/5.0 (Linux; Android 14) genuine-page-weight", accept: "text/html", ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      current = new URL(location, current).toString();
      continue;
    }
    if (!response.ok) throw new Error(`${current} answered ${response.status}`);
    return { url: current, html: await response.text() };
  }
  throw new Error(`${start}: too many redirects`);
}

async function main(pageUrl: string): Promise<void> {
  const page = await fetchPage(pageUrl);
  const html = page.html;
  console.log(`page: ${page.url}`);
  const rows: Row[] = [];
  let inlineCount = 0;
  for (const script of scriptsOf(html)) {
    if (script.src === null) {
      if (script.inline.trim() === "") continue;
      const body = new TextEncoder().encode(script.inline);
      rows.push({ script: `(inline #${++inlineCount})`, bytes: body.byteLength, gzipped: gzipped(body) });
      continue;
    }
    const scriptUrl = new URL(script.src, page.url);
    const response = await fetch(scriptUrl);
    if (!response.ok) throw new Error(`${scriptUrl} answered ${response.status}`);
    const body = new Uint8Array(await response.arrayBuffer());
    rows.push({ script: scriptUrl.pathname, bytes: body.byteLength, gzipped: gzipped(body) });
  }

  const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
  const total = rows.reduce((sum, r) => sum + r.gzipped, 0);
  const width = Math.max(6, ...rows.map((r) => r.script.length));
  console.log(`${"script".padEnd(width)}  ${"raw KB".padStart(8)}  ${"gzip KB".padStart(8)}`);
  for (const r of rows) console.log(`${r.script.padEnd(width)}  ${kb(r.bytes)}  ${kb(r.gzipped)}`);
  console.log(`${"total".padEnd(width)}  ${kb(rows.reduce((s, r) => s + r.bytes, 0))}  ${kb(total)}   budget ${budgetKb} KB`);
  if (total > budgetKb * 1024) {
    console.error(`Over budget: ${(total / 1024).toFixed(1)} KB of gzipped JavaScript > ${budgetKb} KB.`);
    process.exit(1);
  }
}

main(url).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
