// GS1 Resolver Community Edition v3 data-entry documents ({anchor, itemDescription, defaultLinktype, qualifiers?,
// links}), one or an array, validated and turned into ResolverLinks so brands moving from CE upload data unchanged.
import { parseDigitalLink, type AiValue } from "@/lib/gs1";

import { CeV3Errors, isRecord, pointer, type CeV3Error } from "./ce-v3-errors";
import { parseCeV3Link } from "./ce-v3-link";
import { toLinkRows } from "./link-rows";
import { normaliseLinkType } from "./link-types";
import type { ResolverLink } from "./types";
import { anchorPath } from "./walk-up";

export interface CeV3Entry {
  /** Canonical anchor path the links hang on. */
  readonly anchor: string;
  readonly itemDescription: string;
  /** Lower-case key of the default link type, or null when the document names none (a level above, or genuine's own, applies). */
  readonly defaultLinkType: string | null;
  readonly links: readonly ResolverLink[];
}

export type CeV3Result = { readonly ok: true; readonly entries: readonly CeV3Entry[] } | { readonly ok: false; readonly errors: readonly CeV3Error[] };

export interface CeV3Options {
  readonly approvedDomains: readonly string[];
}

export const MAX_CE_DOCUMENTS = 10_000;
export const MAX_CE_LINKS = 500;
const DOCUMENT_FIELDS = new Set(["anchor", "itemDescription", "defaultLinktype", "qualifiers", "links"]);
const TEMPLATE_VALUE = /^\{([A-Za-z0-9_]+)\}$/;

interface Qualifiers {
  readonly concrete: AiValue[];
  /** CE template variable → AI, for qualifiers such as {"21": "{serialnumber}"}. */
  readonly variables: Map<string, string>;
}

/** CE's optional qualifiers: one-entry objects {ai: value}; a "{variable}" value matches any value and fills hrefs. */
function parseQualifiers(value: unknown, path: string, errors: CeV3Errors): Qualifiers | null {
  const result: Qualifiers = { concrete: [], variables: new Map() };
  if (value === undefined) return result;
  if (!Array.isArray(value)) {
    errors.add(path, "not-an-array", "qualifiers must be an array of {\"AI\": \"value\"} objects.");
    return null;
  }
  for (const [i, item] of value.entries()) {
    const entries = isRecord(item) ? Object.entries(item) : [];
    const [ai, text] = entries[0] ?? [];
    if (entries.length !== 1 || typeof text !== "string" || !/^\d{2,4}$/.test(ai ?? "")) {
      errors.add(pointer(path, i), "invalid-qualifier", "Each qualifier is one {\"AI\": \"value\"} pair.");
      return null;
    }
    const variable = TEMPLATE_VALUE.exec(text);
    if (variable?.[1]) result.variables.set(variable[1], ai as string);
    else if (result.variables.size > 0) {
      // A wildcard level cannot sit above a concrete one: the anchor would be neither.
      errors.add(pointer(path, i), "invalid-qualifier", "A concrete qualifier cannot follow a template qualifier.");
      return null;
    } else result.concrete.push({ ai: ai as string, value: text });
  }
  return result;
}

/** The anchor path plus concrete qualifiers, validated as a Digital Link path by lib/gs1. */
function parseAnchor(value: unknown, qualifiers: readonly AiValue[], path: string, errors: CeV3Errors): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || /[?#]/.test(value)) {
    errors.add(path, value === undefined ? "missing-field" : "invalid-anchor", "anchor must be a Digital Link path such as \"/01/09506000134352\".");
    return null;
  }
  const stem = "https://id.gs1.org";
  const suffix = qualifiers.map(({ ai, value: v }) => `/${ai}/${encodeURIComponent(v)}`).join("");
  const parsed = parseDigitalLink(`${stem}${value.replace(/\/$/, "")}${suffix}`);
  if (!parsed.ok) {
    errors.add(path, "invalid-anchor", `Not a valid Digital Link path: ${parsed.error.message}`, parsed.error.code);
    return null;
  }
  if (parsed.value.stem !== stem) {
    errors.add(path, "invalid-anchor", "anchor must start with the primary key (\"/01/…\"), without a path prefix.");
    return null;
  }
  return anchorPath(parsed.value.primaryKey, parsed.value.qualifiers);
}

