// The insights export through the real route handler on the seeded demo: who may download it, what it
// holds (every scan of the brand in the range, no other brand's), the audit entry — and the seed's
// scans landing in the rollups the insights page reads.
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/insights/export/route";
import { selectRows } from "@/db/database";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { findUserByEmail } from "@/db/queries/users";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { handleApiRequest, type RouteDependencies } from "@/lib/access/with-api-route";
import { demoBrands, demoEmail } from "@/lib/demo/catalogue";
import { seedDemo } from "@/lib/demo/seed";
import { addDays, utcDay } from "./date-range";
import { SCAN_CSV_COLUMNS } from "./scan-csv";

let database: TestDatabase;
let medivia: string;
const brand = demoBrands.find((b) => b.slug === "medivia")!;
const today = utcDay(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  medivia = (await findOrganisationBySlug(database.db, "medivia"))!.id;
});

afterAll(async () => {
  await database?.drop();
});

async function download(path: string, email: string | null, org = "medivia") {
  const user = email ? await findUserByEmail(database.db, email) : null;
  const deps: RouteDependencies = { db: database.db, currentUser: async () => user ?? null, defer: (task) => void task() };
  const request = new Request(`http://localhost:3000${path}`, { headers: { "x-genuine-organisation": org } });
  return handleApiRequest(deps, exportRoute.definition.access, exportRoute.definition.handler as never, request, undefined as never);
}

const scansOf = async (organisationId: string, from: string, to: string) =>
  (
    await selectRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from scans where organisation_id = ${organisationId}
        and scanned_at >= ${from}::date::timestamp at time zone 'UTC' and scanned_at < (${to}::date + 1)::timestamp at time zone 'UTC'`,
    )
  )[0]!.n;

describe("the demo seed", () => {
  it("rolls its scans up: the rollups count every scan of each brand, bots apart", async () => {
    const rows = await selectRows<{ organisation_id: string; rolled: number; scanned: number; bots: number; scanned_bots: number }>(
      database.db,
      sql`select s.organisation_id, s.scanned, s.scanned_bots, coalesce(r.rolled, 0)::int as rolled, coalesce(r.bots, 0)::int as bots
        from (select organisation_id, count(*)::int as scanned, count(*) filter (where user_agent_class = 'bot')::int as scanned_bots
              from scans where organisation_id is not null group by 1) s
        left join (select organisation_id, sum(scans) as rolled, sum(scans) filter (where bot) as bots from scan_daily_counts group by 1) r
          on r.organisation_id = s.organisation_id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.rolled).toBe(row.scanned);
      expect(row.bots).toBe(row.scanned_bots);
    }
  });
});

describe("GET /api/insights/export", () => {
  it("streams every scan of the brand in the range as CSV, and audits the export", async () => {
    const from = addDays(today, -29);
    const response = await download("/api/insights/export?range=30d", demoEmail("analyst", brand));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="scans-medivia-${from}-to-${today}.csv"`);
    const [header, ...lines] = parse(await response.text()) as string[][];
    expect(header).toEqual([...SCAN_CSV_COLUMNS]);
    const expected = await scansOf(medivia, from, today);
    expect(expected).toBeGreaterThan(0);
    expect(lines).toHaveLength(expected);
    expect(Number(response.headers.get("x-total-scans"))).toBe(expected);
    const times = lines.map((l) => l[0]!);
    expect(times).toEqual([...times].sort());
    expect(times.every((t) => t >= `${from}T00:00:00.000Z`)).toBe(true);
    // Only medivia's products (company prefix 9506000).
    expect(lines.every((l) => l[1]!.startsWith("0950600"))).toBe(true);
    const [audit] = await selectRows<{ action: string; metadata: { from: string; to: string } }>(
      database.db,
      sql`select action, metadata from audit_log where organisation_id = ${medivia} and action = 'insights.scans_exported'`,
    );
    expect(audit).toMatchObject({ action: "insights.scans_exported", metadata: { from, to: today } });
  });

  it.each([
    ["an owner", demoEmail("owner", brand), 200],
    ["an editor (no scans:read)", demoEmail("editor", brand), 403],
    ["the brand's retailer", demoEmail("retailer", brand), 404],
    ["another brand's analyst", demoEmail("analyst", demoBrands.find((b) => b.slug !== "medivia")!), 404],
    ["nobody signed in", null, 401],
  ])("%s → %i", async (_who, email, status) => {
    const response = await download("/api/insights/export?range=7d", email);
    expect(response.status).toBe(status);
    if (status !== 200) expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it.each([
    ["/api/insights/export?from=2026-02-30", /From: That date does not exist/],
    ["/api/insights/export?from=2026-11-10&to=2026-11-01", /From must be on or before To/],
    ["/api/insights/export?range=1y", /Range: choose 7, 30 or 90 days/],
  ])("refuses %s with a problem", async (path, detail) => {
    const response = await download(path, demoEmail("analyst", brand));
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(detail);
  });
});
