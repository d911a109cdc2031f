// Each touched unit's state is recomputed by replaying all its live events in eventTime order with
// the lifecycle rules — so late events and retractions always end in the same state as if everything
// had arrived in order. Units this capture creates have no stored history: the capture replays them
// from its own events (replayUnit) before inserting them. Units that existed load their stored
// history here, reading only the few document members the rules need.
import { sql } from "drizzle-orm";
import { selectRows, type Transaction } from "@/db/database";
import type { EpcisAction, EpcisEventType, ProductCategory, UnitEventRole, UnitStatus } from "@/db/schema";
import { policyForCategory, replayStatus, type LifecycleEvent, type UnitState } from "@/lib/lifecycle";
import { LifecycleEvents } from "./lifecycle-facts";
import { arrayLiteral } from "./write-events";

const LOAD_CHUNK = 5000;
const WRITE_CHUNK = 10_000;

/** A unit as it stands before the replay. */
export interface UnitBefore {
  category: ProductCategory;
  status: UnitStatus;
  markets: readonly string[];
  lot: string | null;
  expiryDate: string | null;
}

/** A unit row as an insert leaves it: issued, no markets, no lot. */
export const newUnit = (category: ProductCategory): UnitBefore => ({ category, status: "issued", markets: [], lot: null, expiryDate: null });

/** The columns a replay sets, and whether the status changed. */
export interface ReplayedState {
  changed: boolean;
  status: UnitStatus;
  since: string;
  eventTime: string | null;
  markets: string[];
  lot: string | null;
  expiry: string | null;
  commissionedAt: string | null;
}

export function replayUnit(unit: UnitBefore, events: readonly LifecycleEvent[]): ReplayedState {
  const initial: UnitState = { status: "issued", statusEventTime: null, markets: [] };
  const { state } = replayStatus(events, initial, policyForCategory(unit.category));
  return {
    changed: state.status !== unit.status,
    status: state.status,
    since: (state.statusEventTime ?? new Date()).toISOString(),
    eventTime: state.statusEventTime?.toISOString() ?? null,
    markets: [...new Set([...unit.markets, ...(state.markets ?? [])])],
    lot: state.lot ?? unit.lot,
    expiry: state.expiryDate ?? unit.expiryDate,
    commissionedAt: state.commissionedAt?.toISOString() ?? null,
  };
}

type HistoryRow = {
  unit_id: number | string;
  role: UnitEventRole;
  row_id: number | string;
  event_id: string;
  type: EpcisEventType;
  action: EpcisAction | null;
  biz_step: string | null;
  disposition: string | null;
  event_time_ms: number;
  biz_location: string | null;
  destination_list: unknown;
  ilmd: unknown;
  context: unknown;
};

/** Units that existed before this capture, with their whole live history (this capture's links included). */
async function loadStoredUnits(tx: Transaction, organisationId: string, ids: readonly number[], lifecycle: LifecycleEvents) {
  const current = await selectRows<{ id: number | string; status: UnitStatus; markets: string[]; lot: string | null; expiry_date: string | null; category: ProductCategory }>(
    tx,
    sql`select u.id, u.status, u.markets, u.lot, u.expiry_date::text as expiry_date, p.category from units u join products p on p.id = u.product_id
      where u.organisation_id = ${organisationId}::uuid and u.id = any(${arrayLiteral(ids)}::bigint[])`,
  );
  const history = await selectRows<HistoryRow>(
    tx,
    sql`select ue.unit_id, ue.role, e.id as row_id, e.event_id, e.type, e.action, e.biz_step, e.disposition, (extract(epoch from e.event_time) * 1000)::float8 as event_time_ms, e.biz_location,
        e.document -> 'destinationList' as destination_list, e.document -> 'ilmd' as ilmd, e.document -> '@context' as context
      from unit_events ue join epcis_events e on e.id = ue.event_id
      where ue.unit_id = any(${arrayLiteral(ids)}::bigint[]) and e.retracted_at is null and e.organisation_id = ${organisationId}::uuid
      order by e.event_time, e.id`,
  );
  const byUnit = new Map<number, LifecycleEvent[]>();
  for (const row of history) {
    const unitId = Number(row.unit_id);
    const event = lifecycle.of(Number(row.row_id), () => ({
      eventId: row.event_id,
      type: row.type,
      action: row.action,
      bizStep: row.biz_step,
      disposition: row.disposition,
      eventTime: new Date(Math.floor(row.event_time_ms)),
      bizLocation: row.biz_location,
      destinationList: row.destination_list,
      ilmd: row.ilmd,
      context: row.context,
    }), row.role);
    const list = byUnit.get(unitId);
    if (list) list.push(event);
    else byUnit.set(unitId, [event]);
  }
  return current.map((u) => {
    const id = Number(u.id);
    const before: UnitBefore = { category: u.category, status: u.status, markets: u.markets, lot: u.lot, expiryDate: u.expiry_date };
    return { id, before, events: byUnit.get(id) ?? [] };
  });
}

async function writeStates(tx: Transaction, organisationId: string, rows: (ReplayedState & { id: number })[]) {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    // One statement per chunk: the rows travel as a JSON document.
    await tx.execute(sql`
      update units as u set
        status = v.status,
        status_since = v.since,
        status_event_time = v."eventTime",
        markets = array(select json_array_elements_text(v.markets)),
        lot = v.lot,
        expiry_date = v.expiry,
        commissioned_at = coalesce(u.commissioned_at, v."commissionedAt")
      from json_to_recordset(${JSON.stringify(rows.slice(i, i + WRITE_CHUNK))}::json)
        as v(id bigint, status text, since timestamptz, "eventTime" timestamptz, markets json, lot text, expiry date, "commissionedAt" timestamptz)
      where u.id = v.id and u.organisation_id = ${organisationId}::uuid`);
  }
}

/** Recompute and store the state of units that existed before this capture; answers how many changed status. */
export async function recomputeStoredUnits(tx: Transaction, organisationId: string, unitIds: readonly number[], lifecycle: LifecycleEvents): Promise<number> {
  let changed = 0;
  for (let i = 0; i < unitIds.length; i += LOAD_CHUNK) {
    const units = await loadStoredUnits(tx, organisationId, unitIds.slice(i, i + LOAD_CHUNK), lifecycle);
    const rows = units.map((unit) => {
      const state = replayUnit(unit.before, unit.events);
      if (state.changed) changed++;
      return { id: unit.id, ...state };
    });
    await writeStates(tx, organisationId, rows);
  }
  return changed;
}
