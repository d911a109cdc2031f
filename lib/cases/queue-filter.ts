// The queue's URL is its state: search params ⇄ a typed filter. Parsing is lenient — a hand-edited or
// stale link drops what it cannot read (and says so) instead of failing the page — and writing is its
// inverse, so tabs, sorting and pagination links keep every other filter.
import { z } from "zod";
import type { CaseQueueCursor, CaseQueueFilter, CaseQueueSearch } from "@/db/queries/case-queue";
import { caseSeverities, caseStatuses, type CaseStatus } from "@/db/schema";
import { parseBarcodeData, toGtin14 } from "@/lib/gs1";
import { VERDICT_RULES } from "@/lib/verdict/rules-catalogue";
import { activeCaseStatuses } from "./case-status";

export type SearchParamsInput = URLSearchParams | Record<string, string | readonly string[] | undefined>;

export interface QueueView {
  filter: CaseQueueFilter;
  /** The search box as typed (shown back in the box). */
  searchText: string;
  cursor: CaseQueueCursor;
  /** Parameters that were ignored, in words, for a notice above the queue. */
  ignored: string[];
}

/** No status in the URL: the work still to do. `status=all` lists every status. */
export const DEFAULT_STATUSES: readonly CaseStatus[] = activeCaseStatuses;
const MAX_SEARCH = 512;

const uuid = z.uuid();
const status = z.enum(caseStatuses);
const severity = z.enum(caseSeverities);
const rule = z.string().refine((code) => Object.hasOwn(VERDICT_RULES, code));
const gtin = z.string().transform((value, ctx) => {
  const normalised = toGtin14(value.trim());
  if (!normalised.ok) {
    ctx.addIssue({ code: "custom", message: "not a GTIN" });
    return z.NEVER;
  }
  return normalised.value;
});
const lot = z.string().trim().min(1).max(20);
const country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
const day = z.iso.date();
const assignee = z.enum(["anyone", "me", "unassigned"]);
const sort = z.enum(["risk", "recent"]);

function values(params: SearchParamsInput, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const v = params[name];
  return v === undefined ? [] : typeof v === "string" ? [v] : [...v];
}

/** Reads the queue's search params; never throws. */
export function parseQueueView(params: SearchParamsInput): QueueView {
  const ignored: string[] = [];
  const list = <T>(name: string, schema: z.ZodType<T>, label: string): T[] => {
    const out: T[] = [];
    for (const raw of values(params, name).flatMap((v) => v.split(","))) {
      if (raw.trim() === "") continue;
      const parsed = schema.safeParse(raw.trim());
      if (parsed.success) {
        if (!out.includes(parsed.data)) out.push(parsed.data);
      } else ignored.push(`${label} “${raw.slice(0, 40)}”`);
    }
    return out;
  };
  const one = <T>(name: string, schema: z.ZodType<T>, label: string): T | null => {
    const raw = values(params, name).find((v) => v.trim() !== "");
    if (raw === undefined) return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    ignored.push(`${label} “${raw.slice(0, 40)}”`);
    return null;
  };

  const rawStatuses = values(params, "status");
  // In lifecycle order, whatever the URL's, so equal selections compare (and link) equal.
  const chosen = rawStatuses.includes("all") ? [] : rawStatuses.length === 0 ? [...DEFAULT_STATUSES] : list("status", status, "status");
  const statuses = caseStatuses.filter((s) => chosen.includes(s));
  let from = one("from", day, "from date");
  let to = one("to", day, "to date");
  if (from && to && from > to) [from, to] = [to, from];

  const searchText = (values(params, "q")[0] ?? "").trim().slice(0, MAX_SEARCH);
  const after = one("after", uuid, "page");
  const before = after ? null : one("before", uuid, "page");

  return {
    filter: {
      statuses,
      severities: list("severity", severity, "severity"),
      rules: list("rule", rule, "rule"),
      gtin: one("product", gtin, "product"),
      lot: one("lot", lot, "lot"),
      country: one("country", country, "country"),
      seenFrom: from ? new Date(`${from}T00:00:00Z`) : null,
      // The "to" day is included: the range ends at the start of the next day.
      seenTo: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : null,
      assignee: one("assignee", assignee, "assignee") ?? "anyone",
      search: parseQueueSearch(searchText),
      sort: one("sort", sort, "sort") ?? "risk",
    },
    searchText,
    cursor: after ? { after } : before ? { before } : null,
    ignored,
  };
}

/**
 * The search box: a Digital Link URI, a bracketed element string, scanner output (raw GS-separated or
 * with a symbology identifier), an EPC URN — all read by lib/gs1 into GTIN + serial + lot — or else a
 * serial as printed. A bare number that is a valid GTIN may be either, so it matches both.
 */
export function parseQueueSearch(text: string): CaseQueueSearch | null {
  const input = text.trim();
  if (input === "") return null;
  const parsed = parseBarcodeData(input);
  if (parsed.ok && parsed.value.primaryKey?.ai === "01") {
    const gtinValue = toGtin14(parsed.value.primaryKey.value);
    const find = (ai: string) => parsed.value.elements.find((e) => e.ai === ai)?.value ?? null;
    if (gtinValue.ok) {
      if (parsed.value.kind === "gtin") return { kind: "serial", serial: input, gtin: gtinValue.value };
      return { kind: "code", gtin: gtinValue.value, serial: find("21"), lot: find("10") };
    }
  }
  return { kind: "serial", serial: input, gtin: null };
}

/** Search params for a view (defaults left out), so a link reproduces it; the cursor is the caller's. */
export function queueSearchParams(view: Pick<QueueView, "filter" | "searchText">, cursor: CaseQueueCursor = null): URLSearchParams {
  const f = view.filter;
  const params = new URLSearchParams();
  if (f.statuses.length === 0) params.append("status", "all");
  else if (!sameSet(f.statuses, DEFAULT_STATUSES)) for (const s of f.statuses) params.append("status", s);
  for (const s of f.severities) params.append("severity", s);
  for (const r of f.rules) params.append("rule", r);
  if (f.gtin) params.set("product", f.gtin);
  if (f.lot) params.set("lot", f.lot);
  if (f.country) params.set("country", f.country);
  if (f.seenFrom) params.set("from", f.seenFrom.toISOString().slice(0, 10));
  if (f.seenTo) params.set("to", new Date(f.seenTo.getTime() - 86_400_000).toISOString().slice(0, 10));
  if (f.assignee !== "anyone") params.set("assignee", f.assignee);
  if (view.searchText) params.set("q", view.searchText);
  if (f.sort !== "risk") params.set("sort", f.sort);
  if (cursor && "after" in cursor) params.set("after", cursor.after);
  if (cursor && "before" in cursor) params.set("before", cursor.before);
  return params;
}

/** The queue's URL for a view with some filter fields replaced (pagination starts over). */
export function queueHref(base: string, view: Pick<QueueView, "filter" | "searchText">, change: Partial<CaseQueueFilter> = {}, cursor: CaseQueueCursor = null): string {
  const query = queueSearchParams({ filter: { ...view.filter, ...change }, searchText: view.searchText }, cursor).toString();
  return query ? `${base}?${query}` : base;
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Is any filter beyond the statuses set? (The page then offers "Clear filters".) */
export function hasNarrowingFilters(view: Pick<QueueView, "filter" | "searchText">): boolean {
  const f = view.filter;
  return f.severities.length + f.rules.length > 0 || Boolean(f.gtin || f.lot || f.country || f.seenFrom || f.seenTo || view.searchText) || f.assignee !== "anyone";
}
