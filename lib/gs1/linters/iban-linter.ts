// ISO 13616 IBAN: alpha-2 country, mod-97 check digits.
import { isIso3166Alpha2 } from "./code-list-linters";
import { fault, type LintFault } from "./lint-result";

const IBAN_MIN_LENGTH = 10;
const IBAN_MAX_LENGTH = 34;

function ibanWeight(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

export function lintIban(data: string): LintFault | null {
  if (data.length < 4) return fault("IBAN_TOO_SHORT", 0, data.length);
  if (!isIso3166Alpha2(data.slice(0, 2))) return fault("ILLEGAL_IBAN_COUNTRY_CODE", 0, 2);
  if (data.length > IBAN_MAX_LENGTH) return fault("IBAN_TOO_LONG", 0, data.length);
  if (data.length <= IBAN_MIN_LENGTH) return fault("IBAN_TOO_SHORT", 0, data.length);
  let remainder = 0;
  for (let i = 4; i < data.length + 4; i++) {
    const pos = i < data.length ? i : i - data.length;
    const weight = ibanWeight(data[pos] ?? "");
    if (weight < 0) return fault("INVALID_IBAN_CHARACTER", pos, 1);
    remainder = (remainder * (weight < 10 ? 10 : 100) + weight) % 97;
  }
  return remainder === 1 ? null : fault("INCORRECT_IBAN_CHECKSUM", 2, 2);
}
