// Instance/lot master data (ILMD) that sets a unit's lot and dates, read from CBV master-data attributes
// in any of their spellings: "cbvmda:lotNumber", "urn:epcglobal:cbv:mda#lotNumber", "urn:epcglobal:cbv:mda:lotNumber",
// "https://ref.gs1.org/cbv/…", or a prefix the event/document @context maps to the CBV master-data namespace.
import { isRecord, type JsonRecord } from "./types";

export interface IlmdData {
  readonly lot?: string;
  /** YYYY-MM-DD */
  readonly expiryDate?: string;
  readonly bestBeforeDate?: string;
  readonly productionDate?: string;
}

// CBV 2.0 names itemExpirationDate, bestBeforeDate and lotNumber; productionDate is not a CBV master-data
// attribute, but brands send it (mirroring AI 11), so the same namespaces are accepted for it.
const ATTRIBUTES: Readonly<Record<string, keyof IlmdData>> = {
  lotNumber: "lot", itemExpirationDate: "expiryDate", bestBeforeDate: "bestBeforeDate", productionDate: "productionDate",
};

const CBV_MDA_NAMESPACES: readonly string[] = ["urn:epcglobal:cbv:mda#", "urn:epcglobal:cbv:mda:", "https://ref.gs1.org/cbv/", "https://ns.gs1.org/cbv/"];

/** Prefixes bound to a CBV master-data namespace: "cbvmda" always, plus any the JSON-LD contexts declare. */
function mdaPrefixes(contexts: readonly unknown[]): Set<string> {
  const prefixes = new Set(["cbvmda"]);
  for (const context of contexts) {
    for (const entry of Array.isArray(context) ? context : [context]) {
      if (!isRecord(entry)) continue;
      for (const [prefix, iri] of Object.entries(entry)) {
        if (typeof iri === "string" && CBV_MDA_NAMESPACES.includes(iri)) prefixes.add(prefix);
      }
    }
  }
  return prefixes;
}

function localName(key: string, prefixes: ReadonlySet<string>): string | null {
  for (const namespace of CBV_MDA_NAMESPACES) if (key.startsWith(namespace)) return key.slice(namespace.length);
  const colon = key.indexOf(":");
  return colon > 0 && prefixes.has(key.slice(0, colon)) ? key.slice(colon + 1) : null;
}

/** A date as YYYY-MM-DD from "YYYY-MM-DD" or a date-time (its calendar date as written), else undefined. */
function calendarDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[Tt ])/.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * Read lot and dates from an event's ilmd. `contexts` are the @context values in scope (document and
 * event) so that a custom prefix for the CBV master-data namespace is understood. Unparseable values are
 * left out rather than guessed.
 */
export function readIlmd(event: JsonRecord, contexts: readonly unknown[] = []): IlmdData {
  const ilmd = event.ilmd;
  if (!isRecord(ilmd)) return {};
  const prefixes = mdaPrefixes([...contexts, event["@context"]]);
  const found: { -readonly [K in keyof IlmdData]?: string } = {};
  for (const [key, value] of Object.entries(ilmd)) {
    const name = localName(key, prefixes);
    const field = name === null ? undefined : ATTRIBUTES[name];
    if (!field) continue;
    const text = field === "lot" ? (typeof value === "string" && value.length > 0 ? value : undefined) : calendarDate(value);
    if (text !== undefined) found[field] = text;
  }
  return found;
}
