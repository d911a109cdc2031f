// Errors are values: a stable code, a sentence for people, and where the fault is.

export interface Gs1Error {
  /** Stable machine code, e.g. "INCORRECT_CHECK_DIGIT" or "DL_INVALID_KEY_QUALIFIER_SEQUENCE". */
  readonly code: string;
  readonly message: string;
  /** The AI at fault, when there is one. */
  readonly ai?: string;
  /** Character offset of the fault in the caller's input (UTF-16 code units), when known. */
  readonly offset?: number;
  /** Length of the faulty span, when known. */
  readonly length?: number;
}

export type Gs1Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Gs1Error };

export function ok<T>(value: T): Gs1Result<T> {
  return { ok: true, value };
}

/** The shared success of a check that has nothing to return: hot paths need not allocate one each time. */
export const OK_TRUE: Gs1Result<true> = Object.freeze({ ok: true, value: true });

export function fail<T = never>(code: string, message: string, where: { ai?: string; offset?: number; length?: number } = {}): Gs1Result<T> {
  const error: Gs1Error = { code, message, ...where };
  return { ok: false, error };
}

const LINTER_MESSAGES: Readonly<Record<string, string>> = {
  NON_DIGIT_CHARACTER: "A non-digit character was found where a digit is expected.",
  INVALID_CSET82_CHARACTER: "A non-CSET 82 character was found where a CSET 82 character is expected.",
  INVALID_CSET39_CHARACTER: "A non-CSET 39 character was found where a CSET 39 character is expected.",
  INVALID_CSET64_CHARACTER: "A non-CSET 64 character was found where a CSET 64 character is expected.",
  INVALID_CSET64_PADDING: "Incorrect number of CSET 64 pad characters.",
  INCORRECT_CHECK_DIGIT: "The numeric check digit is incorrect.",
  TOO_SHORT_FOR_CHECK_DIGIT: "The data is too short to contain a check digit.",
  INCORRECT_CHECK_PAIR: "The alphanumeric check-character pair are incorrect.",
  TOO_SHORT_FOR_CHECK_PAIR: "The component is too short to perform an alphanumeric check-character pair calculation.",
  TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION: "The component is too long to perform an alphanumeric check-character pair calculation.",
  TOO_SHORT_FOR_GCP: "The component is shorter than the minimum length GS1 Company Prefix.",
  INVALID_GCP_PREFIX: "The GS1 Company Prefix is invalid.",
  ILLEGAL_MONTH: "The date contains an illegal month of the year.",
  ILLEGAL_DAY: "The date contains an illegal day of the month.",
  ILLEGAL_HOUR: "The time contains an illegal hour.",
  ILLEGAL_MINUTE: "The time contains an illegal minute.",
  ILLEGAL_SECOND: "The time contains an illegal seconds value.",
  DATE_TOO_SHORT: "The date is too short.",
  DATE_TOO_LONG: "The date is too long.",
  NOT_ISO3166: "A valid ISO 3166 three-digit country code is required.",
  NOT_ISO3166_OR_999: "A valid ISO 3166 three-digit country code or 999 is required.",
  NOT_ISO3166_ALPHA2: "A valid ISO 3166 two-character country code is required.",
  NOT_ISO4217: "A valid ISO 4217 three-digit currency code is required.",
  INVALID_PERCENT_SEQUENCE: "The data contains an invalid percent-encoding sequence.",
  ILLEGAL_ZERO_VALUE: "A zero value is not permitted.",
  ILLEGAL_ZERO_PREFIX: "A number with a leading zero is not permitted.",
  NOT_ZERO: "A zero value is required.",
  NOT_ZERO_OR_ONE: "A value of 0 or 1 is required.",
  INVALID_WINDING_DIRECTION: "A valid winding direction (0, 1 or 9) is required.",
  ZERO_PIECE_NUMBER: "The piece number must not be zero.",
  ZERO_TOTAL_PIECES: "The total number of pieces must not be zero.",
  PIECE_NUMBER_EXCEEDS_TOTAL: "The piece number exceeds the total number of pieces.",
  IBAN_TOO_SHORT: "The IBAN is too short.",
  IBAN_TOO_LONG: "The IBAN is too long.",
  INVALID_IBAN_CHARACTER: "The IBAN contains an invalid character.",
  ILLEGAL_IBAN_COUNTRY_CODE: "The IBAN must start with a valid ISO 3166 two-character country code.",
  INCORRECT_IBAN_CHECKSUM: "The IBAN check digits are incorrect.",
  INVALID_LATITUDE: "The latitude is out of range.",
  INVALID_LONGITUDE: "The longitude is out of range.",
  NOT_HYPHEN: "A hyphen is required.",
  INVALID_BIOLOGICAL_SEX_CODE: "A valid ISO 5218 biological sex code is required.",
  POSITION_IN_SEQUENCE_MALFORMED: "The position in sequence must be <position>/<end>.",
  POSITION_EXCEEDS_END: "The position in sequence exceeds the end.",
  INVALID_IMPORT_IDX_CHARACTER: "The importer index is not a valid character.",
  INVALID_MEDIA_TYPE: "A valid AIDC media type is required.",
  INVALID_PACKAGE_TYPE: "A valid package type code is required.",
  REQUIRES_NON_DIGIT_CHARACTER: "A non-digit character is required.",
};

export function linterMessage(code: string): string {
  const known = LINTER_MESSAGES[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, " ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}