function parseDocument(value: unknown, path: string, options: CeV3Options, errors: CeV3Errors): CeV3Entry | null {
  if (!isRecord(value)) {
    errors.add(path, "not-an-object", "A document must be an object.");
    return null;
  }
  const before = errors.list.length;
  for (const field of Object.keys(value)) if (!DOCUMENT_FIELDS.has(field)) errors.add(pointer(path, field), "unknown-field", `Unknown field "${field}".`);
  const qualifiers = parseQualifiers(value.qualifiers, pointer(path, "qualifiers"), errors);
  const anchor = qualifiers ? parseAnchor(value.anchor, qualifiers.concrete, pointer(path, "anchor"), errors) : null;
  const itemDescription = value.itemDescription;
  if (typeof itemDescription !== "string") errors.add(pointer(path, "itemDescription"), itemDescription === undefined ? "missing-field" : "wrong-type", "itemDescription is required (a string).");

  let defaultLinkType: string | null = null;
  const defaultText = value.defaultLinktype;
  if (defaultText !== undefined && defaultText !== null && defaultText !== "") {
    const normalised = typeof defaultText === "string" ? normaliseLinkType(defaultText) : null;
    if (normalised?.ok) defaultLinkType = normalised.value.key;
    else errors.add(pointer(path, "defaultLinktype"), "invalid-link-type", normalised?.ok === false ? normalised.error.message : "defaultLinktype must be a string.");
  }

  const links: ResolverLink[] = [];
  const linksPath = pointer(path, "links");
  if (!Array.isArray(value.links) || value.links.length === 0) errors.add(linksPath, value.links === undefined ? "missing-field" : "not-an-array", "links must be a non-empty array.");
  else if (value.links.length > MAX_CE_LINKS) errors.add(linksPath, "too-many-links", `At most ${MAX_CE_LINKS} links per document.`);
  else if (anchor !== null && qualifiers !== null) {
    for (const [i, item] of value.links.entries()) {
      if (errors.full) break;
      const parsed = parseCeV3Link(item, pointer(linksPath, i), { anchor, approvedDomains: options.approvedDomains, templateVariables: qualifiers.variables }, errors);
      if (parsed) links.push(...parsed);
    }
  }
  if (defaultLinkType !== null && errors.list.length === before && !links.some((l) => l.linkType === defaultLinkType)) {
    errors.add(pointer(path, "defaultLinktype"), "default-link-type-absent", `No link of type ${defaultLinkType} in this document to be the default.`);
  }
  if (errors.list.length > before || anchor === null || typeof itemDescription !== "string") return null;
  const marked = links.map((link) => (link.linkType === defaultLinkType ? { ...link, isDefault: true } : link));
  return { anchor, itemDescription, defaultLinkType, links: marked };
}

/** Report a second link with the identity resolver_links keeps unique (anchor, type, language, context, media type). */
function checkDuplicates(entries: readonly { entry: CeV3Entry; path: string }[], errors: CeV3Errors): void {
  const seen = new Set<string>();
  for (const { entry, path } of entries) {
    for (const row of entry.links.flatMap(toLinkRows)) {
      const key = JSON.stringify([row.anchor, row.linkType, row.hreflang.toLowerCase(), row.context, row.mediaType]);
      if (seen.has(key)) errors.add(pointer(path, "links"), "duplicate-link", `Two links of type ${row.linkType} at ${row.anchor} share language "${row.hreflang}", context and media type.`);
      seen.add(key);
    }
  }
}

/** Validate one CE v3 document or an array of them; every fault is reported with its JSON Pointer. */
export function parseCeV3(input: unknown, options: CeV3Options): CeV3Result {
  const errors = new CeV3Errors();
  const documents = Array.isArray(input) ? input : [input];
  if (documents.length > MAX_CE_DOCUMENTS) return { ok: false, errors: [{ path: "", code: "too-many-documents", message: `At most ${MAX_CE_DOCUMENTS} documents per upload.` }] };
  const parsed: { entry: CeV3Entry; path: string }[] = [];
  for (const [i, document] of documents.entries()) {
    if (errors.full) break;
    const path = Array.isArray(input) ? pointer("", i) : "";
    const entry = parseDocument(document, path, options, errors);
    if (entry) parsed.push({ entry, path });
  }
  checkDuplicates(parsed, errors);
  return errors.list.length > 0 ? { ok: false, errors: errors.list } : { ok: true, entries: parsed.map((p) => p.entry) };
}
