// Entry points: validate an EPCISDocument / EPCISQueryDocument or a single event (structure, then
// semantics) and hand back normalised events, or every fault with its event index and JSON pointer.
import { CheckContext } from "./check-context";
import { SCHEMA_VERSION } from "./formats";
import { cachedIdentifierParser } from "./identifiers";
import { normaliseEvent, type NormalisedEvent } from "./normalise-event";
import { checkEventSemantics } from "./semantic-checks";
import { checkEventStructure } from "./structure-event";
import {
  arrayOf, checkContext, checkObject, checkString, checkTime, checkUri, objectCheck, type Check,
} from "./structure-parts";
import { isRecord, pointerJoin, type EpcisError, type EpcisEvent, type JsonRecord, type ParsedDocument } from "./types";

export interface ValidationOptions {
  /** Run the semantic checks (identifiers through lib/gs1). Default true. */
  readonly semantic?: boolean;
  /** Refuse documents with more events than this (the caller answers 413). Default: no limit. */
  readonly maxEvents?: number;
  /** Stop collecting after this many errors. Default 100. */
  readonly maxErrors?: number;
}

export type DocumentValidation = { readonly ok: true; readonly document: ParsedDocument } | { readonly ok: false; readonly errors: readonly EpcisError[] };
export type EventValidation = { readonly ok: true; readonly event: NormalisedEvent } | { readonly ok: false; readonly errors: readonly EpcisError[] };

const checkVersion: Check = (v, p, c) => (typeof v === "string" && SCHEMA_VERSION.test(v) ? undefined : c.report(p, "must be a version such as \"2.0\""));

const vocabulary = objectCheck({
  fields: {
    type: checkUri,
    vocabularyElementList: arrayOf(objectCheck({
      fields: {
        id: checkUri,
        attributes: arrayOf(objectCheck({
          fields: {
            id: checkUri,
            attribute: (v, p, c) => (typeof v === "number" || typeof v === "string" || isRecord(v) ? undefined : c.report(p, "must be a number, string or object")),
          },
          required: ["id"],
          closed: false,
        })),
        children: arrayOf(checkUri),
      },
      required: ["id"],
      closed: false,
    })),
  },
  required: ["type"],
  closed: false,
});
const vocabularyList = arrayOf(vocabulary);

const epcisHeader = objectCheck({
  fields: { epcisMasterData: objectCheck({ fields: { vocabularyList }, closed: false }) },
  closed: "uri",
});

// The event list is checked by the caller, event by event; here it only has to be an array.
const eventListShape: Check = (v, p, c) => (Array.isArray(v) ? undefined : c.report(p, "must be an array of events"));

const DOCUMENT_FIELDS: Readonly<Record<string, Check>> = {
  "@context": checkContext, id: checkUri, type: () => undefined, schemaVersion: checkVersion, creationDate: checkTime,
  instanceIdentifier: checkString, sender: checkString, receiver: checkString, epcisHeader,
  epcisBody: objectCheck({ fields: { eventList: eventListShape }, required: ["eventList"], closed: false }),
};

const QUERY_DOCUMENT_FIELDS: Readonly<Record<string, Check>> = {
  "@context": checkContext, id: checkUri, type: () => undefined, schemaVersion: checkVersion, creationDate: checkTime,
  epcisBody: objectCheck({
    fields: {
      queryResults: objectCheck({
        fields: {
          queryName: checkString, subscriptionID: checkString,
          resultsBody: objectCheck({ fields: { eventList: eventListShape, vocabularyList }, required: ["eventList"], closed: "uri" }),
        },
        required: ["queryName", "resultsBody"],
        closed: "uri",
      }),
    },
    required: ["queryResults"],
    closed: "uri",
  }),
};

function eventListOf(document: JsonRecord, query: boolean): { list: unknown; pointer: string } {
  const body = isRecord(document.epcisBody) ? document.epcisBody : {};
  if (!query) return { list: body.eventList, pointer: "/epcisBody/eventList" };
  const results = isRecord(body.queryResults) && isRecord(body.queryResults.resultsBody) ? body.queryResults.resultsBody : {};
  return { list: results.eventList, pointer: "/epcisBody/queryResults/resultsBody/eventList" };
}

/** Validate an EPCIS 2.0 JSON(-LD) document. Never throws on bad input. */
export function validateEpcisDocument(json: unknown, options: ValidationOptions = {}): DocumentValidation {
  const ctx = new CheckContext(options.maxErrors);
  if (!isRecord(json)) return { ok: false, errors: [{ pointer: "", message: "an EPCIS document must be a JSON object" }] };
  const query = json.type === "EPCISQueryDocument";
  if (json.type !== "EPCISDocument" && !query) {
    return { ok: false, errors: [{ pointer: "/type", message: "type must be EPCISDocument or EPCISQueryDocument" }] };
  }
  checkObject(json, "", ctx, {
    fields: query ? QUERY_DOCUMENT_FIELDS : DOCUMENT_FIELDS,
    required: query ? ["@context", "type", "epcisBody"] : ["@context", "type", "schemaVersion", "creationDate", "epcisBody"],
    closed: "uri",
  });
  const { list, pointer } = eventListOf(json, query);
  const events: EpcisEvent[] = [];
  const parse = cachedIdentifierParser();
  if (Array.isArray(list)) {
    if (options.maxEvents !== undefined && list.length > options.maxEvents) {
      return { ok: false, errors: [{ pointer, message: `the document has ${list.length} events; the limit is ${options.maxEvents}` }] };
    }
    for (let i = 0; i < list.length && !ctx.full; i++) {
      ctx.eventIndex = i;
      const at = pointerJoin(pointer, i);
      const event: unknown = list[i];
      if (!checkEventStructure(event, at, ctx, false)) continue;
      if (options.semantic !== false) checkEventSemantics(event, at, ctx, parse);
      events.push(event);
    }
  }
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  const contexts = [json["@context"]];
  return {
    ok: true,
    document: {
      type: query ? "EPCISQueryDocument" : "EPCISDocument",
      ...(typeof json.schemaVersion === "string" ? { schemaVersion: json.schemaVersion } : {}),
      ...(typeof json.creationDate === "string" ? { creationDate: json.creationDate } : {}),
      eventListPointer: pointer,
      events: events.map((event) => normaliseEvent(event, contexts, parse)),
      raw: json,
    },
  };
}

/** Validate one stand-alone event (POST /events): it must carry its own @context, as the schema says. */
export function validateEpcisEvent(json: unknown, options: ValidationOptions = {}): EventValidation {
  const ctx = new CheckContext(options.maxErrors);
  if (!checkEventStructure(json, "", ctx, true)) return { ok: false, errors: ctx.errors };
  if (options.semantic !== false) checkEventSemantics(json, "", ctx);
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors };
  return { ok: true, event: normaliseEvent(json) };
}
