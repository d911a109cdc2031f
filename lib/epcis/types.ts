// Shared shapes of the EPCIS module: errors as values, raw JSON records, the validated document.
import type { NormalisedEvent } from "./normalise-event";

/** One fault in the caller's input; `pointer` is an RFC 6901 JSON pointer into that input. */
export interface EpcisError {
  readonly eventIndex?: number;
  readonly pointer: string;
  readonly message: string;
}

export type EpcisResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly EpcisError[] };

export const EVENT_TYPES = ["ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export type EventAction = "ADD" | "OBSERVE" | "DELETE";

/** A JSON object as received; validated events keep their original JSON. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** An event that passed structural validation (its `type` is one of the five EPCIS 2.0 types). */
export type EpcisEvent = JsonRecord & { readonly type: EventType };

export interface ParsedDocument {
  readonly type: "EPCISDocument" | "EPCISQueryDocument";
  readonly schemaVersion?: string;
  readonly creationDate?: string;
  /** JSON pointer of the event list, e.g. "/epcisBody/eventList". */
  readonly eventListPointer: string;
  readonly events: readonly NormalisedEvent[];
  readonly raw: JsonRecord;
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** RFC 6901: "~" becomes "~0" and "/" becomes "~1" inside a reference token. */
export function pointerJoin(base: string, token: string | number): string {
  // Called for every field of every event: skip the escaping when there is nothing to escape.
  if (typeof token === "number" || (!token.includes("~") && !token.includes("/"))) return `${base}/${token}`;
  return `${base}/${token.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
