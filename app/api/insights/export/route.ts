import { countScansInRange, scanExportPages } from "@/db/queries/insights";
import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";
import { parseDateRange, rangeInstants } from "@/lib/insights/date-range";
import { scanCsvHeader, scanCsvLines, scanExportFilename } from "@/lib/insights/scan-csv";
import { toReadableStream } from "@/lib/serials/export-serials";

export const dynamic = "force-dynamic";

/**
 * The organisation's scans in a range of UTC days as CSV (?range=7d|30d|90d, or ?from=&to=), streamed
 * page by page (keyset over scanned_at, id): a multi-million-row range runs in bounded memory and the
 * download starts at once. Bots included, marked by user_agent_class.
 */
export const GET = withApiRoute("GET /api/insights/export", { permission: "scans:read", scope: "scans:read" }, async (ctx, request) => {
  const url = new URL(request.url);
  const parsed = parseDateRange(Object.fromEntries(url.searchParams), new Date());
  if (!parsed.ok) throw new AppError("bad_request", parsed.error, { parameter: "from" });
  const { range } = parsed;
  const expected = await countScansInRange(ctx.db, ctx.organisation.id, range);
  await ctx.audit({ action: "insights.scans_exported", targetType: "organisation", targetId: ctx.organisation.id, metadata: { from: range.from, to: range.to, scans: expected } });
  const { db, organisation } = ctx;
  async function* csv() {
    yield scanCsvHeader();
    for await (const page of scanExportPages(db, organisation.id, rangeInstants(range))) yield scanCsvLines(page);
  }
  return new Response(toReadableStream(csv()), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${scanExportFilename(organisation.slug, range)}"`,
      "cache-control": "no-store",
      "x-total-scans": String(expected),
    },
  });
});
