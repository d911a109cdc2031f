// Generates lib/gs1/generated/syntax-dictionary.ts from GS1's Barcode Syntax Dictionary text file.
// Usage: npx tsx scripts/gs1-generate-dictionary.ts [path/to/gs1-syntax-dictionary.txt]
// A new dictionary release is this one command; the output is deterministic (no timestamps).
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { AiComponent, AiEntry, Cset } from "../lib/gs1/dictionary-types";

const FLAG_CHARS = "*!?\"$%&'()+,-./:;<=>@[\\]^_`{|}~";

export interface ParsedDictionary {
  readonly release: string;
  readonly entries: AiEntry[];
}

function parseComponent(token: string): AiComponent {
  const [typePart = "", ...linters] = token.split(",");
  const optional = typePart.startsWith("[") && typePart.endsWith("]");
  const type = optional ? typePart.slice(1, -1) : typePart;
  const match = /^([NXYZ])(\.\.)?(\d+)$/.exec(type);
  if (!match) throw new Error(`Bad component: ${token}`);
  const cset = match[1] as Cset;
  const len = Number(match[3]);
  return { cset, min: match[2] ? 1 : len, max: len, optional, linters };
}

function expandRange(spec: string): string[] {
  const [from = "", to] = spec.split("-");
  if (!to) return [from];
  const out: string[] = [];
  for (let n = Number(from); n <= Number(to); n++) out.push(String(n).padStart(from.length, "0"));
  return out;
}

export function parseDictionary(text: string): ParsedDictionary {
  const release = /^#\s*Release:\s*(\S+)/m.exec(text)?.[1] ?? "UNKNOWN";
  const entries: AiEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    if (rawLine.startsWith("#") || rawLine.trim() === "") continue;
    const hash = rawLine.indexOf("#");
    const body = hash >= 0 ? rawLine.slice(0, hash) : rawLine;
    const title = hash >= 0 ? rawLine.slice(hash + 1).trim() : "";
    const tokens = body.trim().split(/\s+/);
    const aiSpec = tokens.shift() ?? "";
    let flags = "";
    if (tokens[0] !== undefined && [...tokens[0]].every((c) => FLAG_CHARS.includes(c))) flags = tokens.shift() ?? "";
    const components: AiComponent[] = [];
    const req: string[][][] = [];
    const ex: string[] = [];
    let dlpkey: string[][] | null = null;
    for (const token of tokens) {
      if (token === "dlpkey") dlpkey = [[]];
      else if (token.startsWith("dlpkey=")) dlpkey = token.slice(7).split("|").map((alt) => alt.split(","));
      else if (token.startsWith("req=")) req.push(token.slice(4).split(",").map((group) => group.split("+")));
      else if (token.startsWith("ex=")) ex.push(...token.slice(3).split(","));
      else components.push(parseComponent(token));
    }
    for (const ai of expandRange(aiSpec)) {
      entries.push({ ai, fnc1: !flags.includes("*"), dlDataAttr: flags.includes("?"), components, req, ex, dlpkey, title });
    }
  }
  entries.sort((a, b) => (a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : 0));
  return { release, entries };
}

function renderEntry(e: AiEntry): string {
  // One entry a line keeps diffs between dictionary releases readable.
  return `  ${JSON.stringify(e)},`;
}

export function renderModule(dict: ParsedDictionary, notice: string): string {
  const header = notice
    .split("\n")
    .map((l) => (l ? ` * ${l}` : " *"))
    .join("\n");
  return [
    "/*",
    header,
    " */",
    "",
    "// GENERATED FILE - do not edit. Regenerate with: npx tsx scripts/gs1-generate-dictionary.ts",
    "import type { AiEntry } from \"../dictionary-types\";",
    "",
    `export const DICTIONARY_RELEASE = ${JSON.stringify(dict.release)};`,
    "",
    "export const AI_TABLE: readonly AiEntry[] = [",
    ...dict.entries.map(renderEntry),
    "];",
    "",
  ].join("\n");
}

const NOTICE = `Generated from the GS1 Barcode Syntax Dictionary (gs1-syntax-dictionary.txt),
https://github.com/gs1/gs1-syntax-dictionary

Copyright (c) 2020-2021 BWIPP project. https://bwipp.terryburton.co.uk/
Copyright (c) 2020-2021 Zint Project. https://zint.org.uk/
Copyright (c) 2021-2025 GS1 AISBL

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
A copy of the License is in LICENSE-GS1-APACHE-2.0.txt beside this file,
or at http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.

Modified: converted from the dictionary's text format to a TypeScript table.`;

function main(argv: readonly string[]): void {
  const root = process.cwd();
  const source = path.resolve(root, argv[0] ?? "../shared/gs1/gs1-syntax-dictionary.txt");
  const licence = path.resolve(path.dirname(source), "LICENSE-APACHE-2.0");
  const outDir = path.resolve(root, "lib/gs1/generated");
  const dict = parseDictionary(readFileSync(source, "utf8"));
  writeFileSync(path.join(outDir, "syntax-dictionary.ts"), renderModule(dict, NOTICE));
  copyFileSync(licence, path.join(outDir, "LICENSE-GS1-APACHE-2.0.txt"));
  console.log(`Wrote ${dict.entries.length} AI entries (release ${dict.release}) to ${path.relative(root, outDir)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  main(process.argv.slice(2));
}
