import { describe, expect, it } from "vitest";
import { compressAiData } from "@/lib/gs1";
import { isResolverPath } from "./resolver-path";

describe("isResolverPath", () => {
  const compressed = compressAiData([{ ai: "01", value: "09506000134352" }, { ai: "21", value: "ABC" }]);
  it.each([
    ["/01/09506000134352", true],
    ["/01/09506000134352/10/LOT1/21/SER", true],
    ["/products/01/09506000134352/21/ABC", true],
    ["/01/09506000134352/21/ABC/foo", true], // invalid, but the resolver's to answer (400)
    ["/01/09506000134353", true], // bad check digit: still a DL attempt
    ["/00/106141411234567897", true],
    ["/414/9520123456788", true],
    [compressed.ok ? new URL(compressed.value).pathname : "", true],
    ["/", false],
    ["/console/medivia", false],
    ["/verify/01/09506000134352/21/ABC", false],
    ["/sign-in", false],
    ["/api/health", false],
    ["/no-such-page", false],
    ["/10/LOT1", false], // a qualifier alone is no DL
    ["/about/team", false],
    ["/AAAAAAAAAAAAAAAAAAAAAA", false], // base64url-looking but not a compressed DL
  ])("%s → %s", (path, expected) => {
    expect(isResolverPath(path)).toBe(expected);
  });
});
