// Object identifiers of an event (EPC URNs or GS1 Digital Link URIs) parsed through lib/gs1, so callers can
// find units (GTIN + serial) and refuse identifiers outside a brand's GS1 Company Prefixes.
import { epcUrnToElements, parseDigitalLink, type AiValue } from "@/lib/gs1";

import { isRecord, pointerJoin, type JsonRecord } from "./types";

export type IdentifierRole = "epc" | "parent" | "child" | "input" | "output" | "quantity";

export interface ParsedIdentifier {
  /** The GS1 key: AI and value (GTIN-14, SSCC, GLN, GRAI, ...). */
  readonly key: AiValue;
  readonly elements: readonly AiValue[];
  /** "instance" names one object, "class" a GTIN + lot, "pattern" every object of a GTIN (or GRAI type). */
  readonly kind: "instance" | "class" | "pattern";
  /** The GS1 Company Prefix an EPC URN states explicitly; a Digital Link does not state it. */
  readonly companyPrefix?: string;
  readonly serial?: string;
  readonly gtin?: string;
  readonly lot?: string;
}

export interface ObjectIdentifier extends ParsedIdentifier {
  readonly role: IdentifierRole;
  readonly raw: string;
  /** JSON pointer relative to the event, e.g. "/epcList/0" or "/quantityList/2/epcClass". */
  readonly pointer: string;
  companyPrefixMatch(prefixes: readonly string[]): boolean;
}

export type IdentifierParse = { readonly ok: true; readonly value: ParsedIdentifier } | { readonly ok: false; readonly message: string };

const find = (elements: readonly AiValue[], ai: string): string | undefined => elements.find((e) => e.ai === ai)?.value;

function describe(key: AiValue, elements: readonly AiValue[], kind: ParsedIdentifier["kind"], companyPrefix?: string): ParsedIdentifier {
  const serial = key.ai === "01" || key.ai === "8006" ? find(elements, "21") : undefined;
  const lot = key.ai === "01" ? find(elements, "10") : undefined;
  return {
    key, elements, kind,
    ...(companyPrefix === undefined ? {} : { companyPrefix }),
    ...(serial === undefined ? {} : { serial }),
    ...(key.ai === "01" ? { gtin: key.value } : {}),
    ...(lot === undefined ? {} : { lot }),
  };
}

/** Parse one object identifier: a GS1 EPC URN (id, class:lgtin, idpat) or a GS1 Digital Link URI. */
export function parseObjectIdentifier(raw: unknown): IdentifierParse {
  if (typeof raw !== "string") return { ok: false, message: "must be a string" };
  if (raw.startsWith("urn:epc:")) {
    const urn = epcUrnToElements(raw);
    if (!urn.ok) return { ok: false, message: `invalid EPC URN: ${urn.error.message}` };
    const [key] = urn.value.elements;
    if (!key) return { ok: false, message: "invalid EPC URN: no GS1 key" };
    const kind = urn.value.scheme.startsWith("idpat:") ? "pattern" : urn.value.scheme.startsWith("class:") ? "class" : "instance";
    // urn:epc:<id|class|idpat>:<scheme>:<company prefix>.<…>
    const companyPrefix = raw.split(":").slice(4).join(":").split(".")[0] ?? "";
    return { ok: true, value: describe(key, urn.value.elements, kind, companyPrefix) };
  }
  if (/^https?:\/\//i.test(raw)) {
    const link = parseDigitalLink(raw);
    if (!link.ok) return { ok: false, message: `invalid GS1 Digital Link: ${link.error.message}` };
    const { primaryKey, qualifiers } = link.value;
    const elements = [primaryKey, ...qualifiers];
    const kind = primaryKey.ai !== "01" || find(elements, "21") !== undefined ? "instance" : find(elements, "10") !== undefined ? "class" : "pattern";
    return { ok: true, value: describe(primaryKey, elements, kind) };
  }
  return { ok: false, message: "must be an EPC URN (urn:epc:id|class|idpat:…) or a GS1 Digital Link URI" };
}

// Keys whose first digit (indicator or extension digit, or GRAI's padding zero) precedes the company prefix.
const LEADING_DIGIT_KEYS: ReadonlySet<string> = new Set(["01", "00", "8006", "8003"]);

/**
 * The digits of a key from the GS1 Company Prefix on: GTIN-14, SSCC and ITIP lose their indicator/extension
 * digit, GRAI its leading zero; GLN, GIAI, GSRN, GDTI, GCN, GINC, GSIN, CPID start with the prefix.
 */
export function keyFromCompanyPrefix(key: AiValue): string {
  return LEADING_DIGIT_KEYS.has(key.ai) ? key.value.slice(1) : key.value;
}

