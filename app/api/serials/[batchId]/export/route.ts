import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";
import { publicBaseUrl } from "@/lib/http/base-url";
import { openSerialExport, toReadableStream } from "@/lib/serials/export-serials";

export const dynamic = "force-dynamic";

const types = { csv: "text/csv; charset=utf-8", html: "text/html; charset=utf-8", ndjson: "application/x-ndjson" } as const;

/** Stream a serial batch: CSV, or a print file of GS1 DataMatrix / QR labels (html sheet or ndjson of SVGs). */
export const GET = withApiRoute<{ batchId: string }>("GET /api/serials/{batchId}/export", { permission: "serials:write", scope: "serials:write" }, async (ctx, request, { batchId }) => {
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "csv") as keyof typeof types;
  if (!(format in types)) throw new AppError("bad_request", "format must be csv, html or ndjson.", { parameter: "format" });
  const exporter = await openSerialExport(ctx.db, { organisationId: ctx.organisation.id, batchId, stem: url.searchParams.get("stem") ?? publicBaseUrl(request.headers) });
  const chunks = format === "csv" ? exporter.csv() : exporter.printFile({ format });
  return new Response(toReadableStream(chunks), {
    headers: { "content-type": types[format], "content-disposition": `attachment; filename="serials-${batchId}.${format}"`, "x-total-units": String(exporter.total) },
  });
});
