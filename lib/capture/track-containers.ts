// Containment during one capture, kept in memory: which units sit in which case or pallet
// (units.parent_epc) as packing events are applied in eventTime order. One query loads the units
// already packed in the containers the capture names, and one statement writes the final parents,
// instead of a query per shipping event and an update per packing event. Units are known by unitKey:
// units this capture creates have no id until they are inserted, with their final parent.
import { sql } from "drizzle-orm";
import { selectRows, type Transaction } from "@/db/database";
import { unitKey } from "./unit-links";

const CHUNK = 10_000;

export class ContainerTracker {
  /** unitKey → the container it is in now (null: in none). Only units that matter are kept. */
  private readonly parentOf = new Map<string, string | null>();
  /** container → units in it now. */
  private readonly contents = new Map<string, Set<string>>();
  private readonly changed = new Set<string>();
  /** unitKey → id of the units loaded: they exist, although the capture may not name them. */
  readonly loadedIds = new Map<string, number>();

  /** Load the units of this organisation packed, before the capture, in any of these containers. */
  static async load(tx: Transaction, organisationId: string, containers: readonly string[]): Promise<ContainerTracker> {
    const tracker = new ContainerTracker();
    const unique = [...new Set(containers)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await selectRows<{ id: number | string; gtin: string; serial: string; parent_epc: string }>(
        tx,
        sql`select id, gtin, serial, parent_epc from units
          where organisation_id = ${organisationId}::uuid
            and parent_epc in (select jsonb_array_elements_text(${JSON.stringify(unique.slice(i, i + CHUNK))}::jsonb))`,
      );
      for (const r of rows) {
        tracker.place(unitKey(r), r.parent_epc);
        tracker.loadedIds.set(unitKey(r), Number(r.id));
      }
    }
    return tracker;
  }

  private place(key: string, parent: string | null): void {
    const before = this.parentOf.get(key);
    if (before) this.contents.get(before)?.delete(key);
    this.parentOf.set(key, parent);
    if (parent !== null) {
      let set = this.contents.get(parent);
      if (!set) this.contents.set(parent, (set = new Set()));
      set.add(key);
    }
  }

  /** Packing: the listed units move into (ADD) or out of (DELETE) the container; with none listed, what it holds now. */
  pack(parent: string, children: readonly string[], action: "ADD" | "DELETE"): void {
    const moved = children.length ? children : [...(this.contents.get(parent) ?? [])];
    for (const key of moved) {
      this.place(key, action === "ADD" ? parent : null);
      this.changed.add(key);
    }
  }

  /** Units directly in any of these containers now. */
  unitsIn(containers: readonly string[]): string[] {
    const found = new Set<string>();
    for (const c of containers) for (const key of this.contents.get(c) ?? []) found.add(key);
    return [...found];
  }

  /** The container a unit ends in, when packing moved it during this capture (undefined: unchanged). */
  finalParent(key: string): string | null | undefined {
    return this.changed.has(key) ? (this.parentOf.get(key) ?? null) : undefined;
  }

  /** Write the parents that packing changed, for the units that have an id here (new units carry theirs). */
  async flush(tx: Transaction, organisationId: string, ids: ReadonlyMap<string, number>): Promise<void> {
    const rows = [...this.changed].flatMap((key) => (ids.has(key) ? [{ id: ids.get(key)!, p: this.parentOf.get(key) ?? null }] : []));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx.execute(sql`update units as u set parent_epc = x.p
        from json_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::json) as x(id bigint, p text)
        where u.id = x.id and u.organisation_id = ${organisationId}::uuid`);
    }
  }
}
