import { readFile } from "node:fs/promises";
import { findReportPhoto } from "@/db/queries/consumer-reports";
import { withApiRoute } from "@/lib/access/with-api-route";
import { reportPhotoFile, reportPhotoHeaders } from "@/lib/cases/report-photo";
import { AppError } from "@/lib/http/problem";
import { dataDirectory } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A photo attached to one of the brand's consumer reports, for the case page (?org=<slug> from an <img>). */
export const GET = withApiRoute<{ id: string; index: string }>("GET /api/reports/{id}/photos/{index}", { permission: "cases:read", scope: "cases:read" }, async (ctx, _request, { id, index }) => {
  const position = /^\d{1,2}$/.test(index) ? Number(index) : -1;
  const photo = UUID.test(id) && position >= 0 ? await findReportPhoto(ctx.db, ctx.organisation.id, id, position) : null;
  const stored = photo ? reportPhotoFile(dataDirectory(), photo) : null;
  if (!stored) throw new AppError("not_found", "No such photo.");
  const bytes = await readFile(stored.file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new AppError("not_found", "The photo is no longer stored.");
    throw error;
  });
  return new Response(new Uint8Array(bytes), { headers: reportPhotoHeaders(stored.mediaType, bytes.byteLength, `report-${id}-${position}.${stored.extension}`) });
});
