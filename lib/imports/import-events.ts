// An import row as EPCIS 2.0 events, validated and normalised by lib/epcis exactly like captured ones,
// with eventIDs derived from the row's content so that importing the same file again is a no-op.
import { createHash } from "node:crypto";
import { validateEpcisEvent, type EpcisError, type NormalisedEvent } from "@/lib/epcis";
import { generateDigitalLink } from "@/lib/gs1";
import type { ImportRow, RowError } from "./parse-import-row";

const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
// Bumped only if the hashed fields change meaning: old imports would then no longer be recognised.
const ID_NAMESPACE = "genuine-csv-import-1";

/**
 * A name-based UUID (RFC 9562 version 8: SHA-256 of the name, the version and variant bits set), so the
 * same organisation and content always give the same eventID.
 */
export function importEventId(organisationId: string, content: readonly string[]): string {
  const bytes = createHash("sha256").update(JSON.stringify([ID_NAMESPACE, organisationId, ...content])).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface RowEventOptions {
  organisationId: string;
  /** The brand's GS1 Company Prefixes: a row for anyone else's unit is refused. */
  companyPrefixes: readonly string[];
  /** The event time of a row without event_time (the import spaces rows apart to keep file order). */
  defaultTime: number;
  /** Faults in the unit's identity belong to the uri column when the file has one. */
  uriMode: boolean;
}

export type RowEvents = { ok: true; eventId: string; events: NormalisedEvent[] } | { ok: false; errors: RowError[] };

const columnOfPointer = (pointer: string, uriMode: boolean): RowError["column"] => {
  const field = pointer.split("/")[1] ?? "";
  if (field === "epcList") return uriMode ? "uri" : "gtin";
  if (field === "eventTime" || field === "eventTimeZoneOffset") return "event_time";
  if (field === "readPoint" || field === "bizLocation") return "location";
  if (field === "destinationList") return "market";
  if (field === "ilmd") return uriMode ? "uri" : "lot";
  return "";
};

function validated(json: Record<string, unknown>, row: ImportRow, uriMode: boolean): { event: NormalisedEvent } | { errors: RowError[] } {
  const result = validateEpcisEvent(json);
  if (result.ok) return { event: result.event };
  return {
    errors: result.errors.map((e: EpcisError) => ({ row: row.line, column: columnOfPointer(e.pointer, uriMode), value: "", message: `${e.pointer || "event"}: ${e.message}` })),
  };
}

/**
 * The row's status event, preceded — when the row states a lot or expiry but is not itself a
 * commissioning — by the unit's commissioning carrying them as ILMD: lifecycle rules take lot and
 * expiry only from a commissioning. That commissioning is named by unit, lot and expiry alone, so it
 * is recorded once however many rows repeat them.
 */
export function rowEvents(row: ImportRow, options: RowEventOptions): RowEvents {
  const epc = generateDigitalLink([{ ai: "01", value: row.gtin }, { ai: "21", value: row.serial }]);
  const identity = options.uriMode ? "uri" : "gtin";
  if (!epc.ok) return { ok: false, errors: [{ row: row.line, column: identity, value: `${row.gtin} ${row.serial}`, message: epc.error.message }] };

  const { status } = row;
  const time = row.eventTime ?? { millis: options.defaultTime, offset: "+00:00" };
  const ilmd = { ...(row.lot ? { "cbvmda:lotNumber": row.lot } : {}), ...(row.expiry ? { "cbvmda:itemExpirationDate": row.expiry } : {}) };
  const hasIlmd = Object.keys(ilmd).length > 0;
  const commissioning = status.action === "ADD";
  const base = (eventID: string, millis: number) => ({
    "@context": [EPCIS_CONTEXT],
    type: "ObjectEvent",
    eventID,
    eventTime: new Date(millis).toISOString(),
    eventTimeZoneOffset: time.offset,
    epcList: [epc.value],
  });

  // The content that names the row: what was written, not the defaulted time, so a re-import matches.
  const eventId = importEventId(options.organisationId, [
    "row", row.gtin, row.serial, row.lot ?? "", row.expiry ?? "", status.action, status.bizStep ?? "", status.disposition,
    row.eventTime ? `${row.eventTime.millis}${row.eventTime.offset}` : "", row.market ?? "", row.location ?? "",
  ]);
  const main = {
    ...base(eventId, time.millis),
    action: status.action,
    ...(status.bizStep ? { bizStep: status.bizStep } : {}),
    disposition: status.disposition,
    ...(row.location ? { readPoint: { id: row.location }, bizLocation: { id: row.location } } : {}),
    ...(row.market ? { destinationList: [{ type: "location", destination: `urn:iso:std:iso:3166:-1:${row.market}` }] } : {}),
    ...(commissioning && hasIlmd ? { ilmd } : {}),
  };
  const jsons: Record<string, unknown>[] = [main];
  if (!commissioning && hasIlmd) {
    const commissioningId = importEventId(options.organisationId, ["commissioning", row.gtin, row.serial, row.lot ?? "", row.expiry ?? ""]);
    jsons.unshift({ ...base(commissioningId, time.millis - 1), action: "ADD", bizStep: "commissioning", disposition: "active", ilmd });
  }

  const events: NormalisedEvent[] = [];
  for (const json of jsons) {
    const result = validated(json, row, options.uriMode);
    if ("errors" in result) return { ok: false, errors: result.errors };
    events.push(result.event);
  }
  const foreign = events[0]!.identifiers.filter((id) => !id.companyPrefixMatch(options.companyPrefixes));
  if (foreign.length) {
    const message = options.companyPrefixes.length
      ? `GTIN ${row.gtin} is outside your GS1 Company Prefixes (${options.companyPrefixes.join(", ")}).`
      : "Your organisation has no GS1 Company Prefixes yet: an owner sets them in the console settings.";
    return { ok: false, errors: [{ row: row.line, column: identity, value: row.gtin, message }] };
  }
  return { ok: true, eventId, events };
}
