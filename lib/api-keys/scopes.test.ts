import { describe, expect, it } from "vitest";
import { apiScopes, isApiScope, parseScopes, scopesFromClaim } from "./scopes";

describe("parseScopes", () => {
  const cases: { list: string[]; expected: ReturnType<typeof parseScopes> }[] = [
    { list: ["verify"], expected: { ok: true, scopes: ["verify"] } },
    { list: ["scans:read", "epcis:write"], expected: { ok: true, scopes: ["epcis:write", "scans:read"] } },
    { list: ["verify", " verify ", ""], expected: { ok: true, scopes: ["verify"] } },
    { list: [], expected: { ok: true, scopes: [] } },
    { list: [...apiScopes].reverse(), expected: { ok: true, scopes: [...apiScopes] } },
    { list: ["verify", "admin", "epcis:delete", "admin"], expected: { ok: false, unknown: ["admin", "epcis:delete"] } },
    { list: ["EPCIS:WRITE"], expected: { ok: false, unknown: ["EPCIS:WRITE"] } },
    { list: ["epcis:*"], expected: { ok: false, unknown: ["epcis:*"] } },
  ];
  it.each(cases)("$list → $expected", ({ list, expected }) => {
    expect(parseScopes(list)).toEqual(expected);
  });
});

describe("isApiScope", () => {
  it("knows exactly the vocabulary", () => {
    expect(apiScopes.every(isApiScope)).toBe(true);
    expect(["", "verify ", "toString", "__proto__"].some(isApiScope)).toBe(false);
  });
});

describe("scopesFromClaim", () => {
  it.each([
    ["epcis:write verify", ["epcis:write", "verify"]],
    ["verify  bogus scans:read", ["scans:read", "verify"]],
    ["", []],
  ])("%j → %j", (claim, expected) => {
    expect(scopesFromClaim(claim)).toEqual(expected);
  });
});
