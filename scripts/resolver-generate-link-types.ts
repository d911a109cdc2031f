// Generates lib/resolver/generated/gs1-link-types.ts from GS1's link-type list (../shared/gs1/link-types.json,
// extracted from the GS1 Web Vocabulary). The app must not read ../shared at run time, so the list ships as code.
// Usage: npx tsx scripts/resolver-generate-link-types.ts [path/to/link-types.json]
// The output is deterministic (no timestamps); lib/resolver/link-types.test.ts proves it equals the JSON.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface LinkTypeSourceCase {
  readonly name: string;
  readonly curie: string;
  readonly uri: string;
  readonly label: string;
  readonly status: string;
}

interface LinkTypeSource {
  readonly source: string;
  readonly cases: readonly LinkTypeSourceCase[];
}

export function renderLinkTypesModule(source: LinkTypeSource): string {
  const rows = source.cases.map((c) => {
    if (c.curie !== `gs1:${c.name}` || c.uri !== `https://gs1.org/voc/${c.name}`) throw new Error(`Unexpected naming for ${c.name}`);
    return `  { name: ${JSON.stringify(c.name)}, label: ${JSON.stringify(c.label)}, deprecated: ${c.status === "deprecated"} },`;
  });
  return [
    "/*",
    " * Generated from the GS1 Web Vocabulary link types (every property whose rdfs:subPropertyOf is gs1:linkType),",
    ` * source: ${source.source}`,
    " * Copyright GS1 AISBL, licensed under the Apache License, Version 2.0",
    " * (http://www.apache.org/licenses/LICENSE-2.0). Modified: reduced to name, label and deprecation status.",
    " */",
    "",
    "// GENERATED FILE - do not edit. Regenerate with: npx tsx scripts/resolver-generate-link-types.ts",
    "",
    "export interface Gs1LinkTypeEntry {",
    "  /** Local name in the GS1 vocabulary: \"pip\" is gs1:pip, https://gs1.org/voc/pip. */",
    "  readonly name: string;",
    "  readonly label: string;",
    "  readonly deprecated: boolean;",
    "}",
    "",
    "export const GS1_LINK_TYPES: readonly Gs1LinkTypeEntry[] = [",
    ...rows,
    "];",
    "",
  ].join("\n");
}

function main(): void {
  const input = process.argv[2] ?? path.resolve(process.cwd(), "../shared/gs1/link-types.json");
  const source = JSON.parse(readFileSync(input, "utf8")) as LinkTypeSource;
  const output = path.resolve(process.cwd(), "lib/resolver/generated/gs1-link-types.ts");
  writeFileSync(output, renderLinkTypesModule(source));
  console.log(`Wrote ${source.cases.length} link types to ${path.relative(process.cwd(), output)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) main();
