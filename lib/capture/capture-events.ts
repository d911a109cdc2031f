// Capture: validated EPCIS events into the database in ONE transaction — every event, its units and
// their recomputed states land together or not at all. Re-sending is idempotent: an event is known
// by its eventID (else its content hash) per brand. Throughput notes: README.md.
import type { Database } from "@/db/database";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import type { NormalisedEvent } from "@/lib/epcis";
import { findUnits, insertCreatedUnits, knownUnits } from "./ensure-units";
import { factsOfEvent, LifecycleEvents } from "./lifecycle-facts";
import { historyOfNewUnits, type KeyedLink } from "./new-unit-history";
import { newUnit, recomputeStoredUnits, replayUnit } from "./recompute-units";
import { ContainerTracker } from "./track-containers";
import { namedContainers, namedUnits, packing, unitKey } from "./unit-links";
import { insertEvents, insertLinks, retractEvents, storedId } from "./write-events";

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

/** Containers whose contents the capture may move or carry: packing parents and containers named by other events. */
function containersNamed(events: readonly NormalisedEvent[]): string[] {
  return events.flatMap((e) => {
    const pack = packing(e);
    if (pack) return [pack.parent];
    return e.type === "AggregationEvent" ? [] : namedContainers(e);
  });
}

export async function captureEvents(db: Database, target: CaptureTarget, events: readonly NormalisedEvent[]): Promise<CaptureResult> {
  const { organisationId } = target;
  return db.transaction(async (tx) => {
    const { rowIdOf, storedEvent } = await insertEvents(tx, organisationId, target.captureJobId ?? null, events);
    const fresh = events.filter((e) => rowIdOf.has(storedId(e)));

    // Retractions: mark the declared events, and recompute the units they had touched.
    const retractions = await retractEvents(tx, organisationId, fresh.filter((x) => x.errorDeclaration));
    const touched = new Set<number>(retractions.unitIds);

    const live = fresh.filter((e) => !e.errorDeclaration);
    const units = await knownUnits(tx, organisationId, live.flatMap((e) => namedUnits(e).map((u) => u.key)));
    const containers = await ContainerTracker.load(tx, organisationId, containersNamed(live));
    const links: KeyedLink[] = [];
    // In eventTime order, so packing and the shipping of the packed container meet in the right order.
    for (const e of [...live].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())) {
      const eventRowId = rowIdOf.get(storedId(e))!;
      for (const u of namedUnits(e)) {
        const key = unitKey(u.key);
        if (units.ids.has(key) || units.missing.has(key)) links.push({ key, eventId: eventRowId, role: u.role, eventTime: e.eventTime });
      }
      const pack = packing(e);
      if (pack) {
        const children = pack.children.map(unitKey).filter((key) => units.ids.has(key) || units.missing.has(key));
        containers.pack(pack.parent, children, pack.action);
        continue;
      }
      // Shipping a case or pallet moves what is packed in it.
      const named = namedContainers(e);
      if (named.length && e.type !== "AggregationEvent") {
        for (const key of containers.unitsIn(named)) links.push({ key, eventId: eventRowId, role: "child", eventTime: e.eventTime });
      }
    }

    // New units replay from this capture's events and are inserted in their final state.
    const lifecycle = new LifecycleEvents(target.party);
    const historyOf = historyOfNewUnits(links, units.missing, retractions.rowIds, (rowId, role) => {
      const stored = storedEvent.get(rowId)!;
      return lifecycle.of(rowId, () => factsOfEvent(stored, storedId(stored)), role);
    });
    let statusChanges = 0;
    const createdRows = [...units.missing].map(([key, unit]) => {
      const state = replayUnit(newUnit(units.productOf.get(unit.gtin)!.category), historyOf.get(key) ?? []);
      return { key: unit, productId: units.productOf.get(unit.gtin)!.id, ...state, parentEpc: containers.finalParent(key) ?? null };
    });
    const created = await insertCreatedUnits(tx, organisationId, createdRows);
    for (const row of createdRows) if (row.changed && created.has(unitKey(row.key))) statusChanges++;
    // A unit another capture created meanwhile exists now: it is recomputed from what is stored.
    const raced = createdRows.filter((r) => !created.has(unitKey(r.key))).map((r) => r.key);
    const stored = new Map([...units.ids, ...containers.loadedIds, ...(raced.length ? await findUnits(tx, organisationId, raced) : [])]);
    await containers.flush(tx, organisationId, stored);

    const ids = new Map([...stored, ...created]);
    const unitLinks = links.flatMap((l) => (ids.has(l.key) ? [{ unitId: ids.get(l.key)!, eventId: l.eventId, role: l.role, eventTime: l.eventTime }] : []));
    await insertLinks(tx, unitLinks);
    for (const l of unitLinks) touched.add(l.unitId);

    const createdIds = new Set(created.values());
    statusChanges += await recomputeStoredUnits(tx, organisationId, [...touched].filter((id) => !createdIds.has(id)), lifecycle);
    if (statusChanges > 0) {
      await enqueueWebhookEvent(tx, organisationId, "unit.status_changed", { reason: "epcis", units: statusChanges, captureJobId: target.captureJobId ?? null });
    }
    return { events: events.length, inserted: rowIdOf.size, duplicates: events.length - rowIdOf.size, retracted: retractions.count, units: touched.size, statusChanges };
  });
}
