// One chunk of an import: rows checked, turned into events, and written by captureEvents in ONE
// transaction — so a chunk lands whole or not at all, and (eventIDs being derived from the rows)
// running it again after a crash writes nothing twice.
import type { Database } from "@/db/database";
import { existingEventIds, gtinsOfOtherOrganisations } from "@/db/queries/imports";
import { captureEvents } from "@/lib/capture/capture-events";
import type { NormalisedEvent } from "@/lib/epcis";
import type { ColumnIndex } from "./import-columns";
import { rowEvents } from "./import-events";
import { parseImportRow, type RowError } from "./parse-import-row";
import type { CsvItem } from "./read-import-csv";

export interface ChunkContext {
  organisationId: string;
  companyPrefixes: readonly string[];
  jobId: string;
  columns: ColumnIndex;
  width: number;
  /** When the import started processing: bounds event_time and anchors the default times. */
  now: number;
  /** Data rows in the file: rows without event_time get times spaced 2 ms apart, ending at `now`. */
  total: number;
}

/** A chunk's items with their 0-based position among the file's data rows. */
export type ChunkItem = { item: CsvItem; index: number };

export interface ChunkResult {
  errors: RowError[];
  imported: number;
  duplicates: number;
  statusChanges: number;
}

export async function importChunk(db: Database, context: ChunkContext, items: readonly ChunkItem[]): Promise<ChunkResult> {
  const errors: RowError[] = [];
  const accepted: { line: number; gtin: string; eventId: string; events: NormalisedEvent[] }[] = [];
  for (const { item, index } of items) {
    if (item.kind === "error") {
      errors.push({ row: item.line, column: "", value: item.raw, message: item.message });
      continue;
    }
    const parsed = parseImportRow(item.fields, item.line, context.columns, context.width, context.now);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    // 2 ms apart, in file order, so two rows for one unit apply in the order written (the implied
    // commissioning of a row takes the millisecond before it).
    const defaultTime = context.now - 2 * (context.total - index);
    const events = rowEvents(parsed.row, { organisationId: context.organisationId, companyPrefixes: context.companyPrefixes, defaultTime, uriMode: context.columns.uri !== undefined });
    if (!events.ok) errors.push(...events.errors);
    else accepted.push({ line: item.line, gtin: parsed.row.gtin, eventId: events.eventId, events: events.events });
  }

  const foreign = await gtinsOfOtherOrganisations(db, context.organisationId, [...new Set(accepted.map((a) => a.gtin))]);
  const owned = accepted.filter((a) => {
    if (!foreign.has(a.gtin)) return true;
    errors.push({ row: a.line, column: context.columns.uri !== undefined ? "uri" : "gtin", value: a.gtin, message: `GTIN ${a.gtin} is registered to another organisation.` });
    return false;
  });

  const existing = await existingEventIds(db, context.organisationId, owned.map((a) => a.eventId));
  const seen = new Set<string>();
  const events: NormalisedEvent[] = [];
  let duplicates = 0;
  for (const row of owned) {
    if (existing.has(row.eventId) || seen.has(row.eventId)) {
      // A row's events were written together, in one chunk's transaction: if its own event is
      // stored, so is the commissioning that came with it — nothing to send again.
      duplicates++;
      continue;
    }
    for (const event of row.events) {
      if (seen.has(event.eventIdentity)) continue;
      seen.add(event.eventIdentity);
      events.push(event);
    }
  }
  const result = events.length
    ? await captureEvents(db, { organisationId: context.organisationId, party: context.organisationId, captureJobId: context.jobId }, events)
    : { statusChanges: 0 };
  errors.sort((a, b) => a.row - b.row);
  return { errors, imported: owned.length - duplicates, duplicates, statusChanges: result.statusChanges };
}

