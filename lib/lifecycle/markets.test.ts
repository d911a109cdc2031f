import { describe, expect, it } from "vitest";
import { canonicalLocation, countryOfLocation, explicitCountry, indexLocations, marketsOfEvent, type MarketEvidence } from "./markets";

// GLN 0614141007776 = SGLN 0614141.00777.0; 4000001000005 is a German wholesaler.
const index = indexLocations({
  "urn:epc:id:sgln:0614141.00777.0": "us",
  "4000001000005": "DE",
  "https://id.example.com/414/5412345000013/254/dock7": "BE",
  "urn:epc:id:pgln:0614141.00888": "CA",
  "urn:example:loc:hub-zurich": "CH",
  "9999999999994": "XX", // not a country: dropped
});

describe("canonicalLocation", () => {
  it.each([
    ["urn:epc:id:sgln:0614141.00777.0", "0614141007776"],
    ["urn:epc:id:sgln:0614141.00777.dock%2F1", "0614141007776/dock/1"],
    ["https://id.gs1.org/414/0614141007776", "0614141007776"],
    ["https://example.com/some/prefix/414/0614141007776/254/A1?x=1", "0614141007776/A1"],
    ["https://id.gs1.org/417/0614141008889", "0614141008889"],
    ["urn:epc:id:pgln:0614141.00888", "0614141008889"],
    ["urn:example:loc:hub-zurich", "urn:example:loc:hub-zurich"],
  ])("%s → %s", (id, key) => {
    expect(canonicalLocation(id)).toBe(key);
  });
});

describe("countryOfLocation", () => {
  it.each([
    ["same location in another form", "https://id.gs1.org/414/0614141007776", "US"],
    ["a sub-location falls back to its site", "urn:epc:id:sgln:4000001.00000.shelf3", "DE"],
    ["an exact sub-location", "urn:epc:id:sgln:5412345.00001.dock7", "BE"],
    ["a party", "urn:epc:id:pgln:0614141.00888", "CA"],
    ["a brand's own URN", "urn:example:loc:hub-zurich", "CH"],
    ["explicit ISO URN", "urn:iso:std:iso:3166:-1:de", "DE"],
    ["explicit short ISO URN", "urn:iso:3166-1:FR", "FR"],
    ["ISO subdivision", "urn:iso:std:iso:3166:-2:ES-CT", "ES"],
    ["ISO's page for the code", "https://www.iso.org/obp/ui/#iso:code:3166:IT", "IT"],
    ["unassigned code", "urn:iso:std:iso:3166:-1:ZZ", null],
    ["geo URI (needs geocoding)", "geo:52.52,13.40", null],
    ["unknown GLN", "urn:epc:id:sgln:9529999.99999.0", null],
    ["the dropped XX mapping", "9999999999994", null],
  ])("%s", (_name, id, country) => {
    expect(countryOfLocation(id, index)).toBe(country);
  });

  it("explicitCountry reads only explicit forms", () => {
    expect(explicitCountry("urn:epc:id:sgln:0614141.00777.DE")).toBeNull();
  });
});

type Case = [name: string, evidence: MarketEvidence, markets: string[], unresolved: string[]];
const wholesaler = { type: "location", destination: "urn:epc:id:sgln:4000001.00000.0" };
const cases: Case[] = [
  ["shipping to a known location", { bizStep: "shipping", destinationList: [wholesaler] }, ["DE"], []],
  ["URI destination type", { bizStep: "shipping", destinationList: [{ ...wholesaler, type: "urn:epcglobal:cbv:sdt:location" }] }, ["DE"], []],
  ["possessing party when no location is given", { destinationList: [{ type: "possessing_party", destination: "urn:epc:id:pgln:0614141.00888" }] }, ["CA"], []],
  ["location beats possessing party", { destinationList: [wholesaler, { type: "possessing_party", destination: "urn:epc:id:pgln:0614141.00888" }] }, ["DE"], []],
  ["owning party never counts", { destinationList: [{ type: "owning_party", destination: "urn:epc:id:pgln:0614141.00888" }] }, [], []],
  ["two locations, one unknown", { destinationList: [wholesaler, { type: "location", destination: "urn:epc:id:sgln:9529999.99999.0" }] }, ["DE"], ["urn:epc:id:sgln:9529999.99999.0"]],
  ["receiving: the bizLocation is in the market", { bizStep: "receiving", bizLocation: "urn:epc:id:sgln:0614141.00777.0" }, ["US"], []],
  ["dispensed disposition: the bizLocation counts", { bizStep: "https://ns.gs1.org/cbv/BizStep-other", disposition: "dispensed", bizLocation: "4000001000005" }, ["DE"], []],
  ["commissioning at the factory is no market", { bizStep: "commissioning", disposition: "active", bizLocation: "urn:epc:id:sgln:0614141.00777.0" }, [], []],
  ["shipping: the bizLocation is the origin", { bizStep: "shipping", bizLocation: "urn:epc:id:sgln:0614141.00777.0" }, [], []],
  ["explicit country destination", { bizStep: "shipping", destinationList: [{ type: "location", destination: "urn:iso:std:iso:3166:-1:AT" }] }, ["AT"], []],
  ["duplicates collapse", { bizStep: "receiving", bizLocation: "4000001000005", destinationList: [wholesaler] }, ["DE"], []],
];

describe("marketsOfEvent", () => {
  it.each(cases)("%s", (_name, evidence, markets, unresolved) => {
    expect(marketsOfEvent(evidence, index)).toEqual({ markets, unresolved });
  });
});
