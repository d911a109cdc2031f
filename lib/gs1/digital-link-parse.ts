// Parses a GS1 Digital Link URI (URI syntax 1.6) the way GS1's reference Syntax Engine does.
import { toAiValues, type AiElement, type AiValue } from "./ai-element";
import { fitsInDlPath, isDlPrimaryKey, isValidDlPathSequence, lookupAi, type AiLookup } from "./ai-table";
import { checkValueLength, validateAiValue } from "./ai-value-validation";
import { validateAssociations } from "./association-rules";
import { CANONICAL_DL_STEM, renderDigitalLink } from "./digital-link-generate";
import { isSafe64 } from "./dl-compression-bits";
import { decompressDigitalLink } from "./dl-compression";
import { toBracketed } from "./element-string";
import { fail, ok, OK_TRUE, type Gs1Result } from "./errors";
import { fastParseDigitalLink } from "./fast-path";
import { resolveOptions, type Gs1Options, type ResolvedOptions } from "./gs1-options";
import { uriUnescape } from "./uri-escape";

export interface ParsedDigitalLink {
  /** Scheme, domain and any custom path before the primary key, as given. */
  readonly stem: string;
  readonly primaryKey: AiValue;
  readonly qualifiers: readonly AiValue[];
  readonly attributes: readonly AiValue[];
  /** Non-AI query parameters (linkType, context, ...), decoded; a parameter without "=" maps to "". */
  readonly otherParams: Readonly<Record<string, string>>;
  readonly fragment: string | null;
  /** All AIs in input order (path, then query). */
  readonly elements: readonly AiElement[];
  /** Bracketed element string in input order. */
  readonly elementString: string;
  /** The same data on https://id.gs1.org in canonical order. */
  readonly canonicalUri: string;
  /** The same data on the original stem in canonical order. */
  readonly uri: string;
  /** True when the input was a compressed Digital Link (decoded before parsing). */
  readonly compressed: boolean;
}

const ALL_DIGITS = /^\d+$/;
const URI_CHARACTERS = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
const BAD_DOMAIN_CHARACTERS = "_~?#@!$&'()*+,;=%";

// Deprecated path names that GS1 once allowed instead of numeric AIs.
const CONVENIENCE_ALPHAS: Readonly<Record<string, string>> = {
  cpid: "8010", cpsn: "8011", cpv: "22", gcn: "255", gdti: "253", giai: "8004", ginc: "401", gln: "414",
  glnx: "254", gmn: "8013", grai: "8003", gsin: "402", gsrn: "8018", gsrnp: "8017", gtin: "01", itip: "8006",
  lot: "10", party: "417", refno: "8020", ser: "21", srin: "8019", sscc: "00",
};

function resolvePathAi(text: string, o: ResolvedOptions): AiLookup | null {
  if (o.permitConvenienceAlphas && text.length >= 3 && text.length <= 5 && !/^\d/.test(text)) {
    const ai = CONVENIENCE_ALPHAS[text];
    if (ai) return lookupAi(ai, false);
  }
  return lookupAi(text, o.permitUnknownAIs);
}

/** GTIN-8/12/13 are zero-padded to GTIN-14 in (01). */
function padGtin(ai: string, value: string): string {
  return ai === "01" && (value.length === 8 || value.length === 12 || value.length === 13) ? value.padStart(14, "0") : value;
}

/** Walk back from the end of the path in /AI/value pairs to the rightmost primary key; -1 if none. */
function findPathStart(path: string, o: ResolvedOptions): number {
  let limit = path.length;
  while (limit > 0) {
    const r = path.lastIndexOf("/", limit - 1);
    if (r <= 0) return -1;
    const p = path.lastIndexOf("/", r - 1);
    if (p < 0) return -1;
    const found = resolvePathAi(path.slice(p + 1, r), o);
    if (!found) return -1;
    if (isDlPrimaryKey(found.entry.ai)) return p;
    limit = p;
  }
  return -1;
}

interface QueryOutcome {
  readonly attributes: AiElement[];
  readonly otherParams: Record<string, string>;
}

