// Structural checks of the parts an EPCIS 2.0 event is made of (quantities, transactions, sources,
// sensor data, error declarations, ...), mirroring the official JSON schema's definitions.
import { readVocabulary, type CbvVocabulary } from "./cbv-vocabulary";
import type { CheckContext } from "./check-context";
import { isUri, parseDateTime, TIME_ZONE_OFFSET, UOM } from "./formats";
import { isRecord, pointerJoin, type JsonRecord } from "./types";

export type Check = (value: unknown, pointer: string, ctx: CheckContext) => void;

export const checkTime: Check = (value, pointer, ctx) => {
  if (parseDateTime(value) === null) ctx.report(pointer, "must be an RFC 3339 date-time with a time-zone offset");
};

export const checkUri: Check = (value, pointer, ctx) => {
  if (!isUri(value)) ctx.report(pointer, "must be an absolute URI");
};

export const checkString: Check = (value, pointer, ctx) => {
  if (typeof value !== "string") ctx.report(pointer, "must be a string");
};

const checkNumber: Check = (value, pointer, ctx) => {
  if (typeof value !== "number") ctx.report(pointer, "must be a number");
};

export const checkTimeZoneOffset: Check = (value, pointer, ctx) => {
  if (typeof value !== "string" || !TIME_ZONE_OFFSET.test(value)) ctx.report(pointer, "must be a time-zone offset ±hh:mm within ±14:00");
};

export function vocabularyCheck(vocabulary: CbvVocabulary): Check {
  return (value, pointer, ctx) => {
    const read = readVocabulary(vocabulary, value);
    if (!read.ok) ctx.report(pointer, read.message);
  };
}

/** An array of URIs; `unique` where the schema says uniqueItems. */
export function uriListCheck(unique: boolean): Check {
  return (value, pointer, ctx) => {
    if (!Array.isArray(value)) return ctx.report(pointer, "must be an array");
    value.forEach((item, i) => checkUri(item, pointerJoin(pointer, i), ctx));
    if (unique && new Set(value).size !== value.length) ctx.report(pointer, "must not contain duplicates");
  };
}

export function arrayOf(item: Check, minItems = 0): Check {
  return (value, pointer, ctx) => {
    if (!Array.isArray(value)) return ctx.report(pointer, "must be an array");
    if (value.length < minItems) ctx.report(pointer, `must have at least ${minItems} item(s)`);
    value.forEach((element, i) => item(element, pointerJoin(pointer, i), ctx));
  };
}

interface ObjectShape {
  readonly fields: Readonly<Record<string, Check>>;
  readonly required?: readonly string[];
  /** true: only the listed fields; "uri": the listed fields plus extension fields named by URIs/CURIEs. */
  readonly closed: boolean | "uri";
}

export function objectCheck(shape: ObjectShape): Check {
  return (value, pointer, ctx) => {
    if (!isRecord(value)) return ctx.report(pointer, "must be an object");
    checkObject(value, pointer, ctx, shape);
  };
}

export function checkObject(value: JsonRecord, pointer: string, ctx: CheckContext, shape: ObjectShape): void {
  for (const name of shape.required ?? []) {
    if (!(name in value)) ctx.report(pointerJoin(pointer, name), `${name} is required`);
  }
  for (const name of Object.keys(value)) {
    const check = shape.fields[name];
    if (check) check(value[name], pointerJoin(pointer, name), ctx);
    else if (shape.closed === true || (shape.closed === "uri" && !isUri(name))) {
      ctx.report(pointerJoin(pointer, name), `unexpected field "${name}" (extension fields need a namespace prefix or URI)`);
    }
  }
}

export function uniqueCheck(inner: Check): Check {
  return (value, pointer, ctx) => {
    inner(value, pointer, ctx);
    if (Array.isArray(value) && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
      ctx.report(pointer, "must not contain duplicates");
    }
  };
}

const quantityElement = objectCheck({
  fields: { epcClass: checkUri, quantity: checkNumber, uom: (v, p, c) => (typeof v === "string" && UOM.test(v) ? undefined : c.report(p, "must be a UN/CEFACT unit code (2-3 capitals or digits)")) },
  required: ["epcClass"],
  closed: true,
});
export const checkQuantityList = arrayOf(quantityElement);

const bizTransaction = objectCheck({ fields: { type: vocabularyCheck("btt"), bizTransaction: checkUri }, required: ["bizTransaction"], closed: true });
export const checkBizTransactionList = arrayOf(bizTransaction);
/** TransactionEvent: at least one business transaction. */
export const checkNonEmptyBizTransactionList = arrayOf(bizTransaction, 1);

export const checkSourceList = arrayOf(objectCheck({ fields: { type: vocabularyCheck("sdt"), source: checkUri }, required: ["type", "source"], closed: true }));
export const checkDestinationList = arrayOf(
  objectCheck({ fields: { type: vocabularyCheck("sdt"), destination: checkUri }, required: ["type", "destination"], closed: true }),
);

/** readPoint and bizLocation: an object with an id URI (extension fields allowed). */
export const checkLocation = objectCheck({ fields: { id: checkUri }, required: ["id"], closed: false });

const dispositionList = uniqueCheck(arrayOf(vocabularyCheck("disp"), 1));
export const checkPersistentDisposition: Check = (value, pointer, ctx) => {
  if (!isRecord(value)) return ctx.report(pointer, "must be an object");
  checkObject(value, pointer, ctx, { fields: { set: dispositionList, unset: dispositionList }, closed: true });
  if (!("set" in value) && !("unset" in value)) ctx.report(pointerJoin(pointer, "set"), "persistentDisposition needs set or unset");
};

export const checkErrorDeclaration = objectCheck({
  fields: { declarationTime: checkTime, reason: vocabularyCheck("er"), correctiveEventIDs: arrayOf(checkUri) },
  required: ["declarationTime"],
  closed: "uri",
});

export const checkCertificationInfo: Check = (value, pointer, ctx) => {
  if (Array.isArray(value)) value.forEach((v, i) => checkUri(v, pointerJoin(pointer, i), ctx));
  else checkUri(value, pointer, ctx);
};

export const checkContext: Check = (value, pointer, ctx) => {
  const entry = (v: unknown, p: string): void => (isRecord(v) ? undefined : checkUri(v, p, ctx));
  if (Array.isArray(value)) {
    value.forEach((v, i) => entry(v, pointerJoin(pointer, i)));
    if (new Set(value.map((v) => JSON.stringify(v))).size !== value.length) ctx.report(pointer, "must not contain duplicates");
  } else entry(value, pointer);
};

export const checkIlmd: Check = (value, pointer, ctx) => {
  if (!isRecord(value)) return ctx.report(pointer, "must be an object");
  for (const name of Object.keys(value)) {
    if (!isUri(name)) ctx.report(pointerJoin(pointer, name), `ILMD field "${name}" needs a namespace prefix or URI`);
  }
};
