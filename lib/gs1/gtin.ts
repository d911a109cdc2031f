// GTIN helpers: check digits and normalising GTIN-8/12/13 to the 14-digit form used in AI (01).
import { computeCheckDigit, hasValidCheckDigit } from "./check-digit";
import { fail, ok, type Gs1Result } from "./errors";

export { computeCheckDigit, hasValidCheckDigit };

export type GtinFormat = "GTIN-8" | "GTIN-12" | "GTIN-13" | "GTIN-14";

const FORMATS: Readonly<Record<number, GtinFormat>> = { 8: "GTIN-8", 12: "GTIN-12", 13: "GTIN-13", 14: "GTIN-14" };

/** Validate a GTIN-8/12/13/14 (digits and check digit) and return it padded to 14 digits. */
export function toGtin14(gtin: string): Gs1Result<string> {
  const format = FORMATS[gtin.length];
  if (!format) return fail("GTIN_LENGTH", "A GTIN has 8, 12, 13 or 14 digits", { offset: 0 });
  if (!/^\d+$/.test(gtin)) return fail("NON_DIGIT_CHARACTER", "A GTIN contains only digits", { offset: gtin.search(/\D/) });
  if (!hasValidCheckDigit(gtin)) return fail("INCORRECT_CHECK_DIGIT", "The GTIN check digit is incorrect", { offset: gtin.length - 1, length: 1 });
  return ok(gtin.padStart(14, "0"));
}

export function isValidGtin(gtin: string): boolean {
  return toGtin14(gtin).ok;
}

/** The shortest GTIN format that carries this GTIN-14 (leading zeros dropped). */
export function gtinFormat(gtin14: string): GtinFormat | null {
  if (!/^\d{14}$/.test(gtin14)) return null;
  if (gtin14.startsWith("000000")) return "GTIN-8";
  if (gtin14.startsWith("00")) return "GTIN-12";
  if (gtin14.startsWith("0")) return "GTIN-13";
  return "GTIN-14";
}

/** Append the check digit to a GTIN body of 7, 11, 12 or 13 digits. */
export function completeGtin(body: string): Gs1Result<string> {
  if (![7, 11, 12, 13].includes(body.length)) return fail("GTIN_LENGTH", "A GTIN body has 7, 11, 12 or 13 digits");
  const check = computeCheckDigit(body);
  return check === null ? fail("NON_DIGIT_CHARACTER", "A GTIN contains only digits") : ok(body + check);
}
