// Event identity for idempotent capture: the eventID when given, else a deterministic content hash.
//
// This is NOT (yet) the CBV 2.0 §8.9 event hash: that algorithm's pre-hash string (fixed field order,
// CURIE expansion through @context, EPC URN -> canonical Digital Link, sensor-data ordering) was too large to
// finish and verify here. What we compute is a documented canonical hash, tagged "?ver=genuine-canonical-1"
// so it can never be mistaken for a CBV2.0 hash. See README.md ("Event identity").
import { createHash } from "node:crypto";

import { normaliseVocabulary, type CbvVocabulary } from "./cbv-vocabulary";
import { parseDateTime } from "./formats";
import { parseObjectIdentifier } from "./identifiers";
import { isRecord, type JsonRecord } from "./types";

export const CANONICAL_HASH_VERSION = "genuine-canonical-1";

// Fields that describe the capture, not the event (as in CBV 2.0 §8.9): replays differ in these only.
// errorDeclaration is left out too, so an error declaration shares the identity of the event it retracts.
const EXCLUDED: ReadonlySet<string> = new Set(["eventID", "recordTime", "errorDeclaration", "@context"]);

const VOCABULARY_FIELDS: Readonly<Record<string, CbvVocabulary>> = { bizStep: "bizstep", disposition: "disp" };
const IDENTIFIER_LISTS: ReadonlySet<string> = new Set(["epcList", "childEPCs", "inputEPCList", "outputEPCList"]);
const QUANTITY_LISTS: ReadonlySet<string> = new Set(["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"]);
// Lists whose order carries no meaning in EPCIS: sorted so that a reordered replay hashes the same.
const UNORDERED: ReadonlySet<string> = new Set(["bizTransactionList", "sourceList", "destinationList", "certificationInfo"]);

/** One spelling per object: URN and Digital Link of the same key become the same "(ai)value…" string. */
function canonicalIdentifier(value: unknown): unknown {
  const parsed = parseObjectIdentifier(value);
  if (!parsed.ok) return value;
  return parsed.value.elements.map((e) => `(${e.ai})${e.value}`).join("");
}

function canonicalTime(value: unknown): unknown {
  const millis = parseDateTime(value);
  return millis === null ? value : new Date(millis).toISOString();
}

function typed(vocabulary: CbvVocabulary, entry: unknown): unknown {
  if (!isRecord(entry)) return entry;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) {
    out[k] = k === "type" ? (normaliseVocabulary(vocabulary, v) ?? v) : k === "source" || k === "destination" ? canonicalIdentifier(v) : v;
  }
  return out;
}

function canonicalField(name: string, value: unknown): unknown {
  const vocabulary = VOCABULARY_FIELDS[name];
  if (vocabulary) return normaliseVocabulary(vocabulary, value) ?? value;
  if (name === "eventTime") return canonicalTime(value);
  if (name === "parentID") return canonicalIdentifier(value);
  if (name === "readPoint" || name === "bizLocation") return isRecord(value) ? { ...value, id: canonicalIdentifier(value.id) } : value;
  if (!Array.isArray(value)) return value;
  if (IDENTIFIER_LISTS.has(name)) return value.map(canonicalIdentifier).sort(compareJson);
  if (QUANTITY_LISTS.has(name)) return value.map((q) => (isRecord(q) ? { ...q, epcClass: canonicalIdentifier(q.epcClass) } : q)).sort(compareJson);
  if (name === "bizTransactionList") return value.map((t) => typed("btt", t)).sort(compareJson);
  if (name === "sourceList" || name === "destinationList") return value.map((t) => typed("sdt", t)).sort(compareJson);
  if (UNORDERED.has(name)) return [...value].sort(compareJson);
  return value;
}

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function compareJson(a: unknown, b: unknown): number {
  const x = canonicalJson(a);
  const y = canonicalJson(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The canonical text the hash is taken over (exposed for tests and debugging). */
export function canonicalEventText(event: JsonRecord): string {
  const canonical: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(event)) {
    if (!EXCLUDED.has(name)) canonical[name] = canonicalField(name, value);
  }
  return canonicalJson(canonical);
}

/** `ni:///sha-256;<hex>?ver=genuine-canonical-1` over canonicalEventText. */
export function canonicalEventHash(event: JsonRecord): string {
  const hex = createHash("sha256").update(canonicalEventText(event), "utf8").digest("hex");
  return `ni:///sha-256;${hex}?ver=${CANONICAL_HASH_VERSION}`;
}

/** The event's eventID if present, else its canonical content hash. */
export function eventIdentity(event: JsonRecord): string {
  return typeof event.eventID === "string" && event.eventID.length > 0 ? event.eventID : canonicalEventHash(event);
}
