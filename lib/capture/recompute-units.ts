// After events land, each touched unit's state is recomputed by replaying all its live events in
// eventTime order with the lifecycle rules — so late events and retractions always end in the same
// state as if everything had arrived in order.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/database";
import { epcisEvents, products, unitEvents, units, type EpcisAction, type UnitStatus } from "@/db/schema";
import { indexLocations, marketsOfEvent, policyForCategory, replayStatus, type LifecycleEvent, type UnitState } from "@/lib/lifecycle";
import { readIlmd } from "@/lib/epcis";

const CHUNK = 1000;
const noLocations = indexLocations({});

function destinations(document: Record<string, unknown>) {
  const list = Array.isArray(document.destinationList) ? document.destinationList : [];
  return list
    .filter((d): d is { type: string; destination: string } => typeof d === "object" && d !== null && typeof (d as { type?: unknown }).type === "string")
    .map((d) => ({ type: d.type, destination: String(d.destination) }));
}

/** Recompute and store the state of these units; answers how many changed status. */
export async function recomputeUnits(tx: Transaction, organisationId: string, unitIds: number[], party: string): Promise<number> {
  let changed = 0;
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const ids = unitIds.slice(i, i + CHUNK);
    const current = await tx
      .select({ id: units.id, status: units.status, markets: units.markets, lot: units.lot, expiryDate: units.expiryDate, category: products.category })
      .from(units)
      .innerJoin(products, eq(products.id, units.productId))
      .where(and(eq(units.organisationId, organisationId), inArray(units.id, ids)));
    const history = await tx
      .select({
        unitId: unitEvents.unitId,
        role: unitEvents.role,
        eventId: epcisEvents.eventId,
        type: epcisEvents.type,
        action: epcisEvents.action,
        bizStep: epcisEvents.bizStep,
        disposition: epcisEvents.disposition,
        eventTime: epcisEvents.eventTime,
        bizLocation: epcisEvents.bizLocation,
        document: epcisEvents.document,
      })
      .from(unitEvents)
      .innerJoin(epcisEvents, eq(epcisEvents.id, unitEvents.eventId))
      .where(and(inArray(unitEvents.unitId, ids), isNull(epcisEvents.retractedAt), eq(epcisEvents.organisationId, organisationId)))
      .orderBy(asc(epcisEvents.eventTime), asc(epcisEvents.id));
    const byUnit = new Map<number, typeof history>();
    for (const row of history) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);

    const updates = current.map((unit) => {
      const events: LifecycleEvent[] = (byUnit.get(unit.id) ?? []).map((e) => ({
        eventId: e.eventId,
        eventType: e.type,
        action: (e.action ?? "OBSERVE") as EpcisAction,
        bizStep: e.bizStep,
        disposition: e.disposition,
        eventTime: e.eventTime,
        party,
        role: e.role,
        markets: marketsOfEvent({ bizStep: e.bizStep, disposition: e.disposition, bizLocation: e.bizLocation, destinationList: destinations(e.document) }, noLocations).markets,
        ilmd: readIlmd(e.document as never),
      }));
      const initial: UnitState = { status: "issued", statusEventTime: null, markets: [] };
      const { state } = replayStatus(events, initial, policyForCategory(unit.category));
      if (state.status !== unit.status) changed++;
      return {
        id: unit.id,
        status: state.status as UnitStatus,
        since: (state.statusEventTime ?? new Date()).toISOString(),
        eventTime: state.statusEventTime?.toISOString() ?? null,
        markets: [...new Set([...unit.markets, ...(state.markets ?? [])])],
        lot: state.lot ?? unit.lot,
        expiry: state.expiryDate ?? unit.expiryDate,
        commissionedAt: state.commissionedAt?.toISOString() ?? null,
      };
    });
    if (updates.length === 0) continue;
    // One statement per chunk: the rows travel as a JSON document.
    await tx.execute(sql`
      update units as u set
        status = v.status,
        status_since = v.since,
        status_event_time = v.event_time,
        markets = array(select jsonb_array_elements_text(v.markets)),
        lot = v.lot,
        expiry_date = v.expiry,
        commissioned_at = coalesce(u.commissioned_at, v.commissioned_at)
      from jsonb_to_recordset(${JSON.stringify(updates.map((u) => ({ ...u, event_time: u.eventTime, commissioned_at: u.commissionedAt })))}::jsonb)
        as v(id bigint, status text, since timestamptz, event_time timestamptz, markets jsonb, lot text, expiry date, commissioned_at timestamptz)
      where u.id = v.id and u.organisation_id = ${organisationId}::uuid`);
  }
  return changed;
}
