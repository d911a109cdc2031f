// The resolver end to end on a real database: link management (CE v3 in, policy and ownership checks),
// resolution per the standard (default, link types, languages, linkset, walk-up, compressed links,
// errors, HEAD/OPTIONS/CORS), the cache, and durable scan recording — including while the database is
// broken mid-run.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import { createOrganisation } from "@/db/queries/organisations";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { compressAiData } from "@/lib/gs1";
import { AppError } from "@/lib/http/problem";
import { createInProcessRateLimiter } from "@/lib/rate-limit/in-process-limiter";
import { parseEdgeConfig } from "@/lib/scans/edge-location";
import { scanHasher } from "@/lib/scans/scan-hashes";
import { handleResolverRequest, type ResolverDeps } from "./handle-resolver-request";
import { createResolverDeps } from "./resolver-deps";
import { writeLinkDocuments } from "./manage-links";
import { gs1LinksetSchemaErrors } from "./testing/shared-gs1";

const G = "09506000134352";
const ORIGIN = "https://id.brand.example";
let database: TestDatabase;
let brand: string;
let rival: string;
let deps: ResolverDeps;
let deferred: (() => void | Promise<void>)[] = [];

async function settle() {
  const tasks = deferred;
  deferred = [];
  for (const t of tasks) await t();
  await deps.writer.flush();
}

function get(pathAndQuery: string, headers: Record<string, string> = {}, method = "GET") {
  const url = new URL(pathAndQuery, ORIGIN);
  return handleResolverRequest(new Request(url, { method, headers: { "x-forwarded-for": "203.0.113.7", ...headers } }), deps, url.pathname);
}

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "resolver-brand", name: "Brand", kind: "brand", companyPrefixes: ["9506000"], approvedDomains: ["brand.example"] })).id;
  rival = (await createOrganisation(database.db, { slug: "resolver-rival", name: "Rival", kind: "brand", companyPrefixes: ["9521234"], approvedDomains: ["rival.example"] })).id;
  await database.db.execute(`insert into products (organisation_id, gtin, name, brand_name, category) values ('${brand}', '${G}', '{"en":"Cardiolex"}', 'Medivia', 'medicine')`);
  const [product] = await selectRows<{ id: string }>(database.db, `select id from products where gtin = '${G}'`);
  await database.db.execute(
    `insert into units (organisation_id, product_id, gtin, serial, lot, expiry_date, status) values ('${brand}', '${product!.id}', '${G}', 'S1', 'L1', '2027-12-31', 'sellable')`,
  );
  deps = {
    ...createResolverDeps(database.db, {
      limiter: createInProcessRateLimiter(),
      hasher: scanHasher("x".repeat(32), "k1"),
      edges: parseEdgeConfig("vercel,cloudflare"),
      publicOrigin: null,
      probing: new Map(),
      writer: { spoolFile: path.join(mkdtempSync(path.join(tmpdir(), "genuine-resolver-")), "spool.jsonl"), lingerMs: 1, retryInitialMs: 60_000 },
    }),
    defer: (task) => void deferred.push(task),
  };

  await writeLinkDocuments(database.db, brand, null, {
    anchor: `/01/${G}`,
    itemDescription: "Cardiolex 20 mg",
    defaultLinktype: "gs1:pip",
    links: [
      { linktype: "gs1:pip", href: "https://brand.example/en/cardiolex", title: "Cardiolex", hreflang: ["en"] },
      { linktype: "gs1:pip", href: "https://brand.example/fr/cardiolex", title: "Cardiolex (français)", hreflang: ["fr"] },
      { linktype: "gs1:epil", href: "https://brand.example/leaflet/{lot}.pdf", title: "Leaflet", type: "application/pdf", hreflang: ["en"] },
    ],
  });
});

afterAll(async () => {
  deps?.writer.close();
  await database?.drop();
});

