// Walking up (serial → unit → lot → product), templates, query forwarding, the linkset answer and 404s.
import { describe, expect, it } from "vitest";

import { resolve } from "./resolve";
import { FIXTURE, GTIN, request, STEM, type RequestSpec } from "./testing/fixture";
import { summary } from "./testing/summary";

const lot = (value: string) => ({ ai: "10", value });
const serial = (value: string) => ({ ai: "21", value });
const expiry = { ai: "17", value: "271231" };

const cases: [name: string, spec: RequestSpec, expected: string][] = [
  // basicWalkUp: an unknown qualifier value is not a 404 but falls back to the key.
  ["unknown lot → the product's default", { qualifiers: [lot("LOT9")] }, "307 https://brand.example/en/pip"],
  ["known lot, gs1:pip → the lot's own pip (most granular level wins)", { qualifiers: [lot("LOT1")], linkType: "gs1:pip" }, "307 https://brand.example/lot/LOT1"],
  ["known lot, no default there → the product's default", { qualifiers: [lot("LOT1")] }, "307 https://brand.example/en/pip"],
  ["known lot, type only at product level → walks up", { qualifiers: [lot("LOT1")], linkType: "gs1:faqs" }, "307 https://brand.example/faq"],
  ["lot-only type on the product → 404", { linkType: "gs1:epil" }, "404 no-link-of-type"],
  ["lot-only type on the lot", { qualifiers: [lot("LOT1")], linkType: "gs1:epil" }, "307 https://brand.example/leaflet/LOT1.pdf"],
  ["lot-only type on a serial of the lot", { qualifiers: [lot("LOT1"), serial("X")], linkType: "gs1:epil" }, "307 https://brand.example/leaflet/LOT1.pdf"],
  // The unit's links hang on /01/…/21/SER1 and answer whatever lot is printed beside the serial.
  ["serial → the unit's default, templates filled", { qualifiers: [serial("SER1")] }, `307 https://genuine.example/u/${GTIN}/SER1`],
  ["lot + serial → the unit's default", { qualifiers: [lot("LOT1"), serial("SER1")] }, `307 https://genuine.example/u/${GTIN}/SER1`],
  ["unknown serial → the product's default", { qualifiers: [lot("LOT1"), serial("NOPE")] }, "307 https://brand.example/en/pip"],
  // Templates: {gtin}, {serial}, {expiry}; values percent-encoded; links whose template cannot be filled do not apply.
  ["{gtin} filled", { linkType: "gs1:recallStatus" }, `307 https://genuine.example/recall/${GTIN}`],
  ["{serial} missing → the link does not apply", { linkType: "gs1:verificationService" }, "404 no-link-of-type"],
  ["{serial} and {expiry} filled", { linkType: "gs1:verificationService", qualifiers: [serial("A B/C")], attributes: [expiry] }, `307 https://genuine.example/verify/${GTIN}/A%20B%2FC?exp=271231`],
  ["{expiry} missing → the link does not apply", { linkType: "gs1:verificationService", qualifiers: [serial("S")] }, "404 no-link-of-type"],
  // qsPassedOn: the query goes on where the link forwards it, verbatim.
  ["query passed on", { query: "foo=bar" }, "307 https://brand.example/en/pip?foo=bar"],
  ["query with linkType and AI attributes passed on", { linkType: "gs1:pip", query: "linkType=gs1:pip&17=271231", attributes: [expiry] }, "307 https://brand.example/en/pip?linkType=gs1:pip&17=271231"],
  ["forwardQuery false → not passed on", { linkType: "gs1:faqs", query: "foo=bar" }, "307 https://brand.example/faq"],
  [
    "forwardQuery false on a templated query → only the template's own query",
    { linkType: "gs1:verificationService", qualifiers: [serial("S")], attributes: [expiry], query: "17=271231&foo=bar" },
    `307 https://genuine.example/verify/${GTIN}/S?exp=271231`,
  ],
  // ltLinksetNoRedirect, ltAllNoRedirect, ltAcceptHeader: the linkset, never a redirect.
  ["linkType=linkset", { linkType: "linkset" }, `200 ${STEM}/01/${GTIN}`],
  ["linkType=all", { linkType: "all" }, `200 ${STEM}/01/${GTIN}`],
  ["linkType=LinkSet (any case)", { linkType: "LinkSet" }, `200 ${STEM}/01/${GTIN}`],
  ["Accept: application/linkset+json", { accept: "application/linkset+json" }, `200 ${STEM}/01/${GTIN}`],
  ["linkset lists every level up to the key", { linkType: "linkset", qualifiers: [lot("LOT1"), serial("SER1")] }, `200 ${STEM}/01/${GTIN}/21/SER1 ${STEM}/01/${GTIN}/10/LOT1 ${STEM}/01/${GTIN}`],
  ["an empty linkType= with Accept: linkset", { linkType: "", accept: "application/linkset+json" }, `200 ${STEM}/01/${GTIN}`],
  ["an explicit linkType wins over Accept: linkset", { linkType: "gs1:faqs", accept: "application/linkset+json" }, "307 https://brand.example/faq"],
  // No links at all: 404, never 200 (noErrorWith200).
  ["unknown GTIN → no default", { gtin: "09506000134369" }, "404 no-default-link"],
  ["unknown GTIN → no linkset", { gtin: "09506000134369", linkType: "linkset" }, "404 no-links"],
  ["unknown GTIN, link type asked", { gtin: "09506000134369", linkType: "gs1:pip" }, "404 no-link-of-type"],
];

describe("resolve: walk-up, templates, forwarding, linkset", () => {
  it.each(cases)("%s", (_name, spec, expected) => {
    expect(summary(resolve(request(spec), FIXTURE))).toBe(expected);
  });

  it("reports the anchor and the link it chose", () => {
    const outcome = resolve(request({ qualifiers: [lot("LOT1")], linkType: "gs1:pip" }), FIXTURE);
    expect(outcome).toMatchObject({ kind: "redirect", status: 307, anchor: `/01/${GTIN}/10/LOT1`, link: { linkType: "gs1:pip", title: "gs1:pip https://brand.example/lot/LOT1" } });
  });

  it("a 300 lists the tied links with their locations", () => {
    const outcome = resolve(request({ linkType: "gs1:sustainabilityInfo", query: "a=1" }), FIXTURE);
    expect(outcome.kind === "multiple" && outcome.links.map((l) => l.location)).toEqual(["https://brand.example/green/a?a=1", "https://brand.example/green/b?a=1"]);
  });
});
