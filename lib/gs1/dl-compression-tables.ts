// Tables for GS1 Digital Link compression (GS1 technical note "GS1 Digital Link: Compression"):
// the URI-safe base64 alphabet, the optimisation codes for common AI sequences, and each AI's value
// layout, derived from the syntax dictionary the way GS1's General Specifications write formats.
// The optimisation codes are facts of the format, as GS1's Apache-2.0 compression prototype defines
// them (see generated/LICENSE-GS1-APACHE-2.0.txt).
import type { AiEntry } from "./dictionary-types";
import { AI_TABLE } from "./generated/syntax-dictionary";

export const SAFE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Optimisation codes: one byte stands for a whole AI sequence. A byte whose two hex digits are both
 * decimal is the start of a plain AI, so codes always contain a hex letter. Table order matters when
 * compressing: among the longest sequences that fit, the first listed wins (as in GS1's prototype).
 */
export const OPTIMISATIONS: readonly (readonly [code: number, ais: readonly string[]])[] = [
  [0x0a, ["01", "22"]], [0x0b, ["01", "10"]], [0x0c, ["01", "21"]], [0x0d, ["01", "17"]], [0x0e, ["01", "7003"]],
  [0x0f, ["01", "30"]], [0x1a, ["01", "10", "21", "17"]], [0x1b, ["01", "15"]], [0x1c, ["01", "11"]], [0x1d, ["01", "16"]],
  [0x1e, ["01", "91"]], [0x1f, ["01", "10", "15"]],
  [0x2a, ["01", "3100"]], [0x2b, ["01", "3101"]], [0x2c, ["01", "3102"]], [0x2d, ["01", "3103"]], [0x2e, ["01", "3104"]], [0x2f, ["01", "3105"]],
  [0x3a, ["01", "3200"]], [0x3b, ["01", "3201"]], [0x3c, ["01", "3202"]], [0x3d, ["01", "3203"]], [0x3e, ["01", "3204"]], [0x3f, ["01", "3205"]],
  [0x9a, ["8010", "8011"]], [0x9b, ["8017", "8019"]], [0x9c, ["8018", "8019"]], [0x9d, ["414", "254"]],
  [0xa0, ["01", "3920"]], [0xa1, ["01", "3921"]], [0xa2, ["01", "3922"]], [0xa3, ["01", "3923"]], [0xa4, ["01", "3924"]],
  [0xa5, ["01", "3925"]], [0xa6, ["01", "3926"]], [0xa7, ["01", "3927"]], [0xa8, ["01", "3928"]], [0xa9, ["01", "3929"]],
  [0xc0, ["255", "3900"]], [0xc1, ["255", "3901"]], [0xc2, ["255", "3902"]], [0xc3, ["255", "3903"]], [0xc4, ["255", "3904"]],
  [0xc5, ["255", "3905"]], [0xc6, ["255", "3906"]], [0xc7, ["255", "3907"]], [0xc8, ["255", "3908"]], [0xc9, ["255", "3909"]],
  [0xca, ["255", "3940"]], [0xcb, ["255", "3941"]], [0xcc, ["255", "3942"]], [0xcd, ["255", "3943"]],
];

export const OPTIMISATION_BY_CODE = new Map<number, readonly string[]>(OPTIMISATIONS);

/** Value encodings (3-bit indicator) for variable-length and alphanumeric parts. */
export const ENCODING = { numeric: 0, lowerHex: 1, upperHex: 2, safe64: 3, ascii7: 4 } as const;

/**
 * One part of an AI value as the compression sees it: numeric parts of fixed length become one binary
 * integer; every other part carries an encoding indicator (and a length when it is variable).
 */
export interface CompressionPart {
  readonly numeric: boolean;
  /** Fixed length when min === max and the part is mandatory. */
  readonly fixed: boolean;
  readonly max: number;
}

/** Bits for a number of `digits` decimal digits: ceil(digits · log2 10). */
export function numericBits(digits: number): number {
  return Math.ceil(digits * Math.log2(10));
}

/** Bits of the length field of a variable part: enough to hold `max`. */
export function lengthBits(max: number): number {
  return Math.floor(Math.log2(max)) + 1;
}

/**
 * GS1's formats merge the dictionary's finer components: consecutive mandatory fixed-length parts of
 * the same kind are one part (7003 "N6 N4" is N10, 8003 "N1 N13 [X..16]" is N14+X..16), and trailing
 * optional parts of one kind are one variable part (8008 "N6 N2 [N2] [N2]" is N8+N..4).
 */
function partsOf(entry: AiEntry): readonly CompressionPart[] {
  const parts: { numeric: boolean; fixed: boolean; max: number }[] = [];
  for (const c of entry.components) {
    const numeric = c.cset === "N";
    const fixed = c.min === c.max && !c.optional;
    const last = parts[parts.length - 1];
    if (last && last.numeric === numeric && ((fixed && last.fixed) || (c.optional && !last.fixed))) last.max += c.max;
    else parts.push({ numeric, fixed, max: c.max });
  }
  return parts;
}

const PARTS_BY_AI = new Map<string, readonly CompressionPart[]>(AI_TABLE.map((e) => [e.ai, partsOf(e)]));

export function compressionParts(ai: string): readonly CompressionPart[] | undefined {
  return PARTS_BY_AI.get(ai);
}
