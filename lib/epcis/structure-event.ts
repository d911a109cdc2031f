// Structural validation of one EPCIS 2.0 event: fields allowed and required per event type, and the
// "one of these lists must be present" rules of the official schema, each fault with its JSON pointer.
import type { CheckContext } from "./check-context";
import { isUri } from "./formats";
import { checkSensorElementList } from "./sensor-structure";
import {
  checkBizTransactionList, checkCertificationInfo, checkContext, checkDestinationList, checkErrorDeclaration,
  checkIlmd, checkLocation, checkObject, checkPersistentDisposition, checkQuantityList, checkSourceList,
  checkNonEmptyBizTransactionList, checkTime, checkTimeZoneOffset, checkUri, uriListCheck, vocabularyCheck, type Check,
} from "./structure-parts";
import { EVENT_TYPES, isRecord, pointerJoin, type EventType, type JsonRecord } from "./types";

const checkAction: Check = (value, pointer, ctx) => {
  if (value !== "ADD" && value !== "OBSERVE" && value !== "DELETE") ctx.report(pointer, "must be ADD, OBSERVE or DELETE");
};

const COMMON: Readonly<Record<string, Check>> = {
  "@context": checkContext, type: () => undefined, eventTime: checkTime, recordTime: checkTime,
  eventTimeZoneOffset: checkTimeZoneOffset, eventID: checkUri, certificationInfo: checkCertificationInfo,
  errorDeclaration: checkErrorDeclaration,
};

const FIELDS: Readonly<Record<string, Check>> = {
  action: checkAction, bizStep: vocabularyCheck("bizstep"), disposition: vocabularyCheck("disp"),
  persistentDisposition: checkPersistentDisposition, readPoint: checkLocation, bizLocation: checkLocation,
  bizTransactionList: checkBizTransactionList, sourceList: checkSourceList, destinationList: checkDestinationList,
  sensorElementList: checkSensorElementList, ilmd: checkIlmd, parentID: checkUri, transformationID: checkUri,
  epcList: uriListCheck(true), childEPCs: uriListCheck(false), inputEPCList: uriListCheck(true), outputEPCList: uriListCheck(true),
  quantityList: checkQuantityList, childQuantityList: checkQuantityList, inputQuantityList: checkQuantityList,
  outputQuantityList: checkQuantityList,
};

const WHERE = "bizStep disposition readPoint bizLocation bizTransactionList sourceList destinationList sensorElementList";
const ALLOWED: Readonly<Record<EventType, readonly string[]>> = {
  ObjectEvent: `action epcList quantityList persistentDisposition ilmd ${WHERE}`.split(" "),
  AggregationEvent: `parentID childEPCs childQuantityList action ${WHERE}`.split(" "),
  AssociationEvent: `parentID childEPCs childQuantityList action ${WHERE}`.split(" "),
  TransactionEvent: `parentID epcList quantityList action ${WHERE}`.split(" "),
  TransformationEvent: `inputEPCList inputQuantityList outputEPCList outputQuantityList transformationID persistentDisposition ilmd ${WHERE}`.split(" "),
};

const REQUIRED: Readonly<Record<EventType, readonly string[]>> = {
  ObjectEvent: ["action"],
  AggregationEvent: ["action"],
  AssociationEvent: ["action", "parentID"],
  TransactionEvent: ["action", "bizTransactionList"],
  TransformationEvent: [],
};

function shapeFor(type: EventType): Readonly<Record<string, Check>> {
  const fields: Record<string, Check> = { ...COMMON };
  for (const name of ALLOWED[type]) {
    const check = FIELDS[name];
    if (check) fields[name] = check;
  }
  // The schema requires a unique epcList on ObjectEvent only, and a non-empty bizTransactionList on TransactionEvent.
  if (type === "TransactionEvent") {
    fields.epcList = uriListCheck(false);
    fields.bizTransactionList = checkNonEmptyBizTransactionList;
  }
  return fields;
}
const SHAPES = Object.fromEntries(EVENT_TYPES.map((t) => [t, shapeFor(t)])) as Readonly<Record<EventType, Readonly<Record<string, Check>>>>;

const nonEmpty = (event: JsonRecord, name: string): boolean => Array.isArray(event[name]) && (event[name] as unknown[]).length > 0;

/** The schema's anyOf rules: what an event must carry besides its required fields. */
function checkContent(type: EventType, event: JsonRecord, pointer: string, ctx: CheckContext): void {
  const isDelete = event.action === "DELETE";
  const at = (name: string) => pointerJoin(pointer, name);
  if (type === "ObjectEvent") {
    const sensorOnly = nonEmpty(event, "sensorElementList") && "readPoint" in event;
    if (!("epcList" in event) && !nonEmpty(event, "quantityList") && !sensorOnly) {
      ctx.report(at("epcList"), "ObjectEvent needs epcList, a non-empty quantityList, or sensorElementList with readPoint");
    }
    if ("ilmd" in event && event.action !== "ADD") ctx.report(at("ilmd"), "ilmd is only allowed when action is ADD");
  } else if (type === "AggregationEvent" || type === "AssociationEvent") {
    if (!isDelete && !nonEmpty(event, "childEPCs") && !nonEmpty(event, "childQuantityList")) {
      ctx.report(at("childEPCs"), `${type} with action ${String(event.action)} needs a non-empty childEPCs or childQuantityList`);
    }
  } else if (type === "TransactionEvent") {
    if (!isDelete && !("epcList" in event) && !nonEmpty(event, "quantityList")) {
      ctx.report(at("epcList"), "TransactionEvent needs epcList or a non-empty quantityList unless action is DELETE");
    }
  } else {
    const hasInput = nonEmpty(event, "inputEPCList") || nonEmpty(event, "inputQuantityList");
    const hasOutput = nonEmpty(event, "outputEPCList") || nonEmpty(event, "outputQuantityList");
    if (!hasInput && !hasOutput) ctx.report(at("inputEPCList"), "TransformationEvent needs inputs or outputs");
    else if (!(hasInput && hasOutput) && !("transformationID" in event)) {
      ctx.report(at("transformationID"), "TransformationEvent with only inputs or only outputs needs a transformationID");
    }
  }
}

/**
 * Check one event's structure. `requireContext` is set for a stand-alone event (the schema requires
 * @context there, not inside a document's eventList). Extension event types (any URI) are refused:
 * genuine cannot interpret them, although the schema would let them through.
 */
export function checkEventStructure(event: unknown, pointer: string, ctx: CheckContext, requireContext: boolean): event is JsonRecord & { type: EventType } {
  const before = ctx.errors.length;
  if (!isRecord(event)) {
    ctx.report(pointer, "an event must be an object");
    return false;
  }
  const type = event.type;
  if (typeof type !== "string" || !(EVENT_TYPES as readonly string[]).includes(type)) {
    const detail = typeof type === "string" && isUri(type) ? " (extension event types are not accepted)" : "";
    ctx.report(pointerJoin(pointer, "type"), `type must be one of ${EVENT_TYPES.join(", ")}${detail}`);
    return false;
  }
  const eventType = type as EventType;
  const required = ["eventTime", "eventTimeZoneOffset", ...REQUIRED[eventType], ...(requireContext ? ["@context"] : [])];
  checkObject(event, pointer, ctx, { fields: SHAPES[eventType], required, closed: "uri" });
  checkContent(eventType, event, pointer, ctx);
  return ctx.errors.length === before;
}
