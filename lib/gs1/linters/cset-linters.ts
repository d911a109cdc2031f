// Character-set linters applied to every component according to its N/X/Y/Z type.
import { fault, firstNonDigit, type LintFault } from "./lint-result";

/** CSET 82: the invariant subset of ISO 646 used by GS1 AIs. */
export const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const CSET64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function lookup(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}
const CSET82_TABLE = lookup(CSET82);
const CSET39_TABLE = lookup(CSET39);
const CSET64_TABLE = lookup(CSET64);

function firstOutside(data: string, table: Uint8Array, to = data.length): number {
  for (let i = 0; i < to; i++) {
    const c = data.charCodeAt(i);
    if (c >= 128 || table[c] !== 1) return i;
  }
  return -1;
}

export function isCset82(data: string): boolean {
  return firstOutside(data, CSET82_TABLE) < 0;
}

export function lintCsetNumeric(data: string): LintFault | null {
  const pos = firstNonDigit(data);
  return pos < 0 ? null : fault("NON_DIGIT_CHARACTER", pos, 1);
}

export function lintCset82(data: string): LintFault | null {
  const pos = firstOutside(data, CSET82_TABLE);
  return pos < 0 ? null : fault("INVALID_CSET82_CHARACTER", pos, 1);
}

export function lintCset39(data: string): LintFault | null {
  const pos = firstOutside(data, CSET39_TABLE);
  return pos < 0 ? null : fault("INVALID_CSET39_CHARACTER", pos, 1);
}

/** CSET 64 is file-safe base64 with optional "=" padding to a multiple of three. */
export function lintCset64(data: string): LintFault | null {
  let len = data.length;
  let pads = 0;
  while (len > 0 && data[len - 1] === "=") {
    len--;
    pads++;
  }
  if (pads > 2 || (pads > 0 && (len + pads) % 3 !== 0)) return fault("INVALID_CSET64_PADDING", len, pads);
  const pos = firstOutside(data, CSET64_TABLE, len);
  return pos < 0 ? null : fault("INVALID_CSET64_CHARACTER", pos, 1);
}
