// One CSV record → a checked import row, or every fault in it with its column. GS1 rules (check digits,
// character sets, lengths) come from lib/gs1; times from lib/epcis; countries from lib/lifecycle.
import { parseDateTime } from "@/lib/epcis";
import { getAiEntry, parseBarcodeData, toGtin14, validateAiValue } from "@/lib/gs1";
import { toCountryCode } from "@/lib/lifecycle";
import type { ColumnIndex, ImportColumn } from "./import-columns";
import { IMPORT_STATUSES, importStatusName, type StatusEvent } from "./import-statuses";

export interface RowError {
  /** 1-based line number in the file (the header is line 1). */
  row: number;
  /** The column at fault, or "" for the row as a whole. */
  column: ImportColumn | "";
  value: string;
  message: string;
}

export interface ImportRow {
  line: number;
  gtin: string;
  serial: string;
  lot?: string;
  /** YYYY-MM-DD */
  expiry?: string;
  statusName: string;
  status: StatusEvent;
  /** As written; absent means "the time of the import". */
  eventTime?: { millis: number; offset: string };
  market?: string;
  /** The location as an EPCIS URI: an SGLN URN or a GLN Digital Link. */
  location?: string;
}

export type RowResult = { ok: true; row: ImportRow } | { ok: false; errors: RowError[] };

const MAX_VALUE_IN_REPORT = 200;
/** Event times further ahead than this are typos (2062 for 2026) that would pin a unit's state forever. */
const FUTURE_TOLERANCE_MS = 60 * 60_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET = /(?:[Zz]|([+-]\d{2}):?(\d{2}))$/;

function aiProblem(ai: string, value: string): string | null {
  const entry = getAiEntry(ai);
  if (!entry) return `AI (${ai}) is missing from the GS1 dictionary.`;
  const result = validateAiValue(ai, entry, value, 0);
  return result.ok ? null : result.error.message;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** AI (17) YYMMDD as YYYY-MM-DD: 20YY as lib/serials writes it; day 00 is the month's last day (GS1). */
export function ai17ToDate(yymmdd: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!m) return null;
  const [year, month] = [2000 + Number(m[1]), Number(m[2])];
  const day = m[3] === "00" ? new Date(Date.UTC(year, month, 0)).getUTCDate() : Number(m[3]);
  const text = `${year}-${m[2]}-${String(day).padStart(2, "0")}`;
  return month >= 1 && month <= 12 && isCalendarDate(text) ? text : null;
}

/** An SGLN URN, a GLN Digital Link (AI 414) or a bare 13-digit GLN, as an EPCIS location URI. */
function locationUri(value: string): { uri: string } | { problem: string } {
  const bare = /^\d{13}$/.test(value);
  if (!bare && !value.startsWith("urn:epc:id:sgln:") && !/^https?:\/\//i.test(value)) {
    return { problem: "A location is a GLN (13 digits), an SGLN URN (urn:epc:id:sgln:…) or a GS1 Digital Link with AI 414." };
  }
  const parsed = parseBarcodeData(bare ? `(414)${value}` : value);
  if (!parsed.ok) return { problem: parsed.error.message };
  if (parsed.value.primaryKey?.ai !== "414") return { problem: "A location must identify a GLN (AI 414)." };
  return { uri: bare || parsed.value.kind !== "epc-urn" ? parsed.value.canonicalUri : value };
}

type Fields = Pick<ImportRow, "gtin" | "serial" | "lot" | "expiry">;

/** gtin, serial, lot and expiry from a Digital Link or element string in the uri column. */
function fromUri(value: string, fail: (message: string) => void): Partial<Fields> {
  const parsed = parseBarcodeData(value);
  if (!parsed.ok) {
    fail(parsed.error.message);
    return {};
  }
  const ai = (code: string) => parsed.value.elements.find((e) => e.ai === code)?.value;
  const [gtin, serial, lot, ai17] = [ai("01"), ai("21"), ai("10"), ai("17")];
  if (!gtin || !serial) {
    fail("The uri must hold a GTIN (AI 01) and a serial number (AI 21).");
    return {};
  }
  const expiry = ai17 === undefined ? undefined : (ai17ToDate(ai17) ?? undefined);
  if (ai17 !== undefined && !expiry) fail(`AI (17) ${ai17} is not a date from 2000 to 2099.`);
  return { gtin, serial, ...(lot ? { lot } : {}), ...(expiry ? { expiry } : {}) };
}

