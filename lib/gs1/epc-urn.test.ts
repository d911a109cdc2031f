import { describe, expect, it } from "vitest";

import { elementsToEpcUrn, epcUrnToElements } from "./epc-urn";
import { parseBracketed, toBracketed } from "./element-string";
import { resolveOptions } from "./gs1-options";

// [EPC URN, GCP length, bracketed element string] - examples from the GS1 Tag Data Standard.
const CASES: readonly (readonly [string, number, string])[] = [
  ["urn:epc:id:sgtin:0614141.812345.6789", 7, "(01)80614141123458(21)6789"],
  ["urn:epc:id:sgtin:0614141.712345.32a%2Fb", 7, "(01)70614141123451(21)32a/b"],
  ["urn:epc:class:lgtin:4012345.012345.998877", 7, "(01)04012345123456(10)998877"],
  ["urn:epc:idpat:sgtin:4012345.012345.*", 7, "(01)04012345123456"],
  ["urn:epc:id:sscc:0614141.1234567890", 7, "(00)106141412345678908"],
  ["urn:epc:id:sgln:0614141.12345.400", 7, "(414)0614141123452(254)400"],
  ["urn:epc:id:sgln:0614141.12345.0", 7, "(414)0614141123452"],
  ["urn:epc:id:pgln:0614141.12345", 7, "(417)0614141123452"],
  ["urn:epc:id:grai:0614141.12345.400", 7, "(8003)00614141123452400"],
  ["urn:epc:id:giai:0614141.12345400", 7, "(8004)061414112345400"],
  ["urn:epc:id:gsrn:0614141.1234567890", 7, "(8018)061414112345678902"],
  ["urn:epc:id:gsrnp:0614141.1234567890", 7, "(8017)061414112345678902"],
  ["urn:epc:id:gdti:0614141.12345.006847", 7, "(253)0614141123452006847"],
  ["urn:epc:id:sgcn:4012345.67890.04711", 7, "(255)401234567890104711"],
  ["urn:epc:id:ginc:0614141.xyz3311cba", 7, "(401)0614141xyz3311cba"],
  ["urn:epc:id:gsin:0614141.123456789", 7, "(402)06141411234567890"],
  ["urn:epc:id:cpi:0614141.123ABC.123456789", 7, "(8010)0614141123ABC(8011)123456789"],
  ["urn:epc:id:itip:4012345.012345.01.02.987", 7, "(8006)040123451234560102(21)987"],
  ["urn:epc:id:upui:1234567.089456.51qIgY)%3C%26Jp3*j7'SDB", 7, "(01)01234567894560(235)51qIgY)<&Jp3*j7'SDB"],
];

describe("EPC URN <-> AI data", () => {
  it.each(CASES)("%s", (urn, gcpLength, bracketed) => {
    const decoded = epcUrnToElements(urn);
    expect(decoded.ok && toBracketed(decoded.value.elements)).toBe(bracketed);
    const parsed = parseBracketed(bracketed, resolveOptions());
    expect(parsed.ok, parsed.ok ? "" : parsed.error.message).toBe(true);
    expect(parsed.ok && elementsToEpcUrn(parsed.value, gcpLength)).toEqual({ ok: true, value: urn });
  });

  it.each(["urn:epc:id:sgtin:0614141.81234.6789", "urn:epc:id:zzz:1.2", "urn:isbn:123", "urn:epc:id:sgtin:061414A.812345.1"])("rejects %s", (urn) => {
    expect(epcUrnToElements(urn).ok).toBe(false);
  });

  it("needs a plausible company prefix length", () => {
    expect(elementsToEpcUrn([{ ai: "01", value: "80614141123458" }], 3).ok).toBe(false);
  });
});
