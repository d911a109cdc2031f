// The event shape the capture shell stores: vocabulary normalised, times parsed, identifiers and ILMD read.
import { normaliseVocabulary } from "./cbv-vocabulary";
import { eventIdentity } from "./event-hash";
import { parseDateTime } from "./formats";
import { extractObjectIdentifiers, parseObjectIdentifier, type IdentifierParser, type ObjectIdentifier } from "./identifiers";
import { readIlmd, type IlmdData } from "./ilmd";
import { isRecord, type EpcisEvent, type EventAction, type EventType } from "./types";

export interface SourceOrDestination {
  /** Bare CBV term ("owning_party", "possessing_party", "location") or an extension URI. */
  readonly type: string;
  readonly id: string;
}

export interface NormalisedEvent {
  readonly type: EventType;
  /** Absent on TransformationEvent, which has no action. */
  readonly action?: EventAction;
  /** Bare CBV term when CBV ("shipping"), else the extension URI as given. */
  readonly bizStep?: string;
  readonly disposition?: string;
  readonly eventTime: Date;
  readonly eventTimeZoneOffset: string;
  readonly recordTime?: Date;
  readonly readPoint?: string;
  readonly bizLocation?: string;
  readonly sourceList: readonly SourceOrDestination[];
  readonly destinationList: readonly SourceOrDestination[];
  readonly identifiers: readonly ObjectIdentifier[];
  readonly ilmd: IlmdData;
  readonly errorDeclaration?: { readonly declarationTime: Date; readonly reason?: string; readonly correctiveEventIDs?: readonly string[] };
  /**
   * eventID, else the canonical content hash. An error declaration carries the identity of the event it
   * retracts, so de-duplicate on (eventIdentity, errorDeclaration present), not on eventIdentity alone.
   */
  readonly eventIdentity: string;
  readonly raw: EpcisEvent;
}

function id(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === "string" ? value.id : undefined;
}

function parties(list: unknown, field: "source" | "destination"): SourceOrDestination[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    if (!isRecord(entry) || typeof entry[field] !== "string") return [];
    return [{ type: normaliseVocabulary("sdt", entry.type) ?? String(entry.type), id: entry[field] }];
  });
}

function date(value: unknown): Date | undefined {
  const millis = parseDateTime(value);
  return millis === null ? undefined : new Date(millis);
}

function errorDeclarationOf(value: unknown): NormalisedEvent["errorDeclaration"] {
  if (!isRecord(value)) return undefined;
  const declarationTime = date(value.declarationTime);
  if (!declarationTime) return undefined;
  const reason = normaliseVocabulary("er", value.reason);
  const ids = Array.isArray(value.correctiveEventIDs) ? value.correctiveEventIDs.filter((x): x is string => typeof x === "string") : undefined;
  return { declarationTime, ...(reason === null ? {} : { reason }), ...(ids ? { correctiveEventIDs: ids } : {}) };
}

/**
 * Normalise an event that passed validation. `contexts` are the document's @context values, used to read
 * ILMD written with a custom prefix for the CBV master-data namespace. `parse` lets a document share one
 * identifier cache between validation and normalisation.
 */
export function normaliseEvent(event: EpcisEvent, contexts: readonly unknown[] = [], parse: IdentifierParser = parseObjectIdentifier): NormalisedEvent {
  const action = event.action === "ADD" || event.action === "OBSERVE" || event.action === "DELETE" ? event.action : undefined;
  const bizStep = normaliseVocabulary("bizstep", event.bizStep);
  const disposition = normaliseVocabulary("disp", event.disposition);
  const recordTime = date(event.recordTime);
  const readPoint = id(event.readPoint);
  const bizLocation = id(event.bizLocation);
  const errorDeclaration = errorDeclarationOf(event.errorDeclaration);
  // Built field by field in the order of the type: optional fields are absent, not undefined, and
  // conditional spreads ({ ...(x ? { x } : {}) }) cost a temporary object each, per event.
  const normalised = { type: event.type } as { -readonly [K in keyof NormalisedEvent]: NormalisedEvent[K] };
  if (action) normalised.action = action;
  if (bizStep !== null) normalised.bizStep = bizStep;
  if (disposition !== null) normalised.disposition = disposition;
  normalised.eventTime = date(event.eventTime) ?? new Date(Number.NaN);
  normalised.eventTimeZoneOffset = typeof event.eventTimeZoneOffset === "string" ? event.eventTimeZoneOffset : "";
  if (recordTime) normalised.recordTime = recordTime;
  if (readPoint) normalised.readPoint = readPoint;
  if (bizLocation) normalised.bizLocation = bizLocation;
  normalised.sourceList = parties(event.sourceList, "source");
  normalised.destinationList = parties(event.destinationList, "destination");
  normalised.identifiers = extractObjectIdentifiers(event, parse);
  normalised.ilmd = readIlmd(event, contexts);
  if (errorDeclaration) normalised.errorDeclaration = errorDeclaration;
  normalised.eventIdentity = eventIdentity(event);
  normalised.raw = event;
  return normalised;
}
