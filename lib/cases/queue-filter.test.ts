import { describe, expect, it } from "vitest";
import { GS } from "@/lib/gs1";
import { hasNarrowingFilters, parseQueueSearch, parseQueueView, queueHref, queueSearchParams } from "./queue-filter";

const G = "09506000134352";

describe("parseQueueSearch", () => {
  it.each([
    ["a Digital Link URI", `https://id.brand.example/01/${G}/10/LOT1/21/SER123?17=271231`, { kind: "code", gtin: G, serial: "SER123", lot: "LOT1" }],
    ["a Digital Link without a serial", `https://id.gs1.org/01/${G}/10/LOT1`, { kind: "code", gtin: G, serial: null, lot: "LOT1" }],
    ["a bracketed element string", `(01)${G}(10)LOT1(21)SER123`, { kind: "code", gtin: G, serial: "SER123", lot: "LOT1" }],
    ["raw GS-separated scan data", `01${G}10LOT1${GS}21SER123`, { kind: "code", gtin: G, serial: "SER123", lot: "LOT1" }],
    ["scanner output with a symbology identifier", `]d201${G}21SER123${GS}10LOT1`, { kind: "code", gtin: G, serial: "SER123", lot: "LOT1" }],
    ["surrounding blanks", `  (01)${G}(21)X1  `, { kind: "code", gtin: G, serial: "X1", lot: null }],
    ["a serial as printed", "26MY6LXFUD", { kind: "serial", serial: "26MY6LXFUD", gtin: null }],
    ["a numeric serial", "123456", { kind: "serial", serial: "123456", gtin: null }],
    ["a bare GTIN (also a possible serial)", G, { kind: "serial", serial: G, gtin: G }],
    ["an SSCC element string (no GTIN): the text as a serial", "(00)106141411234567897", { kind: "serial", serial: "(00)106141411234567897", gtin: null }],
    ["a broken Digital Link: the text as a serial", "https://example.com/01/123/21/X", { kind: "serial", serial: "https://example.com/01/123/21/X", gtin: null }],
  ] as const)("%s", (_, input, expected) => {
    expect(parseQueueSearch(input)).toEqual(expected);
  });

  it("reads nothing from an empty box", () => {
    expect(parseQueueSearch("   ")).toBeNull();
  });
});

