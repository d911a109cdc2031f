// Every official EPCIS 2.0 JSON example (../shared/epcis/JSON) is accepted by the official schema (ajv, test
// only: the schema is not shipped) and by our own validator, structural and semantic.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { officialSchemaErrors, EXAMPLES_DIR } from "./testing/official-schema";
import { validateEpcisDocument } from "./validate-document";

function listExamples(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listExamples(full);
    return entry.name.endsWith(".jsonld") ? [full] : [];
  });
}

const EXAMPLES = listExamples(EXAMPLES_DIR).sort();

describe("official EPCIS 2.0 examples", () => {
  it("are all present (47 files, one of them an EPCISQueryDocument)", () => {
    expect(EXAMPLES).toHaveLength(47);
  });

  it.each(EXAMPLES.map((file) => [path.relative(EXAMPLES_DIR, file), file] as const))("%s is accepted by both validators", (_name, file) => {
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    expect(officialSchemaErrors(json)).toEqual([]);
    const ours = validateEpcisDocument(json);
    expect(ours.ok ? [] : ours.errors).toEqual([]);
  });

  it("reads the query document's events from queryResults.resultsBody", () => {
    const file = EXAMPLES.find((f) => f.endsWith("EPCISQueryDocument.jsonld")) ?? "";
    const ours = validateEpcisDocument(JSON.parse(readFileSync(file, "utf8")));
    expect(ours.ok && ours.document.type).toBe("EPCISQueryDocument");
    expect(ours.ok && ours.document.events.length).toBeGreaterThan(0);
  });
});
