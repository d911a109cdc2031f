// The bulk writes of a capture. Rows travel as ONE parameter per statement (a JSON document or a
// PostgreSQL array literal) instead of a VALUES list with a parameter per cell: building and binding
// hundreds of thousands of parameters cost more than the insert itself, above all on PGlite (WASM).
import { sql } from "drizzle-orm";
import { selectRows, type Transaction } from "@/db/database";
import type { UnitEventRole } from "@/db/schema";
import type { NormalisedEvent } from "@/lib/epcis";

/** Events per insert statement: big enough to amortise a round trip, small enough to keep memory flat. */
const EVENT_CHUNK = 5000;
const LINK_CHUNK = 25_000;

/** An error declaration repeats the identity of the event it retracts: store it under its own key. */
export const storedId = (e: NormalisedEvent) => (e.errorDeclaration ? `${e.eventIdentity}#errorDeclaration` : e.eventIdentity);

export interface UnitLink {
  unitId: number;
  eventId: number;
  role: UnitEventRole;
  eventTime: Date;
}

/** A PostgreSQL array literal; every text element quoted, so any text survives. */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `"${v.replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

// JSON.stringify escapes every control character inside strings, so this one never occurs in its
// output: documents joined by it split back exactly (string_to_array), with no quoting to undo.
const RECORD_SEPARATOR = "\u001e";

export interface InsertedEvents {
  /** storedId → row id, for every event of the input that is now stored (this capture's rows only). */
  readonly rowIdOf: Map<string, number>;
  /** row id → the event as stored: the first of several with the same storedId in one input. */
  readonly storedEvent: Map<number, NormalisedEvent>;
}

/** Insert the events that are not stored yet (by storedId); answers what was newly stored. */
export async function insertEvents(tx: Transaction, organisationId: string, captureJobId: string | null, events: readonly NormalisedEvent[]): Promise<InsertedEvents> {
  // The first of several events with one storedId is the one stored, as a VALUES list would do.
  const firsts = new Map<string, NormalisedEvent>();
  for (const e of events) if (!firsts.has(storedId(e))) firsts.set(storedId(e), e);
  const unique = [...firsts.values()];
  const rowIdOf = new Map<string, number>();
  const storedEvent = new Map<number, NormalisedEvent>();
  for (let i = 0; i < unique.length; i += EVENT_CHUNK) {
    const chunk = unique.slice(i, i + EVENT_CHUNK);
    const column = (value: (e: NormalisedEvent) => string | null) => arrayLiteral(chunk.map(value));
    const inserted = await selectRows<{ id: number | string; event_id: string }>(
      tx,
      sql`insert into epcis_events (organisation_id, event_id, type, action, biz_step, disposition, event_time, event_time_zone_offset, read_point, biz_location, document, capture_job_id)
        select ${organisationId}::uuid, x.i, x.t, x.a, x.b, x.d, x.et, x.tz, x.rp, x.bl, x.doc::jsonb, ${captureJobId}::uuid
        from unnest(${column(storedId)}::text[], ${column((e) => e.type)}::text[], ${column((e) => e.action ?? null)}::text[],
          ${column((e) => e.bizStep ?? null)}::text[], ${column((e) => e.disposition ?? null)}::text[], ${column((e) => e.eventTime.toISOString())}::timestamptz[],
          ${column((e) => e.eventTimeZoneOffset)}::text[], ${column((e) => e.readPoint ?? null)}::text[], ${column((e) => e.bizLocation ?? null)}::text[],
          string_to_array(${chunk.map((e) => JSON.stringify(e.raw)).join(RECORD_SEPARATOR)}, ${RECORD_SEPARATOR}))
          as x(i, t, a, b, d, et, tz, rp, bl, doc)
        on conflict do nothing
        returning id, event_id`,
    );
    for (const r of inserted) {
      const id = Number(r.id);
      rowIdOf.set(r.event_id, id);
      storedEvent.set(id, firsts.get(r.event_id)!);
    }
  }
  return { rowIdOf, storedEvent };
}

export interface Retractions {
  readonly count: number;
  /** Rows retracted by this capture: their links no longer count in any unit's history. */
  readonly rowIds: ReadonlySet<number>;
  /** Units that had been linked to a retracted event before this capture. */
  readonly unitIds: readonly number[];
}

/** Mark the events the declarations name as retracted (the first declaration of an event wins). */
export async function retractEvents(tx: Transaction, organisationId: string, declarations: readonly NormalisedEvent[]): Promise<Retractions> {
  const byIdentity = new Map<string, NonNullable<NormalisedEvent["errorDeclaration"]>>();
  for (const e of declarations) if (e.errorDeclaration && !byIdentity.has(e.eventIdentity)) byIdentity.set(e.eventIdentity, e.errorDeclaration);
  if (byIdentity.size === 0) return { count: 0, rowIds: new Set(), unitIds: [] };
  const targets = [...byIdentity].map(([i, d]) => ({ i, dt: d.declarationTime.toISOString(), r: d.reason ?? null }));
  const rows = await selectRows<{ id: number | string }>(
    tx,
    sql`update epcis_events as e set retracted_at = x.dt, retraction_reason = x.r
      from json_to_recordset(${JSON.stringify(targets)}::json) as x(i text, dt timestamptz, r text)
      where e.organisation_id = ${organisationId}::uuid and e.event_id = x.i and e.retracted_at is null
      returning e.id`,
  );
  const rowIds = new Set(rows.map((r) => Number(r.id)));
  if (rowIds.size === 0) return { count: 0, rowIds, unitIds: [] };
  const linked = await selectRows<{ unit_id: number | string }>(
    tx,
    sql`select distinct unit_id from unit_events where event_id = any(${arrayLiteral([...rowIds])}::bigint[])`,
  );
  return { count: rowIds.size, rowIds, unitIds: linked.map((l) => Number(l.unit_id)) };
}

export async function insertLinks(tx: Transaction, links: readonly UnitLink[]): Promise<void> {
  for (let i = 0; i < links.length; i += LINK_CHUNK) {
    const chunk = links.slice(i, i + LINK_CHUNK);
    await tx.execute(sql`insert into unit_events (unit_id, event_id, role, event_time)
      select * from unnest(${arrayLiteral(chunk.map((l) => l.unitId))}::bigint[], ${arrayLiteral(chunk.map((l) => l.eventId))}::bigint[],
        ${arrayLiteral(chunk.map((l) => l.role))}::text[], ${arrayLiteral(chunk.map((l) => l.eventTime.toISOString()))}::timestamptz[])
      on conflict do nothing`);
  }
}
