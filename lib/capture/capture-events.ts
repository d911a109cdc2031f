// Capture: validated EPCIS events into the database in ONE transaction — every event, its units and
// their recomputed states land together or not at all. Re-sending is idempotent: an event is known
// by its eventID (else its content hash) per brand.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { epcisEvents, products, unitEvents, units, type UnitEventRole } from "@/db/schema";
import type { NormalisedEvent } from "@/lib/epcis";
import { AppError } from "@/lib/http/problem";
import { namedContainers, namedUnits, packing, unitKey, type UnitKey } from "./unit-links";
import { recomputeUnits } from "./recompute-units";

export interface CaptureTarget {
  organisationId: string;
  /** Who sends: the organisation id, compared by EU FMD reversal rules. */
  party: string;
  captureJobId?: string | null;
}

export interface CaptureResult {
  events: number;
  inserted: number;
  duplicates: number;
  retracted: number;
  units: number;
  statusChanges: number;
}

const CHUNK = 500;

/** An error declaration repeats the identity of the event it retracts: store it under its own key. */
const storedId = (e: NormalisedEvent) => (e.errorDeclaration ? `${e.eventIdentity}#errorDeclaration` : e.eventIdentity);

async function ensureUnits(tx: Transaction, organisationId: string, keys: UnitKey[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const unique = [...new Map(keys.map((k) => [unitKey(k), k])).values()];
  const gtins = [...new Set(unique.map((k) => k.gtin))];
  if (gtins.length === 0) return ids;
  // Products the brand has not registered yet are created bare, named by GTIN, for editors to fill in.
  await tx
    .insert(products)
    .values(gtins.map((gtin) => ({ organisationId, gtin, name: { en: `GTIN ${gtin}` }, brandName: "", category: "other" as const })))
    .onConflictDoNothing();
  const productRows = await tx.select({ id: products.id, gtin: products.gtin }).from(products).where(and(eq(products.organisationId, organisationId), inArray(products.gtin, gtins)));
  const productOf = new Map(productRows.map((p) => [p.gtin, p.id]));
  const elsewhere = gtins.filter((g) => !productOf.has(g));
  if (elsewhere.length) {
    throw new AppError("conflict", `GTIN ${elsewhere.slice(0, 5).join(", ")} is registered to another organisation.`);
  }
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    await tx
      .insert(units)
      .values(chunk.map((k) => ({ organisationId, productId: productOf.get(k.gtin)!, gtin: k.gtin, serial: k.serial, status: "issued" as const })))
      .onConflictDoNothing();
    const rows = await tx
      .select({ id: units.id, gtin: units.gtin, serial: units.serial })
      .from(units)
      // The keys travel as one JSON parameter: a long IN-list of row constructors overflows PGlite's stack.
      .where(
        and(
          eq(units.organisationId, organisationId),
          sql`(${units.gtin}, ${units.serial}) in (select g, s from jsonb_to_recordset(${JSON.stringify(chunk.map((k) => ({ g: k.gtin, s: k.serial })))}::jsonb) as x(g text, s text))`,
        ),
      );
    for (const r of rows) ids.set(unitKey(r), r.id);
  }
  return ids;
}

export async function captureEvents(db: Database, target: CaptureTarget, events: readonly NormalisedEvent[]): Promise<CaptureResult> {
  const { organisationId } = target;
  return db.transaction(async (tx) => {
    const inserted = new Map<string, number>();
    for (let i = 0; i < events.length; i += CHUNK) {
      const rows = await tx
        .insert(epcisEvents)
        .values(
          events.slice(i, i + CHUNK).map((e) => ({
            organisationId,
            eventId: storedId(e),
            type: e.type,
            action: e.action ?? null,
            bizStep: e.bizStep ?? null,
            disposition: e.disposition ?? null,
            eventTime: e.eventTime,
            eventTimeZoneOffset: e.eventTimeZoneOffset,
            readPoint: e.readPoint ?? null,
            bizLocation: e.bizLocation ?? null,
            document: e.raw as Record<string, unknown>,
            captureJobId: target.captureJobId ?? null,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: epcisEvents.id, eventId: epcisEvents.eventId });
      for (const r of rows) inserted.set(r.eventId, r.id);
    }
    const fresh = events.filter((e) => inserted.has(storedId(e)));
    const touched = new Set<number>();

    // Retractions: mark the declared events, and recompute the units they had touched.
    let retracted = 0;
    for (const e of fresh.filter((x) => x.errorDeclaration)) {
      const rows = await tx
        .update(epcisEvents)
        .set({ retractedAt: e.errorDeclaration!.declarationTime, retractionReason: e.errorDeclaration!.reason ?? null })
        .where(and(eq(epcisEvents.organisationId, organisationId), eq(epcisEvents.eventId, e.eventIdentity), isNull(epcisEvents.retractedAt)))
        .returning({ id: epcisEvents.id });
      retracted += rows.length;
      if (rows.length) {
        const linked = await tx.select({ unitId: unitEvents.unitId }).from(unitEvents).where(inArray(unitEvents.eventId, rows.map((r) => r.id)));
        for (const l of linked) touched.add(l.unitId);
      }
    }

    const live = fresh.filter((e) => !e.errorDeclaration);
    const unitIds = await ensureUnits(tx, organisationId, live.flatMap((e) => namedUnits(e).map((u) => u.key)));
    const links: { unitId: number; eventId: number; role: UnitEventRole; eventTime: Date }[] = [];
    // In eventTime order, so packing and the shipping of the packed container meet in the right order.
    for (const e of [...live].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())) {
      const eventRowId = inserted.get(storedId(e))!;
      for (const u of namedUnits(e)) {
        const unitId = unitIds.get(unitKey(u.key));
        if (unitId !== undefined) links.push({ unitId, eventId: eventRowId, role: u.role, eventTime: e.eventTime });
      }
      const pack = packing(e);
      if (pack) {
        const childIds = pack.children.map((c) => unitIds.get(unitKey(c))).filter((id): id is number => id !== undefined);
        const where = childIds.length ? inArray(units.id, childIds) : eq(units.parentEpc, pack.parent);
        await tx.update(units).set({ parentEpc: pack.action === "ADD" ? pack.parent : null }).where(and(eq(units.organisationId, organisationId), where));
        continue;
      }
      // Shipping a case or pallet moves what is packed in it.
      const containers = namedContainers(e);
      if (containers.length && e.type !== "AggregationEvent") {
        const contained = await tx.select({ id: units.id }).from(units).where(and(eq(units.organisationId, organisationId), inArray(units.parentEpc, containers)));
        for (const c of contained) links.push({ unitId: c.id, eventId: eventRowId, role: "child", eventTime: e.eventTime });
      }
    }
    for (let i = 0; i < links.length; i += CHUNK) await tx.insert(unitEvents).values(links.slice(i, i + CHUNK)).onConflictDoNothing();
    for (const l of links) touched.add(l.unitId);

    const statusChanges = await recomputeUnits(tx, organisationId, [...touched], target.party);
    if (statusChanges > 0) {
      await enqueueWebhookEvent(tx, organisationId, "unit.status_changed", { reason: "epcis", units: statusChanges, captureJobId: target.captureJobId ?? null });
    }
    return { events: events.length, inserted: inserted.size, duplicates: events.length - inserted.size, retracted, units: touched.size, statusChanges };
  });
}
