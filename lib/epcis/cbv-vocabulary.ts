// CBV 2.0 code lists and the three spellings of a CBV term: bare ("shipping"), URN
// ("urn:epcglobal:cbv:bizstep:shipping") and GS1 web URI ("https://ref.gs1.org/cbv/BizStep-shipping").
import { isUri } from "./formats";

export const BIZ_STEPS: ReadonlySet<string> = new Set([
  "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning", "creating_class_instance",
  "cycle_counting", "decommissioning", "departing", "destroying", "disassembling", "dispensing", "encoding",
  "entering_exiting", "holding", "inspecting", "installing", "killing", "loading", "other", "packing", "picking",
  "receiving", "removing", "repackaging", "repairing", "replacing", "reserving", "retail_selling", "shipping",
  "staging_outbound", "stock_taking", "stocking", "storing", "transporting", "unloading", "unpacking",
  "void_shipping", "sensor_reporting", "sampling",
]);

export const DISPOSITIONS: ReadonlySet<string> = new Set([
  "active", "container_closed", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired",
  "in_progress", "in_transit", "inactive", "no_pedigree_match", "non_sellable_other", "partially_dispensed",
  "recalled", "reserved", "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen",
  "unknown", "available", "completeness_verified", "completeness_inferred", "conformant", "container_open",
  "mismatch_instance", "mismatch_class", "mismatch_quantity", "needs_replacement", "non_conformant", "unavailable",
]);

export const BIZ_TRANSACTION_TYPES: ReadonlySet<string> = new Set([
  "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd", "testres", "upevt",
]);

export const SOURCE_DESTINATION_TYPES: ReadonlySet<string> = new Set(["owning_party", "possessing_party", "location"]);
export const ERROR_REASONS: ReadonlySet<string> = new Set(["did_not_occur", "incorrect_data"]);

export type CbvVocabulary = "bizstep" | "disp" | "btt" | "sdt" | "er";

const TERMS: Readonly<Record<CbvVocabulary, ReadonlySet<string>>> = {
  bizstep: BIZ_STEPS, disp: DISPOSITIONS, btt: BIZ_TRANSACTION_TYPES, sdt: SOURCE_DESTINATION_TYPES, er: ERROR_REASONS,
};

// Web-URI class names of each vocabulary, as in https://ref.gs1.org/cbv/BizStep-shipping.
const WEB_CLASS: Readonly<Record<CbvVocabulary, string>> = { bizstep: "BizStep", disp: "Disp", btt: "BTT", sdt: "SDT", er: "ER" };

// Namespaces that claim to be CBV: a term under them must be a real CBV term.
const CBV_NAMESPACE = /^(?:urn:epcglobal:cbv:|https?:\/\/(?:ref|ns)\.gs1\.org\/cbv\/)/;

export type VocabularyValue =
  | { readonly ok: true; readonly cbv: true; readonly term: string }
  | { readonly ok: true; readonly cbv: false; readonly uri: string }
  | { readonly ok: false; readonly message: string };

/**
 * Classify a value of a CBV-typed field. CBV terms in any spelling normalise to the bare term; any other
 * absolute URI is a user extension (EPCIS 2.0 allows them); anything else is refused.
 */
export function readVocabulary(vocabulary: CbvVocabulary, value: unknown): VocabularyValue {
  if (typeof value !== "string") return { ok: false, message: "must be a string" };
  const terms = TERMS[vocabulary];
  if (terms.has(value)) return { ok: true, cbv: true, term: value };
  const term = cbvTerm(vocabulary, value);
  if (term !== null) {
    return terms.has(term) ? { ok: true, cbv: true, term } : { ok: false, message: `"${value}" is not a CBV 2.0 ${WEB_CLASS[vocabulary]} value` };
  }
  if (CBV_NAMESPACE.test(value)) return { ok: false, message: `"${value}" is not a CBV 2.0 ${WEB_CLASS[vocabulary]} value` };
  if (isUri(value) && value.includes(":")) return { ok: true, cbv: false, uri: value };
  return { ok: false, message: `"${value}" is neither a CBV 2.0 ${WEB_CLASS[vocabulary]} value nor an absolute URI` };
}

function cbvTerm(vocabulary: CbvVocabulary, value: string): string | null {
  const urn = `urn:epcglobal:cbv:${vocabulary}:`;
  if (value.startsWith(urn)) return value.slice(urn.length);
  const web = /^https?:\/\/(?:ref|ns)\.gs1\.org\/cbv\/([A-Za-z]+)-(.+)$/.exec(value);
  if (web && web[1] === WEB_CLASS[vocabulary]) return web[2] ?? null;
  return null;
}

/** The bare CBV term, or the URI unchanged for a non-CBV value (null when invalid). */
export function normaliseVocabulary(vocabulary: CbvVocabulary, value: unknown): string | null {
  const read = readVocabulary(vocabulary, value);
  if (!read.ok) return null;
  return read.cbv ? read.term : read.uri;
}
