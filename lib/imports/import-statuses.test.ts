import { describe, expect, it } from "vitest";
import { classifyEvent, defaultPolicy, euFmdPolicy } from "@/lib/lifecycle";
import { rowEvents } from "./import-events";
import { IMPORT_STATUSES, importStatusName } from "./import-statuses";
import type { ImportRow } from "./parse-import-row";

const row = (statusName: string): ImportRow => ({ line: 2, gtin: "09529999000019", serial: "S1", statusName, status: IMPORT_STATUSES[statusName]! });
const options = { organisationId: "00000000-0000-4000-8000-000000000001", companyPrefixes: ["9529999"], defaultTime: Date.UTC(2026, 0, 1), uriMode: false };

describe("every status word becomes the CBV event lib/lifecycle reads as that status", () => {
  it.each([
    ["commissioned", "commissioned"], ["active", "commissioned"],
    ["shipped", "in_transit"], ["in_transit", "in_transit"],
    ["received", "sellable"], ["sellable", "sellable"], ["stocked", "sellable"],
    ["sold", "retail_sold"], ["retail_sold", "retail_sold"],
    ["dispensed", "dispensed"], ["returned", "returned"],
    ["decommissioned", "decommissioned"], ["inactive", "decommissioned"],
    ["destroyed", "destroyed"], ["stolen", "stolen"], ["recalled", "recalled"], ["expired", "expired"],
  ])("%s → %s", (word, status) => {
    expect(IMPORT_STATUSES[word]!.status).toBe(status);
    const built = rowEvents(row(word), options);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const event = built.events.at(-1)!;
    for (const policy of [defaultPolicy, euFmdPolicy]) {
      const effect = classifyEvent({ eventType: event.type, action: event.action!, bizStep: event.bizStep ?? null, disposition: event.disposition ?? null, eventTime: event.eventTime }, policy);
      expect(effect).toMatchObject({ kind: "sets", status });
    }
  });

  it("covers every word in the table", () => {
    expect(Object.keys(IMPORT_STATUSES)).toHaveLength(17);
  });
});

describe("reading status words", () => {
  it.each([
    ["Shipped", "shipped"], [" SOLD ", "sold"], ["retail sold", "retail_sold"], ["in-transit", "in_transit"],
    ["teleported", null], ["", null], ["constructor", null], ["__proto__", null],
  ])("%j → %j", (value, expected) => {
    expect(importStatusName(value)).toBe(expected);
  });
});
