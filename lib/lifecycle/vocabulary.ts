// The CBV 2.0 business-step and disposition vocabularies, and the reading of a term in any of the
// forms EPCIS 2.0 allows (bare, URN, GS1 Web URI, JSON-LD compact), so the state table needs one key.

/** Every CBV 2.0 bizStep, as enumerated by the EPCIS 2.0 JSON schema. */
export const cbvBizSteps = [
  "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
  "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying",
  "disassembling", "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing",
  "killing", "loading", "other", "packing", "picking", "receiving", "removing", "repackaging", "repairing",
  "replacing", "reserving", "retail_selling", "shipping", "staging_outbound", "stock_taking", "stocking",
  "storing", "transporting", "unloading", "unpacking", "void_shipping", "sensor_reporting", "sampling",
] as const;
export type CbvBizStep = (typeof cbvBizSteps)[number];

/** Every CBV 2.0 disposition, as enumerated by the EPCIS 2.0 JSON schema. */
export const cbvDispositions = [
  "active", "container_closed", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired",
  "in_progress", "in_transit", "inactive", "no_pedigree_match", "non_sellable_other", "partially_dispensed",
  "recalled", "reserved", "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible",
  "stolen", "unknown", "available", "completeness_verified", "completeness_inferred", "conformant",
  "container_open", "mismatch_instance", "mismatch_class", "mismatch_quantity", "needs_replacement",
  "non_conformant", "unavailable",
] as const;
export type CbvDisposition = (typeof cbvDispositions)[number];

/** CBV source/destination types. */
export const cbvSourceDestTypes = ["owning_party", "possessing_party", "location"] as const;
export type CbvSourceDestType = (typeof cbvSourceDestTypes)[number];

type Vocabulary = "bizstep" | "disp" | "sdt";

// The URN vocabulary name and the Web URI prefix differ per vocabulary (CBV 2.0 §6/§8).
const FORMS: Record<Vocabulary, { urn: string; web: string }> = {
  bizstep: { urn: "urn:epcglobal:cbv:bizstep:", web: "BizStep-" },
  disp: { urn: "urn:epcglobal:cbv:disp:", web: "Disp-" },
  sdt: { urn: "urn:epcglobal:cbv:sdt:", web: "SDT-" },
};
const WEB_BASES = ["https://ns.gs1.org/cbv/", "https://ref.gs1.org/cbv/", "http://ns.gs1.org/cbv/", "cbv:"];

/**
 * The bare CBV term a value names, or null when it is not a CBV term of that vocabulary form
 * (an extension URI such as `urn:example:disp:quarantined` stays as it is, for policy lookups).
 */
function bareTerm(value: string, vocabulary: Vocabulary): string | null {
  const v = value.trim();
  const { urn, web } = FORMS[vocabulary];
  if (v.toLowerCase().startsWith(urn)) return v.slice(urn.length);
  for (const base of WEB_BASES) {
    if (v.startsWith(base + web)) return v.slice(base.length + web.length);
  }
  return /^[a-z_]+$/.test(v) ? v : null;
}

const BIZ_STEPS: ReadonlySet<string> = new Set(cbvBizSteps);
const DISPOSITIONS: ReadonlySet<string> = new Set(cbvDispositions);
const SOURCE_DEST_TYPES: ReadonlySet<string> = new Set(cbvSourceDestTypes);

export function toCbvBizStep(value: string | null | undefined): CbvBizStep | null {
  const term = value ? bareTerm(value, "bizstep") : null;
  return term !== null && BIZ_STEPS.has(term) ? (term as CbvBizStep) : null;
}

export function toCbvDisposition(value: string | null | undefined): CbvDisposition | null {
  const term = value ? bareTerm(value, "disp") : null;
  return term !== null && DISPOSITIONS.has(term) ? (term as CbvDisposition) : null;
}

export function toCbvSourceDestType(value: string | null | undefined): CbvSourceDestType | null {
  const term = value ? bareTerm(value, "sdt") : null;
  return term !== null && SOURCE_DEST_TYPES.has(term) ? (term as CbvSourceDestType) : null;
}
