// Linters on the structure of keys and numeric fields: company-prefix position, zero/non-zero, piece of total...
import { fault, firstNonDigit, type LintFault } from "./lint-result";

const GCP_MIN_LENGTH = 4;

/** The data starts with a GS1 Company Prefix (we can only check the minimum-length all-digit prefix offline). */
export function lintGcppos1(data: string): LintFault | null {
  if (data.length < GCP_MIN_LENGTH) return fault("TOO_SHORT_FOR_GCP", 0, data.length);
  const bad = firstNonDigit(data, 0, GCP_MIN_LENGTH);
  return bad >= 0 ? fault("INVALID_GCP_PREFIX", bad, 1) : null;
}

/** As gcppos1, but the GCP starts after a leading indicator / extension digit. */
export function lintGcppos2(data: string): LintFault | null {
  if (data.length < GCP_MIN_LENGTH + 1) return fault("TOO_SHORT_FOR_GCP", 0, data.length);
  const result = lintGcppos1(data.slice(1));
  return result ? fault(result.code, result.pos + 1, result.len) : null;
}

export function lintZero(data: string): LintFault | null {
  return data === "0" ? null : fault("NOT_ZERO", 0, data.length);
}

export function lintNonZero(data: string): LintFault | null {
  return /^0*$/.test(data) ? fault("ILLEGAL_ZERO_VALUE", 0, data.length) : null;
}

export function lintYesNo(data: string): LintFault | null {
  return data === "0" || data === "1" ? null : fault("NOT_ZERO_OR_ONE", 0, data.length);
}

export function lintWinding(data: string): LintFault | null {
  return data === "0" || data === "1" || data === "9" ? null : fault("INVALID_WINDING_DIRECTION", 0, data.length);
}

export function lintHyphen(data: string): LintFault | null {
  for (let i = 0; i < data.length; i++) if (data[i] !== "-") return fault("NOT_HYPHEN", i, 1);
  return null;
}

export function lintNoZeroPrefix(data: string): LintFault | null {
  return data.length > 1 && data[0] === "0" ? fault("ILLEGAL_ZERO_PREFIX", 0, 1) : null;
}

export function lintHasNonDigit(data: string): LintFault | null {
  return firstNonDigit(data) >= 0 ? null : fault("REQUIRES_NON_DIGIT_CHARACTER", 0, data.length);
}

/** NNMM: piece number NN of MM total pieces. */
export function lintPieceOfTotal(data: string): LintFault | null {
  if (data.length % 2 !== 0) return fault("PIECE_TOTAL_MUST_BE_EVEN_LENGTH", 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fault("NON_DIGIT_CHARACTER", bad, 1);
  const half = data.length / 2;
  const piece = Number(data.slice(0, half));
  const total = Number(data.slice(half));
  if (piece === 0) return fault("ZERO_PIECE_NUMBER", 0, half);
  if (total === 0) return fault("ZERO_TOTAL_PIECES", half, half);
  return piece > total ? fault("PIECE_NUMBER_EXCEEDS_TOTAL", 0, data.length) : null;
}

/** "<pos>/<end>" with no zero prefixes and pos not after end. */
export function lintPosInSeqSlash(data: string): LintFault | null {
  const match = /^(\d+)\/(\d+)$/.exec(data);
  if (!match) return fault("POSITION_IN_SEQUENCE_MALFORMED", 0, data.length);
  const pos = match[1] ?? "";
  const end = match[2] ?? "";
  if (pos.startsWith("0")) return fault("ILLEGAL_ZERO_PREFIX", 0, pos.length);
  if (end.startsWith("0")) return fault("ILLEGAL_ZERO_PREFIX", pos.length + 1, end.length);
  const exceeds = pos.length !== end.length ? pos.length > end.length : pos > end;
  return exceeds ? fault("POSITION_EXCEEDS_END", 0, data.length) : null;
}

/** Latitude as N10: 0 to 1800000000 (offset by 90 degrees, 10^-7 resolution). */
export function lintLatitude(data: string): LintFault | null {
  if (data.length !== 10 || firstNonDigit(data) >= 0) return fault("INVALID_LATITUDE", 0, data.length);
  return Number(data) > 1800000000 ? fault("INVALID_LATITUDE", 0, data.length) : null;
}

/** Longitude as N10: 0 to 3600000000 (offset by 180 degrees, 10^-7 resolution). */
export function lintLongitude(data: string): LintFault | null {
  if (data.length !== 10 || firstNonDigit(data) >= 0) return fault("INVALID_LONGITUDE", 0, data.length);
  return Number(data) > 3600000000 ? fault("INVALID_LONGITUDE", 0, data.length) : null;
}

/** Correct RFC 3986 percent-encoding: every "%" is followed by two hex digits. */
export function lintPcenc(data: string): LintFault | null {
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== "%") continue;
    if (i + 2 >= data.length) return fault("INVALID_PERCENT_SEQUENCE", i, data.length - i);
    if (!/^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) return fault("INVALID_PERCENT_SEQUENCE", i, 3);
    i += 2;
  }
  return null;
}

/** EU 2018/574 importer index: a single character from -, 0-9, A-Z, _, a-z. */
export function lintImporterIdx(data: string): LintFault | null {
  if (data.length !== 1) return fault("IMPORTER_IDX_MUST_BE_ONE_CHARACTER", 0, data.length);
  return /^[-0-9A-Z_a-z]$/.test(data) ? null : fault("INVALID_IMPORT_IDX_CHARACTER", 0, 1);
}
