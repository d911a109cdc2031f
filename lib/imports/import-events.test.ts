import { describe, expect, it } from "vitest";
import { importEventId, rowEvents, type RowEventOptions } from "./import-events";
import { IMPORT_STATUSES } from "./import-statuses";
import type { ImportRow } from "./parse-import-row";

const ORG = "00000000-0000-4000-8000-000000000001";
const options: RowEventOptions = { organisationId: ORG, companyPrefixes: ["9529999"], defaultTime: Date.parse("2026-05-01T00:00:00Z"), uriMode: false };
const row = (status: string, extra: Partial<ImportRow> = {}): ImportRow => ({ line: 4, gtin: "09529999000019", serial: "S/1", statusName: status, status: IMPORT_STATUSES[status]!, ...extra });
const built = (r: ImportRow, o: Partial<RowEventOptions> = {}) => {
  const result = rowEvents(r, { ...options, ...o });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};

describe("event identity", () => {
  it("is a version 8 name-based UUID", () => {
    expect(importEventId(ORG, ["a"])).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("depends on what the row says, not on when it is imported", () => {
    const first = built(row("sold"));
    const again = built(row("sold"), { defaultTime: options.defaultTime + 86_400_000 });
    expect(again.eventId).toBe(first.eventId);
    expect(again.events[0]!.eventTime).not.toEqual(first.events[0]!.eventTime);
  });

  it.each([
    ["another status", row("shipped")],
    ["another serial", row("sold", { serial: "S/2" })],
    ["a stated time", row("sold", { eventTime: { millis: Date.parse("2026-01-01T00:00:00Z"), offset: "+00:00" } })],
    ["a market", row("sold", { market: "DE" })],
    ["a lot", row("sold", { lot: "L1" })],
  ])("changes with %s", (_, other) => {
    expect(built(other).eventId).not.toBe(built(row("sold")).eventId);
  });

  it("differs between organisations", () => {
    expect(built(row("sold"), { organisationId: "00000000-0000-4000-8000-000000000002" }).eventId).not.toBe(built(row("sold")).eventId);
  });
});

describe("the events of a row", () => {
  it("commissions with the lot and expiry as ILMD", () => {
    const { events } = built(row("commissioned", { lot: "L1", expiry: "2028-01-31" }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "ObjectEvent", action: "ADD", bizStep: "commissioning", disposition: "active", ilmd: { lot: "L1", expiryDate: "2028-01-31" } });
    expect(events[0]!.identifiers[0]).toMatchObject({ gtin: "09529999000019", serial: "S/1", raw: "https://id.gs1.org/01/09529999000019/21/S%2F1" });
  });

  it("records the commissioning just before another status that states a lot, once per unit and lot", () => {
    const { events } = built(row("shipped", { lot: "L1", market: "FR", location: "https://id.gs1.org/414/9529999000002" }));
    expect(events.map((e) => [e.action, e.bizStep, e.ilmd])).toEqual([
      ["ADD", "commissioning", { lot: "L1" }],
      ["OBSERVE", "shipping", {}],
    ]);
    expect(events[1]!.eventTime.getTime() - events[0]!.eventTime.getTime()).toBe(1);
    expect(events[1]).toMatchObject({ destinationList: [{ type: "location", id: "urn:iso:std:iso:3166:-1:FR" }], bizLocation: "https://id.gs1.org/414/9529999000002" });
    const sold = built(row("sold", { lot: "L1" }));
    expect(sold.events[0]!.eventIdentity).toBe(events[0]!.eventIdentity);
  });

  it("keeps a stated time and its offset", () => {
    const { events } = built(row("decommissioned", { eventTime: { millis: Date.parse("2026-02-01T07:00:00Z"), offset: "+02:00" } }));
    expect(events[0]).toMatchObject({ action: "DELETE", eventTime: new Date("2026-02-01T07:00:00Z"), eventTimeZoneOffset: "+02:00" });
  });

  it("refuses a unit outside the brand's GS1 Company Prefixes", () => {
    expect(rowEvents(row("sold"), { ...options, companyPrefixes: ["9521234"] })).toMatchObject({
      ok: false,
      errors: [{ row: 4, column: "gtin", value: "09529999000019", message: expect.stringContaining("outside your GS1 Company Prefixes (9521234)") }],
    });
    expect(rowEvents(row("sold"), { ...options, companyPrefixes: [], uriMode: true })).toMatchObject({ ok: false, errors: [{ column: "uri", message: expect.stringContaining("no GS1 Company Prefixes") }] });
  });

  it("maps an EPCIS validation fault to its column", () => {
    const result = rowEvents(row("sold", { eventTime: { millis: Date.parse("2026-02-01T07:00:00Z"), offset: "+15:00" } }), options);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 4, column: "event_time" }] });
  });
});
