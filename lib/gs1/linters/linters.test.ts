import { describe, expect, it } from "vitest";

import { allAiEntries } from "../ai-table";
import { loadVectors } from "../testing/load-vectors";
import { LINTERS } from "./linter-registry";

interface LinterCase {
  readonly id: string;
  readonly linter: string;
  readonly input: string;
  readonly valid: boolean;
  readonly expectedError: string;
  readonly expectedHighlight?: string;
}

const vectors = loadVectors<LinterCase>("check-digits.json");

function highlight(input: string, pos: number, len: number): string {
  return `${input.slice(0, pos)}*${input.slice(pos, pos + len)}*${input.slice(pos + len)}`;
}

describe("linters on GS1's check-digits.json vectors", () => {
  it.each(vectors.cases.map((c) => [`${c.id} ${c.linter} ${c.input}`, c] as const))("%s", (_name, c) => {
    const linter = LINTERS[c.linter];
    if (!linter) throw new Error(`No linter ${c.linter}`);
    const fault = linter(c.input);
    expect(fault?.code ?? "OK").toBe(c.expectedError);
    if (fault && c.expectedHighlight) expect(highlight(c.input, fault.pos, fault.len)).toBe(c.expectedHighlight);
  });
});

describe("linter registry", () => {
  it("implements every linter the dictionary names", () => {
    const named = new Set(allAiEntries().flatMap((e) => e.components.flatMap((c) => c.linters)));
    expect([...named].filter((name) => !LINTERS[name])).toEqual([]);
  });
});
