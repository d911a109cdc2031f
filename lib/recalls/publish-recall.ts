// Publishing and closing a recall. Publishing marks the affected units recalled at once, in the same
// transaction as the recall row and its webhook announcement; a closed recall stops being shown, but
// the units stay recalled (EU FMD: a recall is irreversible).
import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { products, recalls, units, type UnitStatus } from "@/db/schema";
import { AppError } from "@/lib/http/problem";
import type { RecallInput } from "./recall-input";

/** Units already out of the supply chain keep their state; their holders still see the notice. */
const untouched: UnitStatus[] = ["dispensed", "retail_sold", "destroyed", "decommissioned", "stolen", "recalled"];

export async function publishRecall(db: Database, organisationId: string, input: RecallInput, createdBy: string | null, now = new Date()) {
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.organisationId, organisationId), eq(products.gtin, input.gtin)));
    if (!product) throw new AppError("not_found", `No product with GTIN ${input.gtin} in your organisation.`, { pointer: "/gtin" });
    const startedAt = input.startedAt ?? now;
    const scope =
      input.lots.length === 0 && input.serials.length === 0
        ? undefined
        : or(input.lots.length ? inArray(units.lot, input.lots) : undefined, input.serials.length ? inArray(units.serial, input.serials) : undefined);
    const affected = await tx
      .update(units)
      .set({ status: "recalled", statusSince: startedAt, statusEventTime: startedAt })
      .where(and(eq(units.organisationId, organisationId), eq(units.gtin, input.gtin), notInArray(units.status, untouched), scope))
      .returning({ id: units.id });
    const [recall] = await tx
      .insert(recalls)
      .values({
        organisationId,
        productId: product.id,
        gtin: input.gtin,
        lots: input.lots,
        serials: input.serials,
        recallClass: input.recallClass,
        reason: input.reason ?? null,
        title: input.title,
        message: input.message,
        action: input.action,
        moreInfoUrl: input.moreInfoUrl ?? null,
        startedAt,
        affectedUnits: affected.length,
        createdBy,
      })
      .returning();
    await enqueueWebhookEvent(tx, organisationId, "recall.published", {
      recallId: recall!.id,
      gtin: input.gtin,
      lots: input.lots,
      serials: input.serials.length,
      recallClass: input.recallClass,
      affectedUnits: affected.length,
      startedAt: startedAt.toISOString(),
    });
    if (affected.length > 0) {
      await enqueueWebhookEvent(tx, organisationId, "unit.status_changed", { reason: "recall", recallId: recall!.id, gtin: input.gtin, status: "recalled", units: affected.length });
    }
    return recall!;
  });
}

export async function closeRecall(db: Database, organisationId: string, recallId: string, now = new Date()) {
  const rows = await db
    .update(recalls)
    .set({ endedAt: now })
    .where(and(eq(recalls.organisationId, organisationId), eq(recalls.id, recallId), isNull(recalls.endedAt)))
    .returning({ id: recalls.id });
  return rows.length > 0;
}

export async function listRecalls(db: Database, organisationId: string) {
  return db.select().from(recalls).where(eq(recalls.organisationId, organisationId)).orderBy(sql`${recalls.startedAt} desc`);
}
