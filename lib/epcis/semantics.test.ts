// Semantic checks (CBV vocabulary spellings, identifiers through lib/gs1) and identifier extraction.
import { describe, expect, it } from "vitest";

import { normaliseVocabulary, type CbvVocabulary } from "./cbv-vocabulary";
import { extractObjectIdentifiers, identifiersOutsidePrefixes, parseObjectIdentifier } from "./identifiers";
import { validateEpcisDocument, validateEpcisEvent } from "./validate-document";

const CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
const event = (fields: Record<string, unknown>) => ({
  "@context": CONTEXT, type: "ObjectEvent", action: "OBSERVE", eventTime: "2024-03-01T10:00:00.000+01:00", eventTimeZoneOffset: "+01:00",
  epcList: ["urn:epc:id:sgtin:0614141.107346.2017"], ...fields,
});

// [vocabulary, input, normalised (null = refused)]
const VOCABULARY: readonly (readonly [CbvVocabulary, string, string | null])[] = [
  ["bizstep", "shipping", "shipping"],
  ["bizstep", "urn:epcglobal:cbv:bizstep:shipping", "shipping"],
  ["bizstep", "https://ref.gs1.org/cbv/BizStep-shipping", "shipping"],
  ["bizstep", "https://ref.gs1.org/cbv/Disp-shipping", null],
  ["bizstep", "urn:epcglobal:cbv:bizstep:teleporting", null],
  ["bizstep", "http://epcis.example.org/hc/bizstep/summarising_discharge", "http://epcis.example.org/hc/bizstep/summarising_discharge"],
  ["bizstep", "teleporting", null],
  ["disp", "in_transit", "in_transit"],
  ["disp", "urn:epcglobal:cbv:disp:recalled", "recalled"],
  ["disp", "https://ref.gs1.org/cbv/Disp-retail_sold", "retail_sold"],
  ["disp", "urn:epcglobal:cbv:bizstep:recalled", null],
  ["btt", "urn:epcglobal:cbv:btt:po", "po"],
  ["sdt", "https://ref.gs1.org/cbv/SDT-owning_party", "owning_party"],
  ["er", "did_not_occur", "did_not_occur"],
];

describe("CBV vocabulary", () => {
  it.each(VOCABULARY)("%s %s -> %s", (vocabulary, input, expected) => {
    expect(normaliseVocabulary(vocabulary, input)).toBe(expected);
  });
});

// [identifier, valid, key AI, key value, serial, lot]
const IDENTIFIERS: readonly (readonly [string, boolean, string?, string?, string?, string?])[] = [
  ["urn:epc:id:sgtin:0614141.107346.2017", true, "01", "10614141073464", "2017"],
  ["urn:epc:class:lgtin:4012345.012345.998877", true, "01", "04012345123456", undefined, "998877"],
  ["urn:epc:idpat:sgtin:4012345.098765.*", true, "01", "04012345987652"],
  ["urn:epc:id:sscc:0614141.1234567890", true, "00", "106141412345678908"],
  ["urn:epc:id:sgln:0614141.07346.1234", true, "414", "0614141073467"],
  ["urn:epc:id:grai:4012345.55555.987", true, "8003", "04012345555554987"],
  ["https://id.gs1.org/01/70614141123451/21/2017", true, "01", "70614141123451", "2017"],
  ["https://brand.example/01/04012345123456/10/998877", true, "01", "04012345123456", undefined, "998877"],
  ["https://id.example.com/8003/040123450007718765", true, "8003", "040123450007718765"],
  ["https://id.gs1.org/01/70614141123452/21/2017", false], // check digit
  ["urn:epc:id:sgtin:0614141.10734.2017", false], // 12 digits
  ["urn:epc:id:gid:95100000.12345.400", false], // EPC scheme with no GS1 key
  ["http://example.com/pallets/7", false],
  ["pallet-7", false],
];