describe("link management", () => {
  it.each([
    ["an http href", { linktype: "gs1:pip", href: "http://brand.example/x", title: "x" }, "bad_request"],
    ["an href off the approved domains", { linktype: "gs1:pip", href: "https://evil.example/x", title: "x" }, "bad_request"],
    ["a look-alike domain", { linktype: "gs1:pip", href: "https://brand.example.evil.example/x", title: "x" }, "bad_request"],
  ])("refuses %s", async (_, link, code) => {
    const write = writeLinkDocuments(database.db, brand, null, { anchor: `/01/${G}/10/L9`, itemDescription: "Lot L9", links: [link] });
    await expect(write).rejects.toMatchObject({ code, extensions: { errors: [expect.objectContaining({ pointer: "/links/0/href" })] } });
  });

  it("refuses anchors outside the brand's prefixes and another brand's anchors", async () => {
    await expect(writeLinkDocuments(database.db, rival, null, { anchor: `/01/${G}`, itemDescription: "Not theirs", links: [{ linktype: "gs1:pip", href: "https://rival.example/x", title: "x" }] })).rejects.toMatchObject({ code: "forbidden" });
    await database.db.execute(`update organisations set company_prefixes = '{9521234,9506000}' where id = '${rival}'`);
    await expect(writeLinkDocuments(database.db, rival, null, { anchor: `/01/${G}`, itemDescription: "Not theirs", links: [{ linktype: "gs1:pip", href: "https://rival.example/x", title: "x" }] })).rejects.toMatchObject({ code: "conflict" });
    await database.db.execute(`update organisations set company_prefixes = '{9521234}' where id = '${rival}'`);
  });

  it("writes a bulk upload all or nothing", async () => {
    const good = { anchor: `/01/${G}/10/L2`, itemDescription: "Lot L2", links: [{ linktype: "gs1:certificationInfo", href: "https://brand.example/cert/L2", title: "Certificate" }] };
    const bad = { anchor: `/01/${G}/10/L3`, itemDescription: "Lot L3", links: [{ linktype: "gs1:pip", href: "javascript:alert(1)", title: "x" }] };
    await expect(writeLinkDocuments(database.db, brand, null, [good, bad])).rejects.toBeInstanceOf(AppError);
    const rows = await selectRows(database.db, `select 1 from resolver_links where anchor = '/01/${G}/10/L2'`);
    expect(rows).toHaveLength(0);
  });
});