function parseQuery(query: string, queryOffset: number, o: ResolvedOptions): Gs1Result<QueryOutcome> {
  const attributes: AiElement[] = [];
  const otherParams: Record<string, string> = {};
  let p = 0;
  while (p < query.length) {
    while (query[p] === "&") p++;
    if (p >= query.length) break;
    let r = query.indexOf("&", p);
    if (r < 0) r = query.length;
    const param = query.slice(p, r);
    const eq = param.indexOf("=");
    const key = eq < 0 ? param : param.slice(0, eq);
    const numericKey = eq > 0 && ALL_DIGITS.test(key);
    const found = numericKey ? lookupAi(key, o.permitUnknownAIs) : null;
    if (numericKey && !found) {
      return fail("DL_UNKNOWN_AI_IN_QUERY", `Unknown AI (${key}) in query parameters`, { ai: key, offset: queryOffset + p });
    }
    if (!found) {
      const name = uriUnescape(key, true) ?? key;
      const value = eq < 0 ? "" : (uriUnescape(param.slice(eq + 1), true) ?? param.slice(eq + 1));
      if (!(name in otherParams)) otherParams[name] = value;
      p = r;
      continue;
    }
    const valueOffset = queryOffset + p + eq + 1;
    if (eq + 1 === param.length) return fail("DL_EMPTY_QUERY_VALUE", `AI (${key}) value query element is empty`, { ai: key, offset: valueOffset });
    const decoded = uriUnescape(param.slice(eq + 1), true);
    if (decoded === null) {
      return fail("DL_ILLEGAL_NULL", `Decoded AI (${key}) value from DL query params contains illegal null character`, { ai: key, offset: valueOffset });
    }
    const value = o.permitZeroSuppressedGTINinDLuris ? padGtin(found.entry.ai, decoded) : decoded;
    const lengthCheck = checkValueLength(key, found.entry, value, valueOffset);
    if (!lengthCheck.ok) return lengthCheck;
    attributes.push({ ai: key, value, offset: valueOffset, entry: found.entry, unknown: found.unknown });
    p = r;
  }
  return ok({ attributes, otherParams });
}

function parsePath(path: string, start: number, pathOffset: number, o: ResolvedOptions): Gs1Result<AiElement[]> {
  const elements: AiElement[] = [];
  let q = start;
  while (q < path.length) {
    const r = path.indexOf("/", q + 1);
    const aiText = path.slice(q + 1, r);
    const found = resolvePathAi(aiText, o);
    if (r < 0 || !found) return fail("DL_PARSE_FAILED", "DL URI parse failed", { offset: pathOffset + q });
    let end = path.indexOf("/", r + 1);
    if (end < 0) end = path.length;
    const valueOffset = pathOffset + r + 1;
    if (end === r + 1) return fail("DL_EMPTY_PATH_VALUE", `AI (${aiText}) value path element is empty`, { ai: aiText, offset: valueOffset });
    const decoded = uriUnescape(path.slice(r + 1, end), false);
    if (decoded === null) {
      return fail("DL_ILLEGAL_NULL", `Decoded AI (${aiText}) from DL path info contains illegal null character`, { ai: aiText, offset: valueOffset });
    }
    const ai = found.entry.ai;
    const value = o.permitZeroSuppressedGTINinDLuris ? padGtin(ai, decoded) : decoded;
    const lengthCheck = checkValueLength(ai, found.entry, value, valueOffset);
    if (!lengthCheck.ok) return lengthCheck;
    elements.push({ ai, value, offset: valueOffset, entry: found.entry, unknown: found.unknown });
    q = end;
  }
  return ok(elements);
}

function checkAttributes(pathAis: readonly AiElement[], attributes: readonly AiElement[], o: ResolvedOptions): Gs1Result<true> {
  const pathSequence = pathAis.map((e) => e.ai);
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i] as AiElement;
    const { ai, offset } = attribute;
    if (pathSequence.includes(ai) || attributes.slice(0, i).some((e) => e.ai === ai)) return fail("DL_DUPLICATE_AI", `AI (${ai}) is duplicated`, { ai, offset });
    const permitted = attribute.unknown ? !o.validateUnknownAInotDLattr : attribute.entry.dlDataAttr;
    if (!permitted) return fail("DL_AI_NOT_DATA_ATTRIBUTE", `AI (${ai}) is not a valid DL URI data attribute`, { ai, offset });
    if (fitsInDlPath(pathSequence, attribute.entry.ai)) {
      return fail("DL_AI_SHOULD_BE_IN_PATH", `AI (${ai}) from query params should be in the path info`, { ai, offset });
    }
  }
  return OK_TRUE;
}

/**
 * A compressed DL carries its AI data in the last path segment. It is tried only when no uncompressed
 * key path was found, and a segment that does not decode leaves the original "no primary key" error.
 */
function parseCompressed(uri: string, pathStart: number, path: string, options: Gs1Options | undefined): Gs1Result<ParsedDigitalLink> | null {
  const segmentStart = path.lastIndexOf("/") + 1;
  if (!isSafe64(path.slice(segmentStart))) return null;
  const decompressed = decompressDigitalLink(uri);
  if (!decompressed.ok) return null;
  const parsed = parseUncompressed(decompressed.value, options);
  if (parsed.ok) return ok({ ...parsed.value, compressed: true });
  const { error } = parsed;
  // Offsets into the decompressed URI mean nothing to the caller: point at the compressed segment.
  return fail(error.code, `Compressed Digital Link: ${error.message}`, { ...(error.ai ? { ai: error.ai } : {}), offset: pathStart + segmentStart });
}

