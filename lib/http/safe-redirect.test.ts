import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-redirect";

describe("safeReturnPath", () => {
  it.each([
    ["/console/medivia/members", "/console/medivia/members"],
    ["/console?x=1#y", "/console?x=1#y"],
    ["//evil.example/console", "/console"],
    ["/\\evil.example", "/console"],
    ["https://evil.example/", "/console"],
    ["javascript:alert(1)", "/console"],
    ["", "/console"],
    [undefined, "/console"],
    [42, "/console"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("%j → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
