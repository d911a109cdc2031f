// Link types: what a client may put in linkType=…, how it is stored (lower-case CURIE) and how it is published
// (the GS1 vocabulary URI in a linkset).
import { GS1_LINK_TYPES, type Gs1LinkTypeEntry } from "./generated/gs1-link-types";

/** The namespace linksets publish link types under (the vocabulary's own identifiers, https://gs1.org/voc/…). */
export const GS1_VOC_NAMESPACE = "https://gs1.org/voc/";
export const GS1_PREFIX = "gs1:";

/** Stored keys of the two link types that name the default rather than describe a target. */
export const DEFAULT_LINK = "gs1:defaultlink";
export const DEFAULT_LINK_MULTI = "gs1:defaultlinkmulti";

export interface LinkTypeInfo {
  /** Lower-case CURIE, the form resolver_links.link_type stores and matching uses: "gs1:recallstatus". */
  readonly key: string;
  /** The vocabulary's spelling: "gs1:recallStatus". */
  readonly curie: string;
  /** "https://gs1.org/voc/recallStatus", the key of this link type in a linkset. */
  readonly uri: string;
  readonly label: string;
  readonly deprecated: boolean;
}

export type LinkTypeRequest =
  | { readonly kind: "linkset" }
  | { readonly kind: "default"; readonly multi: boolean }
  | { readonly kind: "type"; readonly linkType: LinkTypeInfo };

export type LinkTypeError =
  | { readonly code: "empty-link-type"; readonly message: string }
  | { readonly code: "unknown-link-type"; readonly message: string };

export type LinkTypeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: LinkTypeError };

function toInfo(entry: Gs1LinkTypeEntry): LinkTypeInfo {
  return {
    key: `${GS1_PREFIX}${entry.name.toLowerCase()}`,
    curie: `${GS1_PREFIX}${entry.name}`,
    uri: `${GS1_VOC_NAMESPACE}${entry.name}`,
    label: entry.label,
    deprecated: entry.deprecated,
  };
}

const BY_LOWER_NAME: ReadonlyMap<string, LinkTypeInfo> = new Map(GS1_LINK_TYPES.map((e) => [e.name.toLowerCase(), toInfo(e)]));

/** Every GS1 link type, in vocabulary order. */
export const ALL_LINK_TYPES: readonly LinkTypeInfo[] = [...BY_LOWER_NAME.values()];

// The vocabulary is published under several spellings: gs1.org/voc (its identifiers), www.gs1.org/voc
// (owl:equivalentProperty) and ref.gs1.org/voc (where it is browsed, and what id.gs1.org puts in linksets).
const GS1_VOC_URI = /^https?:\/\/(?:www\.|ref\.)?gs1\.org\/voc\/([A-Za-z0-9]+)$/i;

function localName(text: string): string | null {
  const uri = GS1_VOC_URI.exec(text);
  if (uri) return uri[1] ?? null;
  if (text.toLowerCase().startsWith(GS1_PREFIX)) return text.slice(GS1_PREFIX.length);
  // A bare name ("pip") is what id.gs1.org's own documentation shows in linkType=…; accept it for GS1 names only.
  return /^[A-Za-z0-9]+$/.test(text) ? text : null;
}

/** Any spelling of a GS1 link type (gs1:pip, GS1:PIP, pip, https://gs1.org/voc/pip, https://ref.gs1.org/voc/pip). */
export function normaliseLinkType(input: string): LinkTypeResult<LinkTypeInfo> {
  const text = input.trim();
  if (text === "") return { ok: false, error: { code: "empty-link-type", message: "The link type is empty." } };
  const name = localName(text);
  const info = name === null ? undefined : BY_LOWER_NAME.get(name.toLowerCase());
  if (!info) {
    return { ok: false, error: { code: "unknown-link-type", message: `"${text}" is not a link type of the GS1 Web Vocabulary.` } };
  }
  return { ok: true, value: info };
}

/** The linkType query parameter: a linkset request, a default-link request, or one link type. */
export function parseLinkTypeParam(value: string | null | undefined): LinkTypeResult<LinkTypeRequest> {
  if (value === null || value === undefined || value.trim() === "") return { ok: true, value: { kind: "default", multi: false } };
  const lower = value.trim().toLowerCase();
  // "all" is the older wording of "linkset" (Conformance1_2.txt); both SHALL return the linkset (ltAllNoRedirect, ltLinksetNoRedirect).
  if (lower === "all" || lower === "linkset") return { ok: true, value: { kind: "linkset" } };
  const normalised = normaliseLinkType(value);
  if (!normalised.ok) return normalised;
  const { key } = normalised.value;
  if (key === DEFAULT_LINK || key === DEFAULT_LINK_MULTI) return { ok: true, value: { kind: "default", multi: key === DEFAULT_LINK_MULTI } };
  return { ok: true, value: { kind: "type", linkType: normalised.value } };
}

/** The info for a stored key ("gs1:pip"); null when the key is not a GS1 link type. */
export function linkTypeInfo(key: string): LinkTypeInfo | null {
  const normalised = normaliseLinkType(key);
  return normalised.ok ? normalised.value : null;
}
