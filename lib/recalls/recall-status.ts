// The answer to gs1:recallStatus for an identifier: is this product, lot or unit under a recall in
// force, and what should its holder do. Public: it reveals nothing a recall notice does not.
import { and, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/database";
import { recalls } from "@/db/schema";

export interface RecallStatus {
  gtin: string;
  lot: string | null;
  serial: string | null;
  recalled: boolean;
  recalls: { id: string; recallClass: string; title: Record<string, string>; message: Record<string, string>; action: Record<string, string>; moreInfoUrl: string | null; startedAt: Date }[];
}

export async function recallStatus(db: Executor, identifier: { gtin: string; lot?: string | null; serial?: string | null }, now = new Date()): Promise<RecallStatus> {
  const lot = identifier.lot ?? null;
  const serial = identifier.serial ?? null;
  const rows = await db
    .select()
    .from(recalls)
    .where(
      and(
        eq(recalls.gtin, identifier.gtin),
        lte(recalls.startedAt, now),
        or(isNull(recalls.endedAt), gt(recalls.endedAt, now)),
        or(
          sql`cardinality(${recalls.lots}) = 0 and cardinality(${recalls.serials}) = 0`,
          lot === null ? sql`false` : sql`${lot} = any(${recalls.lots})`,
          serial === null ? sql`false` : sql`${serial} = any(${recalls.serials})`,
        ),
      ),
    )
    .orderBy(desc(recalls.startedAt));
  return {
    gtin: identifier.gtin,
    lot,
    serial,
    recalled: rows.length > 0,
    recalls: rows.map((r) => ({ id: r.id, recallClass: r.recallClass, title: r.title, message: r.message, action: r.action, moreInfoUrl: r.moreInfoUrl, startedAt: r.startedAt })),
  };
}