describe("parseQueueView", () => {
  it("defaults to the active cases, any assignee, riskiest first", () => {
    const view = parseQueueView({});
    expect(view.filter).toEqual({
      statuses: ["open", "investigating"],
      severities: [],
      rules: [],
      gtin: null,
      lot: null,
      country: null,
      seenFrom: null,
      seenTo: null,
      assignee: "anyone",
      search: null,
      sort: "risk",
    });
    expect(view).toMatchObject({ searchText: "", cursor: null, ignored: [] });
  });

  it.each([
    ["several statuses, repeated", { status: ["dismissed", "open"] }, { statuses: ["open", "dismissed"] }],
    ["several statuses, comma-separated", { status: "resolved,dismissed" }, { statuses: ["dismissed", "resolved"] }],
    ["every status", { status: "all" }, { statuses: [] }],
    ["severities", { severity: ["critical", "high"] }, { severities: ["critical", "high"] }],
    ["a rule", { rule: "impossible_travel" }, { rules: ["impossible_travel"] }],
    ["a product as GTIN-13", { product: "9506000134352" }, { gtin: G }],
    ["a lot", { lot: " CX24A17 " }, { lot: "CX24A17" }],
    ["a country, any case", { country: "fr" }, { country: "FR" }],
    ["a date range, the last day included", { from: "2026-03-01", to: "2026-03-31" }, { seenFrom: new Date("2026-03-01T00:00:00Z"), seenTo: new Date("2026-04-01T00:00:00Z") }],
    ["a date range given backwards", { from: "2026-03-31", to: "2026-03-01" }, { seenFrom: new Date("2026-03-01T00:00:00Z"), seenTo: new Date("2026-04-01T00:00:00Z") }],
    ["only a start date", { from: "2026-03-01" }, { seenFrom: new Date("2026-03-01T00:00:00Z"), seenTo: null }],
    ["my cases", { assignee: "me" }, { assignee: "me" }],
    ["unassigned cases", { assignee: "unassigned" }, { assignee: "unassigned" }],
    ["recency", { sort: "recent" }, { sort: "recent" }],
    ["a search", { q: `(01)${G}(21)S1` }, { search: { kind: "code", gtin: G, serial: "S1", lot: null } }],
  ] as const)("reads %s", (_, params, expected) => {
    const view = parseQueueView(params);
    expect(view.filter).toMatchObject(expected);
    expect(view.ignored).toEqual([]);
  });

  it.each([
    ["an unknown status", { status: ["open", "closed"] }, { statuses: ["open"] }, ["status “closed”"]],
    ["an unknown severity", { severity: "info" }, { severities: [] }, ["severity “info”"]],
    ["an unknown rule", { rule: "drop_table" }, { rules: [] }, ["rule “drop_table”"]],
    ["a product that is no GTIN", { product: "12345" }, { gtin: null }, ["product “12345”"]],
    ["a country that is no code", { country: "France" }, { country: null }, ["country “France”"]],
    ["an impossible date", { from: "2026-02-30" }, { seenFrom: null }, ["from date “2026-02-30”"]],
    ["an unknown assignee", { assignee: "bob" }, { assignee: "anyone" }, ["assignee “bob”"]],
    ["an unknown sort", { sort: "name" }, { sort: "risk" }, ["sort “name”"]],
  ] as const)("ignores %s and says so", (_, params, expected, ignored) => {
    const view = parseQueueView(params);
    expect(view.filter).toMatchObject(expected);
    expect(view.ignored).toEqual(ignored);
  });

  it.each([
    ["next page", { after: "0d4f7a2c-1a3b-4c5d-8e9f-001122334455" }, { after: "0d4f7a2c-1a3b-4c5d-8e9f-001122334455" }],
    ["previous page", { before: "0d4f7a2c-1a3b-4c5d-8e9f-001122334455" }, { before: "0d4f7a2c-1a3b-4c5d-8e9f-001122334455" }],
    ["a malformed cursor", { after: "1 or 1=1" }, null],
  ] as const)("reads the %s cursor", (_, params, cursor) => {
    expect(parseQueueView(params).cursor).toEqual(cursor);
  });

  it("reads URLSearchParams as well as Next's record", () => {
    const view = parseQueueView(new URLSearchParams("status=open&status=investigating&severity=high&q=ABC"));
    expect(view.filter).toMatchObject({ statuses: ["open", "investigating"], severities: ["high"], search: { kind: "serial", serial: "ABC", gtin: null } });
    expect(view.searchText).toBe("ABC");
  });
});

describe("queueSearchParams", () => {
  it.each([
    ["", ""],
    ["status=all", "status=all"],
    ["status=dismissed&severity=critical&severity=high&rule=impossible_travel&product=09506000134352&lot=L1&country=FR&from=2026-03-01&to=2026-03-31&assignee=me&q=ABC&sort=recent", null],
    ["status=investigating&status=open", ""],
  ])("writes back what it read: %s", (query, written) => {
    const view = parseQueueView(new URLSearchParams(query));
    expect(queueSearchParams(view).toString()).toBe(written ?? query);
    expect(parseQueueView(queueSearchParams(view)).filter).toEqual(view.filter);
  });

  it("keeps the other filters when a link changes one, and starts pagination over", () => {
    const view = parseQueueView({ severity: "high", q: "ABC", after: "0d4f7a2c-1a3b-4c5d-8e9f-001122334455" });
    expect(queueHref("/console/acme/cases", view, { statuses: ["dismissed"] })).toBe("/console/acme/cases?status=dismissed&severity=high&q=ABC");
    expect(queueHref("/console/acme/cases", view, {}, { after: "0d4f7a2c-1a3b-4c5d-8e9f-001122334455" })).toBe(
      "/console/acme/cases?severity=high&q=ABC&after=0d4f7a2c-1a3b-4c5d-8e9f-001122334455",
    );
    expect(queueHref("/console/acme/cases", parseQueueView({}))).toBe("/console/acme/cases");
  });

  it.each([
    [{}, false],
    [{ status: "all" }, false],
    [{ severity: "high" }, true],
    [{ q: "X" }, true],
    [{ assignee: "me" }, true],
  ])("hasNarrowingFilters(%j) is %s", (params, expected) => {
    expect(hasNarrowingFilters(parseQueueView(params))).toBe(expected);
  });
});
