// One entry point for anything a scanner or a person produces: DL URI, bracketed or raw element
// string, scanner output with a symbology identifier, EPC URN, or a bare GTIN.
import { toAiValues, type AiElement, type AiValue } from "./ai-element";
import { validateAssociations } from "./association-rules";
import { arrangeDigitalLink, CANONICAL_DL_STEM, renderDigitalLink } from "./digital-link-generate";
import { parseDigitalLink, type ParsedDigitalLink } from "./digital-link-parse";
import { GS, parseBracketed, parseRawAiData, parseUnbracketed, toBracketed } from "./element-string";
import { epcUrnToElements } from "./epc-urn";
import { fail, ok, type Gs1Result } from "./errors";
import { fastBarcodeData, fastParseBracketed } from "./fast-path";
import { resolveOptions, type Gs1Options } from "./gs1-options";
import { fastScanAiElements, processScanData, type Symbology } from "./scan-data";
import { toGtin14 } from "./gtin";

export type BarcodeDataKind = "digital-link" | "element-string" | "scan-data" | "epc-urn" | "gtin";

export interface BarcodeData {
  readonly kind: BarcodeDataKind;
  /** AIs in input order (for a DL URI: path, then query). */
  readonly elements: readonly AiValue[];
  /** Bracketed element string in input order. */
  readonly elementString: string;
  /** Canonical DL URI on https://id.gs1.org, or "" when the data has no primary key. */
  readonly canonicalUri: string;
  readonly primaryKey: AiValue | null;
  readonly qualifiers: readonly AiValue[];
  readonly attributes: readonly AiValue[];
  /** Non-AI DL query parameters (linkType, context, ...). */
  readonly otherParams: Readonly<Record<string, string>>;
  readonly symbology: Symbology | null;
  readonly digitalLink: ParsedDigitalLink | null;
}

function fromElements(kind: BarcodeDataKind, elements: readonly AiValue[], extra: { symbology?: Symbology | null; digitalLink?: ParsedDigitalLink | null } = {}): BarcodeData {
  const dl = extra.digitalLink ?? null;
  const arranged = dl ? null : arrangeDigitalLink(elements, { validateUnknownAInotDLattr: true });
  const parts = dl ?? (arranged?.ok ? arranged.value : null);
  return {
    kind,
    elements: toAiValues(elements as AiElement[]),
    elementString: dl ? dl.elementString : toBracketed(elements),
    canonicalUri: dl ? dl.canonicalUri : parts ? renderDigitalLink(parts, CANONICAL_DL_STEM) : "",
    primaryKey: parts?.primaryKey ?? null,
    qualifiers: parts?.qualifiers ?? [],
    attributes: parts?.attributes ?? [],
    otherParams: dl?.otherParams ?? {},
    symbology: extra.symbology ?? null,
    digitalLink: dl,
  };
}

function checked(kind: BarcodeDataKind, elements: Gs1Result<AiElement[]>, options: Gs1Options): Gs1Result<BarcodeData> {
  if (!elements.ok) return elements;
  const o = resolveOptions(options);
  if (o.validateAssociations) {
    const associations = validateAssociations(elements.value, { requisites: o.validateRequisiteAIs });
    if (!associations.ok) return associations;
  }
  return ok(fromElements(kind, elements.value));
}

const DL_SCHEME = /^(https?|HTTPS?):\/\//;

/** Parse any supported form of GS1 barcode data; never throws. */
export function parseBarcodeData(input: string, options: Gs1Options = {}): Gs1Result<BarcodeData> {
  try {
    return parseBarcodeDataUnsafe(typeof input === "string" ? input : "", options);
  } catch (error) {
    // Defence in depth: a parser bug must surface as a value, never as a crash of the caller.
    return fail("INTERNAL_ERROR", `Internal error while parsing: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseBarcodeDataUnsafe(input: string, options: Gs1Options): Gs1Result<BarcodeData> {
  const o = resolveOptions(options);
  if (input.length === 0) return fail("EMPTY_INPUT", "The input is empty", { offset: 0 });
  if (input.startsWith("]")) {
    // Valid AI-mode scans of dictionary AIs take the fast path; anything else the general code below.
    const scanned = fastScanAiElements(input);
    const fast = scanned && fastBarcodeData("scan-data", scanned.elements, scanned.symbology, o);
    if (fast) return ok(fast);
    const scan = processScanData(input, options);
    if (!scan.ok) return scan;
    if (scan.value.digitalLink) return ok(fromElements("digital-link", scan.value.elements, { symbology: scan.value.symbology, digitalLink: scan.value.digitalLink }));
    if (scan.value.elements.length === 0) return fail("SCAN_NOT_GS1_DATA", "The scan holds plain data, not GS1 AI data or a GS1 Digital Link", { offset: 3 });
    return ok(fromElements("scan-data", scan.value.elements, { symbology: scan.value.symbology }));
  }
  if (DL_SCHEME.test(input)) {
    const dl = parseDigitalLink(input, options);
    return dl.ok ? ok(fromElements("digital-link", dl.value.elements, { digitalLink: dl.value })) : dl;
  }
  if (input.startsWith("urn:epc:")) {
    const epc = epcUrnToElements(input);
    if (!epc.ok) return epc;
    const parsed = parseBracketed(toBracketed(epc.value.elements), o);
    return checked("epc-urn", parsed, options);
  }
  if (input.startsWith("(")) {
    const parsed = fastParseBracketed(input);
    const fast = parsed && parsed.length > 0 ? fastBarcodeData("element-string", parsed, null, o) : null;
    return fast ? ok(fast) : checked("element-string", parseBracketed(input, o), options);
  }
  if (input.startsWith("^")) return checked("element-string", parseUnbracketed(input, o), options);
  if (input.startsWith(GS)) return checked("element-string", parseRawAiData(input.slice(1), GS, o, 1), options);
  if (/^\d{8}$|^\d{12,14}$/.test(input) && toGtin14(input).ok) {
    const gtin = toGtin14(input);
    return checked("gtin", parseBracketed(`(01)${gtin.ok ? gtin.value : input}`, o), options);
  }
  return checked("element-string", parseRawAiData(input, GS, o, 0), options);
}
