// GS1 check digits: mod-10 for numeric keys and the mod-1021 check-character pair for alphanumeric keys.
import { CSET82 } from "./linters/cset-linters";
import { fault, firstNonDigit, type LintFault } from "./linters/lint-result";

/**
 * GS1 mod-10 check digit for the given digits (without the check digit).
 * Weights 3,1,3,... apply from the rightmost digit, so the function suits GTIN-8/12/13/14, GLN, SSCC, GSRN...
 * Returns null when the input is not all digits.
 */
export function computeCheckDigit(digits: string): string | null {
  if (firstNonDigit(digits) >= 0) return null;
  let sum = 0;
  let weight = 3;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += weight * (digits.charCodeAt(i) - 48);
    weight = 4 - weight;
  }
  return String((10 - (sum % 10)) % 10);
}

/** True when the last digit of a numeric string is its correct GS1 mod-10 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  return digits.length > 0 && computeCheckDigit(digits.slice(0, -1)) === digits.slice(-1);
}

export function lintCsum(data: string): LintFault | null {
  if (data.length === 0) return fault("TOO_SHORT_FOR_CHECK_DIGIT", 0, 0);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fault("NON_DIGIT_CHARACTER", bad, 1);
  return hasValidCheckDigit(data) ? null : fault("INCORRECT_CHECK_DIGIT", data.length - 1, 1);
}

const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109,
  113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241,
  251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389,
  397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509,
];
const CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** The two check characters for an alphanumeric key body (e.g. a GMN without its pair); null if not CSET 82. */
export function computeCheckPair(body: string): string | null {
  if (body.length > PRIMES.length) return null;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = CSET82.indexOf(body[i] ?? "");
    if (value < 0) return null;
    sum += value * (PRIMES[body.length - 1 - i] ?? 0);
  }
  sum %= 1021;
  return (CSET32[sum >> 5] ?? "") + (CSET32[sum & 31] ?? "");
}

export function lintCsumAlpha(data: string): LintFault | null {
  const len = data.length;
  if (len < 2) return fault("TOO_SHORT_FOR_CHECK_PAIR", 0, len);
  if (len - 2 > PRIMES.length) return fault("TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION", 0, len);
  for (let i = 0; i < len - 2; i++) {
    if (!CSET82.includes(data[i] ?? "")) return fault("INVALID_CSET82_CHARACTER", i, 1);
  }
  return computeCheckPair(data.slice(0, -2)) === data.slice(-2) ? null : fault("INCORRECT_CHECK_PAIR", len - 2, 2);
}
