// Consumers' reports as the brand's console reads them: always scoped to the brand the report was filed with.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../database";
import { consumerReports } from "../schema";

/** A report's photos are listed by their metadata only; the bytes are served by /api/reports/{id}/photos/{index}. */
export async function listReportsForCode(
  db: Executor,
  organisationId: string,
  code: { unitId: number | null; gtin: string; serial: string | null },
  limit = 100,
) {
  // A report names the unit when its serial was known at the time; otherwise it keeps the code as typed.
  const byCode =
    code.unitId !== null
      ? eq(consumerReports.unitId, code.unitId)
      : code.serial !== null
        ? and(isNull(consumerReports.unitId), eq(consumerReports.gtin, code.gtin), eq(consumerReports.serial, code.serial))
        : undefined;
  if (!byCode) return [];
  return db
    .select({
      id: consumerReports.id,
      message: consumerReports.message,
      purchasePlace: consumerReports.purchasePlace,
      photos: consumerReports.photos,
      contactEmail: consumerReports.contactEmail,
      country: consumerReports.country,
      scanId: consumerReports.scanId,
      createdAt: consumerReports.createdAt,
    })
    .from(consumerReports)
    .where(and(eq(consumerReports.organisationId, organisationId), byCode))
    .orderBy(desc(consumerReports.createdAt))
    .limit(limit);
}

/** One photo of one of the brand's reports; another brand's report, or an index past its photos, reads as absent. */
export async function findReportPhoto(db: Executor, organisationId: string, reportId: string, index: number) {
  const [row] = await db
    .select({ photos: consumerReports.photos })
    .from(consumerReports)
    .where(and(eq(consumerReports.organisationId, organisationId), eq(consumerReports.id, reportId)))
    .limit(1);
  return row?.photos[index] ?? null;
}
