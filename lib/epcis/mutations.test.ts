// Mutated copies of official examples that both the official schema (ajv, test only) and our validator must
// reject, our validator naming the place of the fault with a JSON pointer.
import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { EXAMPLES_DIR, officialErrorPointers, officialSchemaErrors } from "./testing/official-schema";
import { validateEpcisDocument } from "./validate-document";

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- mutations poke at arbitrary JSON

const BASES = {
  object: "Example_9.6.1-ObjectEvent.jsonld",
  aggregation: "Example_9.6.3-AggregationEvent.jsonld",
  transformation: "Example_9.6.4-TransformationEvent.jsonld",
  transaction: "WithFullCombinationOfFields/transaction_event_all_possible_fields.jsonld",
  association: "AssociationEvent/AssociationEvent-a.jsonld",
  sensor: "WithSensorData/SensorDataExample1.jsonld",
  full: "WithFullCombinationOfFields/object_event_all_possible_fields.jsonld",
} as const;

const E = "/epcisBody/eventList/0";

// [what is wrong, base example, mutation, pointer our validator must report]
const MUTATIONS: readonly (readonly [string, keyof typeof BASES, (d: Doc, e: Doc) => void, string])[] = [
  ["missing eventTime", "object", (_d, e) => delete e.eventTime, `${E}/eventTime`],
  ["missing eventTimeZoneOffset", "object", (_d, e) => delete e.eventTimeZoneOffset, `${E}/eventTimeZoneOffset`],
  ["offset +25:00", "object", (_d, e) => (e.eventTimeZoneOffset = "+25:00"), `${E}/eventTimeZoneOffset`],
  ["offset +14:30", "object", (_d, e) => (e.eventTimeZoneOffset = "+14:30"), `${E}/eventTimeZoneOffset`],
  ["offset without colon", "object", (_d, e) => (e.eventTimeZoneOffset = "+0100"), `${E}/eventTimeZoneOffset`],
  ["offset without sign", "object", (_d, e) => (e.eventTimeZoneOffset = "01:00"), `${E}/eventTimeZoneOffset`],
  ["eventTime not a date-time", "object", (_d, e) => (e.eventTime = "yesterday"), `${E}/eventTime`],
  ["eventTime 30 February", "object", (_d, e) => (e.eventTime = "2021-02-30T10:00:00Z"), `${E}/eventTime`],
  ["eventTime hour 24", "object", (_d, e) => (e.eventTime = "2021-02-10T24:00:00Z"), `${E}/eventTime`],
  ["eventTime without zone", "object", (_d, e) => (e.eventTime = "2021-02-10T10:00:00"), `${E}/eventTime`],
  ["recordTime a number", "object", (_d, e) => (e.recordTime = 1234), `${E}/recordTime`],
  ["wrong action", "object", (_d, e) => (e.action = "UPDATE"), `${E}/action`],
  ["lower-case action", "object", (_d, e) => (e.action = "add"), `${E}/action`],
  ["ObjectEvent without action", "object", (_d, e) => delete e.action, `${E}/action`],
  ["epcList not an array", "object", (_d, e) => (e.epcList = "urn:epc:id:sgtin:0614141.107346.2017"), `${E}/epcList`],
  ["epcList item not a URI", "object", (_d, e) => (e.epcList[1] = "not a uri"), `${E}/epcList/1`],
  ["epcList with duplicates", "object", (_d, e) => e.epcList.push(e.epcList[0]), `${E}/epcList`],
  ["ObjectEvent without epcList or quantityList", "object", (_d, e) => delete e.epcList, `${E}/epcList`],
  ["ilmd on OBSERVE", "object", (_d, e) => (e.ilmd = { "cbvmda:lotNumber": "L1" }), `${E}/ilmd`],
  ["unknown event type", "object", (_d, e) => (e.type = "FooEvent"), `${E}/type`],
  ["event without type", "object", (_d, e) => delete e.type, `${E}/type`],
  ["unknown bare bizStep", "object", (_d, e) => (e.bizStep = "teleporting"), `${E}/bizStep`],
  ["unknown bare disposition", "object", (_d, e) => (e.disposition = "lost_in_space"), `${E}/disposition`],
  ["CBV URN with unknown term", "object", (_d, e) => (e.bizStep = "urn:epcglobal:cbv:bizstep:teleporting"), `${E}/bizStep`],
  ["readPoint without id", "object", (_d, e) => (e.readPoint = {}), `${E}/readPoint/id`],
  ["readPoint id not a URI", "object", (_d, e) => (e.readPoint = { id: "dock 4" }), `${E}/readPoint/id`],
  ["bizTransaction missing its value", "object", (_d, e) => (e.bizTransactionList = [{ type: "po" }]), `${E}/bizTransactionList/0/bizTransaction`],
  ["bizTransaction unknown bare type", "object", (_d, e) => (e.bizTransactionList[0].type = "order"), `${E}/bizTransactionList/0/type`],
  ["bizTransaction extra field", "object", (_d, e) => (e.bizTransactionList[0].note = "x"), `${E}/bizTransactionList/0/note`],
  ["unprefixed extension field", "object", (_d, e) => (e.myField = "x"), `${E}/myField`],
  ["eventID not a URI", "object", (_d, e) => (e.eventID = "event 1"), `${E}/eventID`],
  ["certificationInfo a number", "object", (_d, e) => (e.certificationInfo = 5), `${E}/certificationInfo`],
  ["quantity a string", "aggregation", (_d, e) => (e.childQuantityList[0].quantity = "10"), `${E}/childQuantityList/0/quantity`],
  ["uom lower case", "aggregation", (_d, e) => (e.childQuantityList[1].uom = "kgm"), `${E}/childQuantityList/1/uom`],
  ["quantity element without epcClass", "aggregation", (_d, e) => delete e.childQuantityList[0].epcClass, `${E}/childQuantityList/0/epcClass`],
  ["quantity element extra field", "aggregation", (_d, e) => (e.childQuantityList[0].lot = "x"), `${E}/childQuantityList/0/lot`],
  ["parentID not a URI", "aggregation", (_d, e) => (e.parentID = "pallet 7"), `${E}/parentID`],
  ["AggregationEvent ADD without children", "aggregation", (_d, e) => { e.action = "ADD"; delete e.childEPCs; delete e.childQuantityList; }, `${E}/childEPCs`],
  ["AggregationEvent with epcList", "aggregation", (_d, e) => (e.epcList = []), `${E}/epcList`],
  ["TransactionEvent without bizTransactionList", "transaction", (_d, e) => delete e.bizTransactionList, `${E}/bizTransactionList`],
  ["TransactionEvent with empty bizTransactionList", "transaction", (_d, e) => (e.bizTransactionList = []), `${E}/bizTransactionList`],
  ["source without type", "transaction", (_d, e) => delete e.sourceList[0].type, `${E}/sourceList/0/type`],
  ["destination unknown bare type", "transaction", (_d, e) => (e.destinationList[0].type = "warehouse"), `${E}/destinationList/0/type`],
  ["errorDeclaration without declarationTime", "transaction", (_d, e) => delete e.errorDeclaration.declarationTime, `${E}/errorDeclaration/declarationTime`],
  ["errorDeclaration unknown bare reason", "transaction", (_d, e) => (e.errorDeclaration.reason = "oops"), `${E}/errorDeclaration/reason`],
  ["TransformationEvent with action", "transformation", (_d, e) => (e.action = "ADD"), `${E}/action`],
  ["TransformationEvent with inputs only and no transformationID", "transformation", (_d, e) => { delete e.outputEPCList; }, `${E}/transformationID`],
  ["TransformationEvent inputEPCList duplicates", "transformation", (_d, e) => e.inputEPCList.push(e.inputEPCList[0]), `${E}/inputEPCList`],
  ["AssociationEvent without parentID", "association", (_d, e) => delete e.parentID, `${E}/parentID`],
  ["sensorReport without type", "sensor", (_d, e) => delete e.sensorElementList[0].sensorReport[0].type, `${E}/sensorElementList/0/sensorReport/0/type`],
  ["sensorReport value a string", "sensor", (_d, e) => (e.sensorElementList[0].sensorReport[0].value = "26"), `${E}/sensorElementList/0/sensorReport/0/value`],
  ["sensorReport unknown measurement type", "sensor", (_d, e) => (e.sensorElementList[0].sensorReport[0].type = "Warmth"), `${E}/sensorElementList/0/sensorReport/0/type`],
  ["sensorMetadata time invalid", "sensor", (_d, e) => (e.sensorElementList[0].sensorMetadata.time = "2019-13-02T14:05:00Z"), `${E}/sensorElementList/0/sensorMetadata/time`],
  ["empty sensorReport", "sensor", (_d, e) => (e.sensorElementList[0].sensorReport = []), `${E}/sensorElementList/0/sensorReport`],
  ["persistentDisposition empty", "full", (_d, e) => (e.persistentDisposition = {}), `${E}/persistentDisposition/set`],
  ["persistentDisposition unknown disposition", "full", (_d, e) => (e.persistentDisposition = { set: ["misplaced"] }), `${E}/persistentDisposition/set/0`],
  ["ilmd with unprefixed key", "full", (_d, e) => (e.ilmd = { lotNumber: "L1" }), `${E}/ilmd/lotNumber`],
  ["document without @context", "object", (d) => delete d["@context"], "/@context"],
  ["document without schemaVersion", "object", (d) => delete d.schemaVersion, "/schemaVersion"],
  ["document schemaVersion not a version", "object", (d) => (d.schemaVersion = "two"), "/schemaVersion"],
  ["document without creationDate", "object", (d) => delete d.creationDate, "/creationDate"],
  ["document creationDate invalid", "object", (d) => (d.creationDate = "2005-07-11"), "/creationDate"],
  ["document without epcisBody", "object", (d) => delete d.epcisBody, "/epcisBody"],
  ["epcisBody without eventList", "object", (d) => (d.epcisBody = {}), "/epcisBody/eventList"],
  ["document unprefixed extra field", "object", (d) => (d.comment = "x"), "/comment"],
  ["document id not a URI", "object", (d) => (d.id = "document 1"), "/id"],
];

