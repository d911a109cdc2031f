// One link of a CE v3 document ({linktype, href, title, type, hreflang, context, fwqs, public}) to ResolverLinks.
import { CeV3Errors, isRecord, pointer } from "./ce-v3-errors";
import { checkHref } from "./href-policy";
import { DEFAULT_LINK, DEFAULT_LINK_MULTI, normaliseLinkType } from "./link-types";
import type { ResolverLink } from "./types";

// "active" is what CE v2 exports carry; "public" replaced it in v3.
const LINK_FIELDS = new Set(["linktype", "href", "title", "type", "hreflang", "context", "fwqs", "public", "active"]);
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const MAX_TITLE = 500;
const MAX_CONTEXT = 100;

export interface CeV3LinkInput {
  /** Anchor path the link hangs on (already validated). */
  readonly anchor: string;
  readonly approvedDomains: readonly string[];
  /** CE template variable → AI ("lotnumber" → "10"), from template-valued qualifiers; rewritten to "{10}". */
  readonly templateVariables: ReadonlyMap<string, string>;
}

function stringList(value: unknown, path: string, errors: CeV3Errors, field: string): string[] | null {
  if (value === undefined || value === null) return [];
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "string")) {
    errors.add(path, "wrong-type", `${field} must be a string or an array of strings.`);
    return null;
  }
  return list as string[];
}

function languages(value: unknown, path: string, errors: CeV3Errors): ResolverLink["hreflang"] | null {
  const list = stringList(value, path, errors, "hreflang");
  if (list === null) return null;
  if (list.length === 0 || (list.length === 1 && list[0]?.toLowerCase() === "und")) return "und";
  const bad = list.find((tag) => !LANGUAGE_TAG.test(tag) || tag.toLowerCase() === "und");
  if (bad !== undefined) {
    errors.add(path, "invalid-language", `"${bad}" is not a BCP 47 language tag ("und" stands alone, for no language).`);
    return null;
  }
  return [...new Set(list)];
}

function rewriteTemplates(href: string, variables: ReadonlyMap<string, string>): string {
  return href.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
    const ai = variables.get(name);
    return ai ? `{${ai}}` : whole;
  });
}

/** The ResolverLinks for one CE v3 link (one per context value); errors are added and null returned on any fault. */
export function parseCeV3Link(value: unknown, path: string, input: CeV3LinkInput, errors: CeV3Errors): ResolverLink[] | null {
  if (!isRecord(value)) {
    errors.add(path, "not-an-object", "A link must be an object.");
    return null;
  }
  const before = errors.list.length;
  for (const field of Object.keys(value)) if (!LINK_FIELDS.has(field)) errors.add(pointer(path, field), "unknown-field", `Unknown field "${field}".`);

  const linkTypeText = value.linktype;
  let linkType: string | null = null;
  if (typeof linkTypeText !== "string") errors.add(pointer(path, "linktype"), "missing-field", "linktype is required (e.g. \"gs1:pip\").");
  else {
    const normalised = normaliseLinkType(linkTypeText);
    if (!normalised.ok) errors.add(pointer(path, "linktype"), "invalid-link-type", normalised.error.message);
    else if (normalised.value.key === DEFAULT_LINK || normalised.value.key === DEFAULT_LINK_MULTI) {
      errors.add(pointer(path, "linktype"), "reserved-link-type", "The default is chosen with defaultLinktype, not stored as a link type of its own.");
    } else linkType = normalised.value.key;
  }

  let href: string | null = null;
  if (typeof value.href !== "string") errors.add(pointer(path, "href"), "missing-field", "href is required.");
  else {
    const rewritten = rewriteTemplates(value.href, input.templateVariables);
    const checked = checkHref(rewritten, input.approvedDomains);
    if (checked.ok) href = rewritten;
    else errors.add(pointer(path, "href"), "invalid-href", checked.error.message, checked.error.code);
  }

  const title = value.title;
  if (typeof title !== "string" || title.trim() === "" || title.length > MAX_TITLE) {
    errors.add(pointer(path, "title"), title === undefined ? "missing-field" : "invalid-title", `title is required: a non-empty string of at most ${MAX_TITLE} characters.`);
  }
  const mediaType = value.type;
  if (mediaType !== undefined && mediaType !== null && (typeof mediaType !== "string" || !MEDIA_TYPE.test(mediaType))) {
    errors.add(pointer(path, "type"), "invalid-media-type", "type must be a media type such as \"text/html\".");
  }
  const hreflang = languages(value.hreflang, pointer(path, "hreflang"), errors);
  const contexts = stringList(value.context, pointer(path, "context"), errors, "context");
  const badContext = contexts?.find((c) => c.trim() === "" || c.length > MAX_CONTEXT || /[\u0000-\u001f\u007f]/.test(c));
  if (badContext !== undefined) errors.add(pointer(path, "context"), "invalid-context", `Context values are non-empty strings of at most ${MAX_CONTEXT} characters.`);
  for (const flag of ["fwqs", "public", "active"] as const) {
    if (value[flag] !== undefined && typeof value[flag] !== "boolean") errors.add(pointer(path, flag), "wrong-type", `${flag} must be true or false.`);
  }
  if (value.public === false || value.active === false) {
    errors.add(pointer(path, value.public === false ? "public" : "active"), "private-link", "genuine publishes every link it holds; leave private links out of the upload.");
  }

  if (errors.list.length > before || linkType === null || href === null || hreflang === null || contexts === null || typeof title !== "string") return null;
  const base = {
    anchor: input.anchor,
    linkType,
    href,
    title: title.trim(),
    hreflang,
    mediaType: typeof mediaType === "string" ? mediaType.toLowerCase() : null,
    isDefault: false,
    // The standard passes the query on by default ("By default, SHALL pass on all key=value pairs").
    forwardQuery: value.fwqs !== false,
  };
  const uniqueContexts = [...new Set(contexts.map((c) => c.trim()))];
  return uniqueContexts.length === 0 ? [{ ...base, context: null }] : uniqueContexts.map((context) => ({ ...base, context }));
}