describe("object identifiers through lib/gs1", () => {
  it.each(IDENTIFIERS)("%s", (raw, valid, ai, value, serial, lot) => {
    const parsed = parseObjectIdentifier(raw);
    expect(parsed.ok).toBe(valid);
    if (!parsed.ok) return;
    expect(parsed.value.key).toEqual({ ai, value });
    expect(parsed.value.serial).toBe(serial);
    expect(parsed.value.lot).toBe(lot);
  });

  it("reports an invalid identifier with its event index and pointer", () => {
    const doc = {
      "@context": CONTEXT, type: "EPCISDocument", schemaVersion: "2.0", creationDate: "2024-03-01T10:00:00Z",
      epcisBody: { eventList: [event({}), event({ quantityList: [{ epcClass: "urn:epc:class:lgtin:4012345.01234.1" }] })] },
    };
    const result = validateEpcisDocument(doc);
    expect(result.ok ? [] : result.errors.map((e) => [e.eventIndex, e.pointer])).toEqual([[1, "/epcisBody/eventList/1/quantityList/0/epcClass"]]);
  });

  it("validates a single event and needs its @context", () => {
    expect(validateEpcisEvent(event({})).ok).toBe(true);
    const { "@context": _omitted, ...bare } = event({});
    const result = validateEpcisEvent(bare);
    expect(result.ok ? [] : result.errors.map((e) => e.pointer)).toEqual(["/@context"]);
  });

  it("never throws on hostile input", () => {
    for (const input of [null, 42, "x", [], { type: "EPCISDocument", epcisBody: { eventList: [null, 1, [], { type: 7 }] } }]) {
      expect(validateEpcisDocument(input).ok).toBe(false);
      expect(validateEpcisEvent(input).ok).toBe(false);
    }
  });

  it("refuses documents over the event limit", () => {
    const doc = { "@context": CONTEXT, type: "EPCISDocument", schemaVersion: "2.0", creationDate: "2024-03-01T10:00:00Z", epcisBody: { eventList: [event({}), event({})] } };
    const result = validateEpcisDocument(doc, { maxEvents: 1 });
    expect(result.ok ? "" : result.errors[0]?.pointer).toBe("/epcisBody/eventList");
  });
});

describe("identifier roles and company prefixes", () => {
  const aggregation = {
    type: "AggregationEvent", action: "ADD", parentID: "urn:epc:id:sscc:0614141.1234567890",
    childEPCs: ["https://id.gs1.org/01/70614141123451/21/2017", "urn:epc:id:sgtin:4012345.011122.25"],
    childQuantityList: [{ epcClass: "urn:epc:class:lgtin:4012345.012345.998877", quantity: 2 }],
  };

  it("lists every identifier with role, pointer, GTIN, serial and lot", () => {
    expect(extractObjectIdentifiers(aggregation).map((i) => [i.role, i.pointer, i.key.ai, i.gtin, i.serial, i.lot])).toEqual([
      ["parent", "/parentID", "00", undefined, undefined, undefined],
      ["child", "/childEPCs/0", "01", "70614141123451", "2017", undefined],
      ["child", "/childEPCs/1", "01", "04012345111224", "25", undefined],
      ["quantity", "/childQuantityList/0/epcClass", "01", "04012345123456", undefined, "998877"],
    ]);
  });

  // [brand prefixes, pointers of the identifiers outside them]
  const PREFIX_CASES: readonly (readonly [readonly string[], readonly string[]])[] = [
    [["0614141", "4012345"], []],
    [["0614141"], ["/childEPCs/1", "/childQuantityList/0/epcClass"]],
    [["4012345"], ["/parentID", "/childEPCs/0"]],
    [["061414"], ["/childEPCs/1", "/childQuantityList/0/epcClass"]], // a shorter prefix covers the longer ones
    // URNs state their prefix (0614141), so 06141411 does not own them; a Digital Link states none, and its
    // key 0614141123451 does start with 06141411: the documented limit of the Digital Link rule.
    [["06141411"], ["/parentID", "/childEPCs/1", "/childQuantityList/0/epcClass"]],
    [[], ["/parentID", "/childEPCs/0", "/childEPCs/1", "/childQuantityList/0/epcClass"]],
  ];
  it.each(PREFIX_CASES)("prefixes %j leave out %j", (prefixes, outside) => {
    expect(identifiersOutsidePrefixes(aggregation, prefixes).map((i) => i.pointer)).toEqual(outside);
  });
});