function load(base: keyof typeof BASES): Doc {
  return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, BASES[base]), "utf8")) as Doc;
}

describe("mutated documents are rejected by the official schema and by us", () => {
  it(`has at least 40 cases (${MUTATIONS.length})`, () => expect(MUTATIONS.length).toBeGreaterThanOrEqual(40));

  it.each(MUTATIONS)("%s", (_what, base, mutate, pointer) => {
    const doc = load(base);
    mutate(doc, doc.epcisBody?.eventList?.[0] ?? {});
    const official = officialSchemaErrors(doc);
    expect(official.length, "official schema should reject").toBeGreaterThan(0);
    const ours = validateEpcisDocument(doc);
    expect(ours.ok).toBe(false);
    const pointers = ours.ok ? [] : ours.errors.map((e) => e.pointer);
    expect(pointers).toContain(pointer);
    // The official schema points at the same place, or at the object holding it.
    const theirs = officialErrorPointers(official);
    const parent = pointer.slice(0, pointer.lastIndexOf("/"));
    expect(theirs.has(pointer) || theirs.has(parent), `ajv pointers: ${[...theirs].join(", ")}`).toBe(true);
    if (pointer.startsWith(E) && !ours.ok) expect(ours.errors.find((e) => e.pointer === pointer)?.eventIndex).toBe(0);
  });
});

// Where we deliberately differ from the official schema (see README): [what, mutation, schema accepts, we accept].
const DIFFERENCES: readonly (readonly [string, (d: Doc, e: Doc) => void, boolean, boolean])[] = [
  ["bizStep as CBV URN", (_d, e) => (e.bizStep = "urn:epcglobal:cbv:bizstep:shipping"), false, true],
  ["disposition as CBV web URI", (_d, e) => (e.disposition = "https://ref.gs1.org/cbv/Disp-in_transit"), true, true],
  ["extension event type", (_d, e) => (e.type = "example:MyEvent"), true, false],
  ["non-GS1 EPC scheme", (_d, e) => (e.epcList = ["urn:epc:id:gid:95100000.12345.400"]), true, false],
];

describe("intentional differences from the official schema", () => {
  it.each(DIFFERENCES)("%s", (_what, mutate, schemaAccepts, weAccept) => {
    const doc = load("object");
    mutate(doc, doc.epcisBody.eventList[0]);
    expect(officialSchemaErrors(doc).length === 0).toBe(schemaAccepts);
    expect(validateEpcisDocument(doc).ok).toBe(weAccept);
  });
});
