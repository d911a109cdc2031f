// String formats the EPCIS 2.0 JSON schema relies on (JSON Schema "uri" and "date-time"), written out so
// the product does not ship the schema itself. Kept close to ajv-formats' "full" mode.

// RFC 3986 characters outside the authority's IP-literal form; "%" only as a valid escape.
const URI = /^[a-z][a-z0-9+.-]*:(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/** An absolute URI (scheme required), as JSON Schema's "uri" format. Prefixed names such as "ext1:float" qualify. */
export function isUri(value: unknown): value is string {
  return typeof value === "string" && URI.test(value);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
}

/**
 * Parse an RFC 3339 date-time with a mandatory offset into epoch milliseconds (null when invalid).
 * Computed from the fields rather than Date.parse, whose leniency differs between engines.
 * Sub-millisecond digits are truncated; leap seconds (":60") are refused.
 */
export function parseDateTime(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const millis = m[7] ? Number(m[7].slice(1, 4).padEnd(3, "0")) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** EPCIS eventTimeZoneOffset: ±hh:mm within ±14:00 (the schema's own pattern). */
export const TIME_ZONE_OFFSET = /^[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)$/;

export const SCHEMA_VERSION = /^\d+(?:\.\d+)*$/;
export const UOM = /^[A-Z0-9]{2,3}$/;
export const HEX_BINARY = /^[A-Fa-f0-9]+$/;
