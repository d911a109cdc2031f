import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { renderLinkTypesModule, type LinkTypeSourceCase } from "@/scripts/resolver-generate-link-types";

import { ALL_LINK_TYPES, normaliseLinkType, parseLinkTypeParam } from "./link-types";
import { readSharedJson } from "./testing/shared-gs1";

describe("the embedded link-type list", () => {
  const source = readSharedJson<{ source: string; cases: LinkTypeSourceCase[] }>("link-types.json");

  it("is exactly what the generator makes of ../shared/gs1/link-types.json", () => {
    const generated = readFileSync(path.join(import.meta.dirname, "generated/gs1-link-types.ts"), "utf8");
    expect(generated).toBe(renderLinkTypesModule(source));
  });

  it("holds all 60 vocabulary link types with their URIs", () => {
    expect(ALL_LINK_TYPES.map((t) => t.uri)).toEqual(source.cases.map((c) => c.uri));
    expect(ALL_LINK_TYPES.filter((t) => t.deprecated).map((t) => t.curie)).toEqual(["gs1:productSustainabilityInfo"]);
  });
});

describe("normaliseLinkType", () => {
  // The linkType value is matched case-insensitively, in every spelling GS1 publishes the vocabulary under.
  const cases: [input: string, key: string | null, uri?: string][] = [
    ["gs1:pip", "gs1:pip", "https://gs1.org/voc/pip"],
    ["GS1:PIP", "gs1:pip"],
    ["Gs1:RecallStatus", "gs1:recallstatus", "https://gs1.org/voc/recallStatus"],
    ["gs1:recallstatus", "gs1:recallstatus", "https://gs1.org/voc/recallStatus"],
    ["  gs1:verificationService ", "gs1:verificationservice", "https://gs1.org/voc/verificationService"],
    ["pip", "gs1:pip"],
    ["https://gs1.org/voc/pip", "gs1:pip"],
    ["http://gs1.org/voc/pip", "gs1:pip"],
    ["https://ref.gs1.org/voc/certificationInfo", "gs1:certificationinfo", "https://gs1.org/voc/certificationInfo"],
    ["https://www.gs1.org/voc/epil", "gs1:epil"],
    ["HTTPS://REF.GS1.ORG/VOC/SMPC", "gs1:smpc"],
    ["gs1:defaultLinkMulti", "gs1:defaultlinkmulti"],
    ["gs1:nosuchlt", null], // the suite's specificLinkTypeNotFound probe
    ["schema:pip", null],
    ["https://evil.example/voc/pip", null],
    ["https://gs1.org/voc/pip/extra", null],
    ["", null],
  ];
  it.each(cases)("%s → %s", (input, key, uri) => {
    const result = normaliseLinkType(input);
    expect(result.ok ? result.value.key : null).toBe(key);
    if (uri && result.ok) expect(result.value.uri).toBe(uri);
  });
});

describe("parseLinkTypeParam", () => {
  const cases: [input: string | null, kind: string][] = [
    [null, "default"],
    ["", "default"],
    ["linkset", "linkset"], // ltLinksetNoRedirect
    ["LinkSet", "linkset"],
    ["all", "linkset"], // ltAllNoRedirect
    ["ALL", "linkset"],
    ["gs1:defaultLink", "default"],
    ["gs1:defaultLinkMulti", "default"],
    ["gs1:pip", "type"],
    ["gs1:nosuchlt", "error"],
  ];
  it.each(cases)("%s → %s", (input, kind) => {
    const result = parseLinkTypeParam(input);
    expect(result.ok ? result.value.kind : "error").toBe(kind);
  });
});
