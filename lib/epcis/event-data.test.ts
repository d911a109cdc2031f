// ILMD reading, event identity (eventID or canonical hash) and the normalised event.
import { describe, expect, it } from "vitest";

import { canonicalEventHash, eventIdentity } from "./event-hash";
import { readIlmd } from "./ilmd";
import { normaliseEvent } from "./normalise-event";
import type { EpcisEvent } from "./types";

// [ilmd, @context in scope, expected]
const ILMD_CASES: readonly (readonly [Record<string, unknown>, unknown, object])[] = [
  [{ "cbvmda:lotNumber": "LOTABC", "cbvmda:itemExpirationDate": "2026-05-31" }, undefined, { lot: "LOTABC", expiryDate: "2026-05-31" }],
  [{ "urn:epcglobal:cbv:mda#lotNumber": "L1", "urn:epcglobal:cbv:mda#bestBeforeDate": "2026-01-02" }, undefined, { lot: "L1", bestBeforeDate: "2026-01-02" }],
  [{ "https://ref.gs1.org/cbv/lotNumber": "L2", "https://ref.gs1.org/cbv/productionDate": "2025-01-02T08:00:00Z" }, undefined, { lot: "L2", productionDate: "2025-01-02" }],
  [{ "mda:lotNumber": "L3" }, [{ mda: "urn:epcglobal:cbv:mda#" }], { lot: "L3" }],
  [{ "mda:lotNumber": "L3" }, undefined, {}],
  [{ "cbvmda:itemExpirationDate": "2026-02-30", "example:bestBeforeDate": "2014-12-10" }, undefined, {}],
];

describe("readIlmd", () => {
  it.each(ILMD_CASES)("%j", (ilmd, context, expected) => {
    expect(readIlmd({ type: "ObjectEvent", ilmd }, context === undefined ? [] : [context])).toEqual(expected);
  });
});

const BASE = {
  type: "ObjectEvent", action: "ADD", bizStep: "commissioning", disposition: "active",
  eventTime: "2024-03-01T10:00:00.000+01:00", eventTimeZoneOffset: "+01:00",
  epcList: ["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"],
  readPoint: { id: "urn:epc:id:sgln:0614141.07346.1234" },
} as const satisfies EpcisEvent;

// [what changes, variant] — the same event, written differently: the same identity.
const SAME: readonly (readonly [string, Record<string, unknown>])[] = [
  ["eventTime in UTC", { eventTime: "2024-03-01T09:00:00Z" }],
  ["extra sub-millisecond digits", { eventTime: "2024-03-01T10:00:00.0001+01:00" }],
  ["epcList reordered", { epcList: [BASE.epcList[1], BASE.epcList[0]] }],
  ["Digital Link instead of URN", { epcList: ["https://id.gs1.org/01/10614141073464/21/2017", BASE.epcList[1]] }],
  ["bizStep as URN", { bizStep: "urn:epcglobal:cbv:bizstep:commissioning" }],
  ["disposition as web URI", { disposition: "https://ref.gs1.org/cbv/Disp-active" }],
  ["recordTime added", { recordTime: "2024-03-02T00:00:00Z" }],
  ["keys in another order", Object.fromEntries(Object.entries(BASE).reverse())],
];

// Different events: different identities.
const DIFFERENT: readonly (readonly [string, Record<string, unknown>])[] = [
  ["another millisecond", { eventTime: "2024-03-01T10:00:00.001+01:00" }],
  ["another serial", { epcList: ["urn:epc:id:sgtin:0614141.107346.2019", BASE.epcList[1]] }],
  ["another disposition", { disposition: "in_transit" }],
  ["another offset", { eventTimeZoneOffset: "+02:00" }],
  ["an extension field", { "example:note": "x" }],
];

describe("event identity", () => {
  const reference = canonicalEventHash(BASE);

  it("is the eventID when there is one, else the tagged canonical hash", () => {
    expect(eventIdentity({ ...BASE, eventID: "urn:uuid:1" })).toBe("urn:uuid:1");
    expect(eventIdentity(BASE)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=genuine-canonical-1$/);
  });

  it.each(SAME)("same identity: %s", (_what, change) => {
    expect(canonicalEventHash({ ...BASE, ...change } as EpcisEvent)).toBe(reference);
  });

  it.each(DIFFERENT)("different identity: %s", (_what, change) => {
    expect(canonicalEventHash({ ...BASE, ...change } as EpcisEvent)).not.toBe(reference);
  });
});

describe("normaliseEvent", () => {
  it("gives the caller plain values", () => {
    const original: EpcisEvent = {
      ...BASE, bizStep: "urn:epcglobal:cbv:bizstep:commissioning", recordTime: "2024-03-02T00:00:00Z",
      ilmd: { "cbvmda:lotNumber": "L1", "cbvmda:itemExpirationDate": "2027-01-31" },
      destinationList: [{ type: "urn:epcglobal:cbv:sdt:location", destination: "urn:epc:id:sgln:4012345.00001.0" }],
    };
    const event = normaliseEvent({
      ...original,
      errorDeclaration: { declarationTime: "2024-03-05T00:00:00+02:00", reason: "incorrect_data", correctiveEventIDs: ["urn:uuid:2"] },
    });
    expect(event).toMatchObject({
      type: "ObjectEvent", action: "ADD", bizStep: "commissioning", disposition: "active",
      eventTime: new Date("2024-03-01T09:00:00Z"), eventTimeZoneOffset: "+01:00", recordTime: new Date("2024-03-02T00:00:00Z"),
      readPoint: "urn:epc:id:sgln:0614141.07346.1234", sourceList: [],
      destinationList: [{ type: "location", id: "urn:epc:id:sgln:4012345.00001.0" }],
      ilmd: { lot: "L1", expiryDate: "2027-01-31" },
      errorDeclaration: { declarationTime: new Date("2024-03-04T22:00:00Z"), reason: "incorrect_data", correctiveEventIDs: ["urn:uuid:2"] },
    });
    expect(event.identifiers.map((i) => [i.role, i.gtin, i.serial])).toEqual([["epc", "10614141073464", "2017"], ["epc", "10614141073464", "2018"]]);
    // An error declaration keeps the identity of the event it retracts (errorDeclaration is not hashed).
    expect(event.eventIdentity).toBe(canonicalEventHash(original));
  });
});