describe("resolution", () => {
  it("sends a serialized unit to genuine's verification page, passing the query on, with the standard's Link header", async () => {
    const response = await get(`/01/${G}/10/L1/21/S1?17=271231`);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${ORIGIN}/verify/01/${G}/10/L1/21/S1?17=271231`);
    expect(response.headers.get("link")).toContain(`<${ORIGIN}/01/${G}/10/L1/21/S1?linkType=linkset>; rel="linkset"`);
    expect(response.headers.get("link")).toContain(`<https://id.gs1.org/01/${G}/10/L1/21/S1?17=271231>; rel="owl:sameAs"`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.getSetCookie().some((c) => c.startsWith("genuine_device="))).toBe(true);
  });

  it("answers a product code with the brand's default, in the visitor's language for a requested type", async () => {
    // Both pip links are defaults (defaultLinktype gs1:pip): the visitor's language picks one.
    expect((await get(`/01/${G}`, { "accept-language": "en-GB" })).headers.get("location")).toBe("https://brand.example/en/cardiolex");
    expect((await get(`/01/${G}`, { "accept-language": "fr" })).headers.get("location")).toBe("https://brand.example/fr/cardiolex");
    const french = await get(`/01/${G}/10/L1?linkType=gs1:pip`, { "accept-language": "fr-CH, fr;q=0.9, en;q=0.5" });
    // CE v3 links pass the query on unless fwqs is false (the standard's default).
    expect(french.headers.get("location")).toBe("https://brand.example/fr/cardiolex?linkType=gs1:pip");
    const upper = await get(`/01/${G}?LINKTYPE=GS1:EPIL`);
    expect(upper.status).toBe(404); // {lot} cannot be filled without a lot
    expect((await get(`/01/${G}/10/L1?linktype=gs1:epil`)).headers.get("location")).toBe("https://brand.example/leaflet/L1.pdf?linktype=gs1:epil");
  });

  it("walks up from an unknown lot, tolerates a trailing slash, and decodes compressed links", async () => {
    expect((await get(`/01/${G}/10/NOSUCHLOT?linkType=gs1:pip`, { "accept-language": "fr" })).headers.get("location")).toBe("https://brand.example/fr/cardiolex?linkType=gs1:pip");
    // Two links of one type and nothing to choose by: the standard's 300 Multiple Choices.
    expect((await get(`/01/${G}/10/NOSUCHLOT?linkType=gs1:pip`)).status).toBe(300);
    expect((await get(`/01/${G}/`, { "accept-language": "en" })).headers.get("location")).toBe("https://brand.example/en/cardiolex");
    const compressed = compressAiData([{ ai: "01", value: G }]);
    const response = await get(new URL(compressed.ok ? compressed.value : "").pathname, { "accept-language": "en" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://brand.example/en/cardiolex");
    expect(response.headers.get("link")).toContain(`<https://id.gs1.org/01/${G}>; rel="owl:sameAs"`);
  });

  it("returns the linkset for linkType=linkset|all and for Accept: application/linkset+json, valid against GS1's schema", async () => {
    for (const response of [await get(`/01/${G}/10/L1/21/S1?linkType=linkset`), await get(`/01/${G}/10/L1/21/S1?linkType=all`), await get(`/01/${G}/10/L1/21/S1`, { accept: "application/linkset+json" })]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/linkset+json");
      const linkset = await response.json();
      expect(gs1LinksetSchemaErrors(linkset)).toEqual([]);
      expect(JSON.stringify(linkset)).toContain("https://gs1.org/voc/verificationService");
      expect(response.headers.get("link")).toContain('rel="http://www.w3.org/ns/json-ld#context"');
    }
  });

  it("answers 404 for a link type nobody offers and 400 for a malformed link, as problem+json or a page", async () => {
    expect((await get(`/01/${G}?linkType=gs1:nosuchlt`)).status).toBe(404);
    const bad = await get(`/01/${G}/21/S1/foo`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(await bad.json()).toMatchObject({ status: 400, code: expect.any(String) });
    const page = await get(`/01/09506000134353`, { accept: "text/html" });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("This code could not be read");
  });

  it("supports HEAD and OPTIONS with CORS", async () => {
    const head = await get(`/01/${G}`, {}, "HEAD");
    expect(head.status).toBe(307);
    expect(await head.text()).toBe("");
    const options = await get(`/01/${G}`, {}, "OPTIONS");
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });

  it("serves links from the cache, and sees a change at once on this instance", async () => {
    await get(`/01/${G}/10/L1/21/S1`);
    const loads = deps.cache.loads;
    await get(`/01/${G}/10/L1/21/S1`);
    await get(`/01/${G}/10/L1/21/S2`);
    expect(deps.cache.loads).toBe(loads);
    await writeLinkDocuments(database.db, brand, null, { anchor: `/01/${G}/10/L1/21/S1`, itemDescription: "Unit S1", links: [{ linktype: "gs1:instructions", href: "https://brand.example/how", title: "How to use" }] });
    deps.cache.invalidate([`/01/${G}/10/L1/21/S1`]);
    expect((await get(`/01/${G}/10/L1/21/S1?linkType=gs1:instructions`)).headers.get("location")).toBe("https://brand.example/how?linkType=gs1:instructions");
  });
});

describe("scan recording", () => {
  const scansOf = (serial: string) =>
    selectRows<{ unit_id: number | null; code_lot: string | null; code_expiry: string | null; country: string | null; source_fingerprint: string; reasons: string[]; link_type: string | null }>(
      database.db,
      `select unit_id, code_lot, code_expiry::text, country, source_fingerprint, reasons, link_type from scans where serial = '${serial}' order by scanned_at`,
    );

  it("records a serialized scan after the answer, with the code's lot and expiry, edge country and no address", async () => {
    await get(`/01/${G}/10/L1/21/S1?17=271231&linkType=gs1:pip`, { "x-vercel-ip-country": "DE", "user-agent": "Mozilla/5.0 (iPhone)" });
    await settle();
    const rows = await scansOf("S1");
    const last = rows[rows.length - 1]!;
    expect(last).toMatchObject({ code_lot: "L1", code_expiry: "2027-12-31", country: "DE", link_type: "gs1:pip" });
    expect(last.unit_id).not.toBeNull();
    expect(JSON.stringify(rows)).not.toContain("203.0.113.7");
  });

  it("slows and flags a source probing unknown serials", async () => {
    const prober = { "x-forwarded-for": "198.51.100.66" };
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      statuses.push((await get(`/01/${G}/21/PROBE${i}`, prober)).status);
      await settle();
    }
    // The 21st miss is answered (the lookup happens after the answer), flagged, and the source is refused from then on.
    expect(statuses.slice(0, 21).every((s) => s === 307)).toBe(true);
    expect(statuses.slice(21)).toEqual([429, 429, 429]);
    const flagged = await selectRows<{ serial: string }>(database.db, `select serial from scans where serial like 'PROBE%' and 'probing' = any(reasons)`);
    expect(flagged.map((r) => r.serial)).toEqual(["PROBE20"]);
    // A known serial from another source is unaffected.
    expect((await get(`/01/${G}/10/L1/21/S1`, { "x-forwarded-for": "198.51.100.67" })).status).toBe(307);
    await settle();
  });

  it("keeps answering while the database is broken mid-run, and loses no scan", async () => {
    // Both tables the recording touches go away: the unit lookup and the write both fail.
    await database.db.execute("alter table scans rename to scans_broken");
    await database.db.execute("alter table units rename to units_broken");
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await get(`/01/${G}/10/L1/21/S1?17=271231`, { "x-forwarded-for": `192.0.2.${i}` })).status);
    await settle();
    expect(statuses.every((s) => s === 307)).toBe(true);
    expect(deps.writer.pending()).toBe(30);
    await database.db.execute("alter table scans_broken rename to scans");
    await database.db.execute("alter table units_broken rename to units");
    await deps.writer.retryNow();
    expect(deps.writer.pending()).toBe(0);
    const rows = await selectRows<{ n: number; linked: number }>(
      database.db,
      `select count(distinct source_fingerprint)::int as n, count(unit_id)::int as linked from scans where serial = 'S1' and code_expiry = '2027-12-31' and source_fingerprint in (${Array.from({ length: 30 }, (_, i) => `'${deps.hasher.source(`192.0.2.${i}`)}'`).join(",")})`,
    );
    // All 30 written, each linked to its unit although the lookup failed at scan time.
    expect(rows[0]).toEqual({ n: 30, linked: 30 });
  });
});