/**
 * Check one record against the header. `now` bounds event_time; it is a parameter so that tests, and
 * the chunks of one import, agree on it.
 */
export function parseImportRow(record: readonly string[], line: number, columns: ColumnIndex, width: number, now: number): RowResult {
  const errors: RowError[] = [];
  const fail = (column: RowError["column"], value: string, message: string) =>
    errors.push({ row: line, column, value: value.length > MAX_VALUE_IN_REPORT ? `${value.slice(0, MAX_VALUE_IN_REPORT)}…` : value, message });
  if (record.length !== width) {
    fail("", record.join(","), `The row has ${record.length} field${record.length === 1 ? "" : "s"}; the header has ${width}.`);
    return { ok: false, errors };
  }
  const cell = (column: ImportColumn) => {
    const index = columns[column];
    return index === undefined ? "" : (record[index] ?? "").trim();
  };

  let fields: Partial<Fields> = {};
  if (columns.uri !== undefined) {
    const uri = cell("uri");
    if (!uri) fail("uri", uri, "A GS1 Digital Link or element string is required.");
    else fields = fromUri(uri, (message) => fail("uri", uri, message));
  } else {
    const [gtin, serial, lot, expiry] = [cell("gtin"), cell("serial"), cell("lot"), cell("expiry")];
    const gtin14 = toGtin14(gtin);
    if (!gtin) fail("gtin", gtin, "A GTIN is required.");
    else if (!gtin14.ok) fail("gtin", gtin, `${gtin14.error.message}.`);
    const serialProblem = serial ? aiProblem("21", serial) : "A serial number is required.";
    if (serialProblem) fail("serial", serial, serialProblem);
    const lotProblem = lot ? aiProblem("10", lot) : null;
    if (lotProblem) fail("lot", lot, lotProblem);
    if (expiry && !isCalendarDate(expiry)) fail("expiry", expiry, "The expiry is a date written YYYY-MM-DD.");
    fields = { ...(gtin14.ok ? { gtin: gtin14.value } : {}), serial, ...(lot ? { lot } : {}), ...(expiry ? { expiry } : {}) };
  }

  const statusText = cell("status");
  const statusName = importStatusName(statusText);
  if (!statusName) fail("status", statusText, statusText ? `Unknown status; use one of: ${Object.keys(IMPORT_STATUSES).join(", ")}.` : "A status is required.");

  const timeText = cell("event_time");
  let eventTime: ImportRow["eventTime"];
  if (timeText) {
    const millis = parseDateTime(timeText);
    const offset = OFFSET.exec(timeText);
    if (millis === null || !offset) fail("event_time", timeText, "The event time is an ISO 8601 date-time with its offset, e.g. 2026-03-01T14:30:00+01:00 or …Z.");
    else if (millis > now + FUTURE_TOLERANCE_MS) fail("event_time", timeText, "The event time is in the future.");
    else eventTime = { millis, offset: offset[1] ? `${offset[1]}:${offset[2]}` : "+00:00" };
  }

  const marketText = cell("market");
  const market = toCountryCode(marketText);
  if (marketText && !market) fail("market", marketText, "The market is an ISO 3166-1 alpha-2 country code, e.g. DE.");

  const locationText = cell("location");
  const location = locationText ? locationUri(locationText) : null;
  if (location && "problem" in location) fail("location", locationText, location.problem);

  if (errors.length || !statusName || !fields.gtin || !fields.serial) return { ok: false, errors };
  return {
    ok: true,
    row: {
      line,
      gtin: fields.gtin,
      serial: fields.serial,
      ...(fields.lot ? { lot: fields.lot } : {}),
      ...(fields.expiry ? { expiry: fields.expiry } : {}),
      statusName,
      status: IMPORT_STATUSES[statusName]!,
      ...(eventTime ? { eventTime } : {}),
      ...(market ? { market } : {}),
      ...(location && "uri" in location ? { location: location.uri } : {}),
    },
  };
}
