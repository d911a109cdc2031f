// The insights page's date range: a preset (the last 7, 30 or 90 days) or custom dates, in UTC days,
// both ends included. Parsed from the page's query string and the export's, with one zod schema.
import { z } from "zod";

export const rangePresets = ["7d", "30d", "90d"] as const;
export type RangePreset = (typeof rangePresets)[number];

const presetDays: Record<RangePreset, number> = { "7d": 7, "30d": 30, "90d": 90 };

/** Long enough for a year-on-year look; the rollups keep even this cheap. */
export const MAX_RANGE_DAYS = 731;
/** Scans are kept from the product's launch; nothing older is worth asking for. */
const EARLIEST_DAY = "2020-01-01";

export interface DateRange {
  preset: RangePreset | "custom";
  /** First and last UTC day, inclusive, YYYY-MM-DD. */
  from: string;
  to: string;
  days: number;
}

export type ParsedDateRange = { ok: true; range: DateRange } | { ok: false; error: string; range: DateRange };

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-25.").refine((v) => isRealDay(v), "That date does not exist.");

export const dateRangeQuery = z.object({
  range: z.enum([...rangePresets, "custom"]).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
export type DateRangeQuery = z.input<typeof dateRangeQuery>;

const DAY_MS = 86_400_000;

function isRealDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export function presetRange(preset: RangePreset, today: Date): DateRange {
  const to = utcDay(today);
  const days = presetDays[preset];
  return { preset, from: addDays(to, -(days - 1)), to, days };
}

/** The first query value when a parameter is repeated (Next gives string[] then). */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Parse the range from query parameters. Anything unusable falls back to the last 30 days, with an
 * error saying why, so the page can show both the message and a working overview.
 */
export function parseDateRange(params: Record<string, unknown>, today: Date): ParsedDateRange {
  const fallback = presetRange("30d", today);
  const parsed = dateRangeQuery.safeParse({ range: first(params.range) || undefined, from: first(params.from) || undefined, to: first(params.to) || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] === "range" ? "Range" : issue.path[0] === "from" ? "From" : "To";
    return { ok: false, error: `${field}: ${issue.path[0] === "range" ? "choose 7, 30 or 90 days, or custom dates." : issue.message}`, range: fallback };
  }
  const { range, from, to } = parsed.data;
  const preset = range ?? (from || to ? "custom" : "30d");
  if (preset !== "custom") return { ok: true, range: presetRange(preset, today) };
  const last = to ?? utcDay(today);
  const start = from ?? addDays(last, -29);
  if (start > last) return { ok: false, error: "From must be on or before To.", range: fallback };
  if (start < EARLIEST_DAY) return { ok: false, error: `From must be on or after ${EARLIEST_DAY}.`, range: fallback };
  if (last > utcDay(today)) return { ok: false, error: "To cannot be in the future.", range: fallback };
  const days = daysBetween(start, last);
  if (days > MAX_RANGE_DAYS) return { ok: false, error: `Choose at most ${MAX_RANGE_DAYS} days.`, range: fallback };
  return { ok: true, range: { preset: "custom", from: start, to: last, days } };
}

/** Every day of the range, in order. */
export function daysOf(range: Pick<DateRange, "from" | "to">): string[] {
  const out: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The half-open instant interval [start, end) covering the range's days, for queries on timestamps. */
export function rangeInstants(range: Pick<DateRange, "from" | "to">): { start: Date; end: Date } {
  return { start: new Date(`${range.from}T00:00:00Z`), end: new Date(`${addDays(range.to, 1)}T00:00:00Z`) };
}

export function rangeLabel(range: DateRange): string {
  if (range.preset !== "custom") return `Last ${range.days} days (${range.from} to ${range.to}, UTC)`;
  return `${range.from} to ${range.to} (${range.days} ${range.days === 1 ? "day" : "days"}, UTC)`;
}