export function parseDigitalLink(uri: string, options?: Gs1Options): Gs1Result<ParsedDigitalLink> {
  return parseUncompressed(uri, options, true);
}

const DEFAULT_OPTIONS = resolveOptions({});

function parseUncompressed(uri: string, options: Gs1Options | undefined, allowCompressed = false): Gs1Result<ParsedDigitalLink> {
  const o = options === undefined ? DEFAULT_OPTIONS : resolveOptions(options);
  if (typeof uri !== "string") return fail("DL_ILLEGAL_SCHEME", "Scheme must be http:// or HTTP:// or https:// or HTTPS://");
  // Valid URIs made of dictionary AIs take the fast path; anything else (every fault) the general code below.
  const fast = fastParseDigitalLink(uri, o);
  if (fast) return fast;
  const bad = uri.search(URI_CHARACTERS);
  if (bad >= 0) return fail("DL_ILLEGAL_CHARACTERS", "URI contains illegal characters", { offset: bad });
  let p: number;
  if (uri.startsWith("https://") || uri.startsWith("HTTPS://")) p = 8;
  else if (uri.startsWith("http://") || uri.startsWith("HTTP://")) p = 7;
  else return fail("DL_ILLEGAL_SCHEME", "Scheme must be http:// or HTTP:// or https:// or HTTPS://", { offset: 0 });
  const slash = uri.indexOf("/", p);
  if (slash < 0 || slash === p) return fail("DL_MISSING_DOMAIN_AND_PATH", "URI must contain a domain and path info", { offset: p });
  for (let i = p; i < slash; i++) {
    if (BAD_DOMAIN_CHARACTERS.includes(uri[i] ?? "")) return fail("DL_DOMAIN_ILLEGAL_CHARACTERS", "Domain contains illegal characters", { offset: i });
  }
  const hash = uri.indexOf("#", slash);
  const beforeFragment = hash < 0 ? uri : uri.slice(0, hash);
  const question = beforeFragment.indexOf("?", slash);
  const path = question < 0 ? beforeFragment.slice(slash) : beforeFragment.slice(slash, question);
  const start = findPathStart(path, o);
  const viaCompression = start < 0 && allowCompressed ? parseCompressed(uri, slash, path, options) : null;
  if (viaCompression) return viaCompression;
  if (start < 0) return fail("DL_NO_PRIMARY_KEY", "No GS1 DL keys found in path info", { offset: slash });

  const pathResult = parsePath(path, start, slash, o);
  if (!pathResult.ok) return pathResult;
  const queryResult = question < 0 ? ok<QueryOutcome>({ attributes: [], otherParams: {} }) : parseQuery(beforeFragment.slice(question + 1), question + 1, o);
  if (!queryResult.ok) return queryResult;
  const pathAis = pathResult.value;
  const { attributes, otherParams } = queryResult.value;

  if (!isValidDlPathSequence(pathAis.map((e) => e.ai))) {
    return fail("DL_INVALID_KEY_QUALIFIER_SEQUENCE", "The AIs in the path are not a valid key-qualifier sequence for the key", { offset: slash + start });
  }
  const attributeCheck = checkAttributes(pathAis, attributes, o);
  if (!attributeCheck.ok) return attributeCheck;
  const elements = [...pathAis, ...attributes];
  for (const element of elements) {
    const checked = validateAiValue(element.ai, element.entry, element.value, element.offset);
    if (!checked.ok) return checked;
  }
  if (o.validateAssociations) {
    const associations = validateAssociations(elements, { requisites: o.validateRequisiteAIs });
    if (!associations.ok) return associations;
  }
  const [key, ...qualifiers] = toAiValues(pathAis);
  if (!key) return fail("DL_NO_PRIMARY_KEY", "No GS1 DL keys found in path info", { offset: slash });
  const parts = { primaryKey: key, qualifiers, attributes: toAiValues(attributes) };
  const stem = uri.slice(0, slash + start);
  // The path is kept as given (GS1 does the same); canonical query order puts fixed-length AIs first.
  const fixedFirst = [...attributes.filter((e) => !e.entry.fnc1), ...attributes.filter((e) => e.entry.fnc1)];
  const canonicalParts = { ...parts, attributes: toAiValues(fixedFirst) };
  // Path and query are the same on every stem: render them once.
  const suffix = renderDigitalLink(canonicalParts, "");
  return ok({
    stem,
    ...parts,
    otherParams,
    fragment: hash < 0 ? null : uri.slice(hash + 1),
    elements,
    elementString: toBracketed(elements),
    canonicalUri: CANONICAL_DL_STEM + suffix,
    uri: (stem.endsWith("/") ? stem.slice(0, -1) : stem) + suffix,
    compressed: false,
  });
}
