import { describe, expect, it } from "vitest";

import { runCli } from "./gs1-cli";

const noStdin = () => "";
const json = (line: string | undefined) => JSON.parse(line ?? "null") as Record<string, unknown>;

describe("gs1 CLI", () => {
  it("parses a Digital Link URI into one JSON object", () => {
    const result = runCli(["parse", "https://example.com/01/09520123456788/10/ABC1/21/12345?17=180426&linkType=gs1:pip"], noStdin);
    expect(result.exitCode).toBe(0);
    expect(json(result.lines[0])).toEqual({
      valid: true,
      elementString: "(01)09520123456788(10)ABC1(21)12345(17)180426",
      canonicalUri: "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426",
      primaryKey: { ai: "01", value: "09520123456788" },
      qualifiers: [{ ai: "10", value: "ABC1" }, { ai: "21", value: "12345" }],
      attributes: [{ ai: "17", value: "180426" }],
      otherParams: { linkType: "gs1:pip" },
    });
  });

  it("parses scan data and element strings", () => {
    const scan = json(runCli(["parse", "]d2010952012345678810ABC1\u001d17180426"], noStdin).lines[0]);
    expect(scan).toMatchObject({ valid: true, elementString: "(01)09520123456788(10)ABC1(17)180426", canonicalUri: "https://id.gs1.org/01/09520123456788/10/ABC1?17=180426" });
    const noKey = json(runCli(["parse", "(400)PO123"], noStdin).lines[0]);
    expect(noKey).toMatchObject({ valid: true, canonicalUri: "", primaryKey: null });
  });

  it("reports invalid input with code, message, AI and offset and exit code 1", () => {
    const result = runCli(["parse", "(01)09520123456789"], noStdin);
    expect(result.exitCode).toBe(1);
    expect(json(result.lines[0])).toEqual({
      valid: false,
      error: { code: "INCORRECT_CHECK_DIGIT", message: "AI (01): The numeric check digit is incorrect.", ai: "01", offset: 17 },
    });
  });

  it("reads one input per stdin line with -", () => {
    const result = runCli(["parse", "-"], () => "https://id.gs1.org/01/09520123456788\nnot gs1\n(00)106141412345678908\n");
    expect(result.lines.map((l) => json(l).valid)).toEqual([true, false, true]);
    expect(result.exitCode).toBe(1);
  });

  it("generates all forms on a stem", () => {
    const result = runCli(["generate", "(01)09520123456788(10)ABC(17)201225", "--stem", "https://brand.example"], noStdin);
    expect(result.exitCode).toBe(0);
    expect(json(result.lines[0])).toEqual({
      valid: true,
      bracketed: "(01)09520123456788(10)ABC(17)201225",
      unbracketed: "^010952012345678810ABC^17201225",
      gsSeparated: "010952012345678810ABC\u001d17201225",
      hri: "(01) 09520123456788 (10) ABC (17) 201225",
      digitalLink: "https://brand.example/01/09520123456788/10/ABC?17=201225",
    });
  });

  it("converts to an EPC URN when given the company prefix length", () => {
    const result = runCli(["epc", "(01)80614141123458(21)6789", "--gcp-length", "7"], noStdin);
    expect(json(result.lines[0])).toMatchObject({ valid: true, epcUrn: "urn:epc:id:sgtin:0614141.812345.6789" });
  });

  it("explains its usage", () => {
    expect(runCli([], noStdin).exitCode).toBe(2);
    expect(runCli(["frobnicate", "x"], noStdin).exitCode).toBe(2);
  });
});