/**
 * Does a brand holding `prefixes` own this identifier? An EPC URN states its company prefix: it must start
 * with one of the prefixes (equal, or a longer prefix inside a block the brand holds). A Digital Link does
 * not: its key from the company prefix on (see keyFromCompanyPrefix) must start with one of the prefixes.
 */
export function ownedByPrefixes(identifier: ParsedIdentifier, prefixes: readonly string[]): boolean {
  const digits = identifier.companyPrefix ?? keyFromCompanyPrefix(identifier.key);
  return prefixes.some((prefix) => prefix.length > 0 && digits.startsWith(prefix));
}

const INSTANCE_LISTS: readonly (readonly [string, IdentifierRole])[] = [
  ["epcList", "epc"], ["childEPCs", "child"], ["inputEPCList", "input"], ["outputEPCList", "output"],
];
const QUANTITY_LISTS: readonly (readonly [string, IdentifierRole])[] = [
  ["quantityList", "quantity"], ["childQuantityList", "quantity"], ["inputQuantityList", "input"], ["outputQuantityList", "output"],
];

/** Every object identifier field of an event, with its role and pointer (valid or not). */
export function listIdentifierFields(event: JsonRecord): { role: IdentifierRole; raw: unknown; pointer: string }[] {
  const found: { role: IdentifierRole; raw: unknown; pointer: string }[] = [];
  if ("parentID" in event) found.push({ role: "parent", raw: event.parentID, pointer: "/parentID" });
  for (const [field, role] of INSTANCE_LISTS) {
    const list = event[field];
    if (Array.isArray(list)) list.forEach((raw, i) => found.push({ role, raw, pointer: pointerJoin(`/${field}`, i) }));
  }
  for (const [field, role] of QUANTITY_LISTS) {
    const list = event[field];
    if (!Array.isArray(list)) continue;
    list.forEach((q, i) => {
      if (isRecord(q)) found.push({ role, raw: q.epcClass, pointer: `${pointerJoin(`/${field}`, i)}/epcClass` });
    });
  }
  return found;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// The fields of `value` then role, raw, pointer — the shape `{ ...value, role, … }` would give, built
// field by field: spreading the conditionally-shaped parse result is V8's slow path, once per identifier.
function withRole(value: ParsedIdentifier, role: IdentifierRole, raw: string, pointer: string): ObjectIdentifier {
  const identifier = { key: value.key, elements: value.elements, kind: value.kind } as Mutable<ObjectIdentifier>;
  if (value.companyPrefix !== undefined) identifier.companyPrefix = value.companyPrefix;
  if (value.serial !== undefined) identifier.serial = value.serial;
  if (value.gtin !== undefined) identifier.gtin = value.gtin;
  if (value.lot !== undefined) identifier.lot = value.lot;
  identifier.role = role;
  identifier.raw = raw;
  identifier.pointer = pointer;
  identifier.companyPrefixMatch = companyPrefixMatch;
  return identifier;
}

/** Shared by every identifier (a closure per identifier costs a capture of 100,000 events dearly). */
function companyPrefixMatch(this: ParsedIdentifier, prefixes: readonly string[]): boolean {
  return ownedByPrefixes(this, prefixes);
}

export type IdentifierParser = (raw: unknown) => IdentifierParse;

/**
 * Parse identifiers through a cache: a document names the same EPC in several events, and validation and
 * normalisation both need every identifier parsed. Results are immutable, so sharing them is safe.
 */
export function cachedIdentifierParser(): IdentifierParser {
  const cache = new Map<string, IdentifierParse>();
  return (raw) => {
    if (typeof raw !== "string") return parseObjectIdentifier(raw);
    let parsed = cache.get(raw);
    if (!parsed) cache.set(raw, (parsed = parseObjectIdentifier(raw)));
    return parsed;
  };
}

/** The event's valid object identifiers (invalid ones are the validator's business and are skipped here). */
export function extractObjectIdentifiers(event: JsonRecord, parse: IdentifierParser = parseObjectIdentifier): ObjectIdentifier[] {
  const identifiers: ObjectIdentifier[] = [];
  for (const field of listIdentifierFields(event)) {
    const parsed = parse(field.raw);
    if (!parsed.ok || typeof field.raw !== "string") continue;
    identifiers.push(withRole(parsed.value, field.role, field.raw, field.pointer));
  }
  return identifiers;
}

/** Identifiers of the event that fall outside every one of the brand's GS1 Company Prefixes. */
export function identifiersOutsidePrefixes(event: JsonRecord, prefixes: readonly string[]): ObjectIdentifier[] {
  return extractObjectIdentifiers(event).filter((identifier) => !identifier.companyPrefixMatch(prefixes));
}
