// Date and time component linters (YYMMDD with or without day 00, YYYYMMDD, hours, minutes, seconds).
import { fault, firstNonDigit, type LintFault } from "./lint-result";

// GS1's reference linters resolve YY with a horizon around a fixed year (2021); for leap-year purposes
// only century years differ, and "00" resolves to 2000 for any horizon year in this century.
const HORIZON_YEAR = 21;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkYyyymmdd(data: string, allowDayZero: boolean): LintFault | null {
  if (data.length !== 8) return fault(data.length < 8 ? "DATE_TOO_SHORT" : "DATE_TOO_LONG", 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fault("NON_DIGIT_CHARACTER", bad, 1);
  const year = Number(data.slice(0, 4));
  const month = Number(data.slice(4, 6));
  const day = Number(data.slice(6, 8));
  if (month < 1 || month > 12) return fault("ILLEGAL_MONTH", 4, 2);
  if ((day === 0 && !allowDayZero) || day > daysInMonth(year, month)) return fault("ILLEGAL_DAY", 6, 2);
  return null;
}

function checkYymmdd(data: string, allowDayZero: boolean): LintFault | null {
  if (data.length !== 6) return fault(data.length < 6 ? "DATE_TOO_SHORT" : "DATE_TOO_LONG", 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fault("NON_DIGIT_CHARACTER", bad, 1);
  const yy = Number(data.slice(0, 2));
  const century = yy - HORIZON_YEAR >= 51 ? "19" : yy - HORIZON_YEAR > -50 ? "20" : "21";
  const result = checkYyyymmdd(century + data, allowDayZero);
  return result ? fault(result.code, result.pos - 2, result.len) : null;
}

export const lintYymmdd = (data: string): LintFault | null => checkYymmdd(data, false);
export const lintYymmd0 = (data: string): LintFault | null => checkYymmdd(data, true);
export const lintYyyymmdd = (data: string): LintFault | null => checkYyyymmdd(data, false);
export const lintYyyymmd0 = (data: string): LintFault | null => checkYyyymmdd(data, true);

function twoDigitsInRange(data: string, max: number, code: string, tooShort: string): LintFault | null {
  if (data.length !== 2) return fault(tooShort, 0, data.length);
  const bad = firstNonDigit(data);
  if (bad >= 0) return fault("NON_DIGIT_CHARACTER", bad, 1);
  return Number(data) > max ? fault(code, 0, 2) : null;
}

export const lintHh = (data: string): LintFault | null => twoDigitsInRange(data, 23, "ILLEGAL_HOUR", "HOUR_TOO_SHORT");
export const lintMi = (data: string): LintFault | null => twoDigitsInRange(data, 59, "ILLEGAL_MINUTE", "MINUTE_TOO_SHORT");
export const lintSs = (data: string): LintFault | null => twoDigitsInRange(data, 59, "ILLEGAL_SECOND", "SECOND_TOO_SHORT");

export function lintHhmi(data: string): LintFault | null {
  if (data.length !== 4) return fault(data.length < 4 ? "TIME_TOO_SHORT" : "TIME_TOO_LONG", 0, data.length);
  const hour = lintHh(data.slice(0, 2));
  if (hour) return hour;
  const minute = lintMi(data.slice(2));
  return minute ? fault(minute.code, minute.pos + 2, minute.len) : null;
}

/** YYMMDDHH: a date followed by an hour. */
export function lintYymmddhh(data: string): LintFault | null {
  if (data.length !== 8) return fault(data.length < 8 ? "DATE_TOO_SHORT" : "DATE_TOO_LONG", 0, data.length);
  const date = lintYymmdd(data.slice(0, 6));
  if (date) return date;
  const hour = lintHh(data.slice(6));
  return hour ? fault(hour.code, hour.pos + 6, hour.len) : null;
}
