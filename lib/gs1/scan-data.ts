// Barcode scanner output: ISO/IEC 15424 symbology identifier, then GS1 AI data (GS = FNC1) or plain data.
import type { AiElement } from "./ai-element";
import { lookupAi } from "./ai-table";
import { validateAssociations } from "./association-rules";
import { computeCheckDigit, hasValidCheckDigit } from "./check-digit";
import { parseDigitalLink, type ParsedDigitalLink } from "./digital-link-parse";
import { GS, parseRawAiData, parseUnbracketed } from "./element-string";
import { fail, ok, type Gs1Result } from "./errors";
import { fastParseRawAiData } from "./fast-path";
import { resolveOptions, type Gs1Options, type ResolvedOptions } from "./gs1-options";

export type Symbology =
  | "QR" | "DM" | "DotCode" | "GS1_128_CCA" | "GS1_128_CCC" | "DataBarExpanded" | "DataBarOmni" | "DataBarTruncated"
  | "DataBarStacked" | "DataBarStackedOmni" | "DataBarLimited" | "EAN13" | "EAN8" | "UPCA" | "UPCE";

interface SymbologyIdEntry {
  readonly id: string;
  readonly aiMode: boolean;
  readonly symbology: Symbology;
}

// The first entry for an identifier is what a scan is reported as.
const SYMBOLOGY_IDS: readonly SymbologyIdEntry[] = [
  { id: "C1", aiMode: true, symbology: "GS1_128_CCA" },
  { id: "E0", aiMode: false, symbology: "EAN13" },
  { id: "E4", aiMode: false, symbology: "EAN8" },
  { id: "e0", aiMode: true, symbology: "DataBarExpanded" },
  { id: "d1", aiMode: false, symbology: "DM" },
  { id: "d2", aiMode: true, symbology: "DM" },
  { id: "Q1", aiMode: false, symbology: "QR" },
  { id: "Q3", aiMode: true, symbology: "QR" },
  { id: "J0", aiMode: false, symbology: "DotCode" },
  { id: "J1", aiMode: true, symbology: "DotCode" },
];

const COMPOSITE_ID = "]e0";

export interface ScanData {
  readonly symbology: Symbology;
  /** GS1's data-string notation: "^..." for AI data ("^" = FNC1), plain data with a leading "^" escaped. */
  readonly dataString: string;
  /** AI data read from the symbol; an EAN/UPC primary appears as (01) padded to GTIN-14. */
  readonly elements: readonly AiElement[];
  /** Set when plain data (QR, Data Matrix, DotCode) carried a GS1 Digital Link URI. */
  readonly digitalLink: ParsedDigitalLink | null;
}

function isDigitalLinkScheme(data: string): boolean {
  return /^(https?|HTTPS?):\/\//.test(data);
}

function gtinElement(primary: string, offset: number): AiElement[] {
  const found = lookupAi("01", false);
  return found ? [{ ai: "01", value: primary.padStart(14, "0"), offset, entry: found.entry, unknown: false }] : [];
}

function parseAiMode(data: string, offset: number, o: ResolvedOptions): Gs1Result<AiElement[]> {
  const caret = data.indexOf("^");
  if (caret >= 0) return fail("SCAN_ILLEGAL_CARET", "Scan data contains illegal ^ character", { offset: offset + caret });
  return parseRawAiData(data, GS, o, offset);
}

function withAssociations(scan: ScanData, o: ResolvedOptions): Gs1Result<ScanData> {
  if (!o.validateAssociations || scan.elements.length === 0) return ok(scan);
  const checked = validateAssociations(scan.elements, { requisites: o.validateRequisiteAIs });
  return checked.ok ? ok(scan) : checked;
}

/**
 * The symbology and AI data of an AI-mode scan ("]d2", "]Q3", "]C1", ...) whose AIs are dictionary AIs with
 * valid values, as processScanData reads them before its cross-AI checks (which the caller must run); null
 * when processScanData must run (any other scan, any fault).
 */
export function fastScanAiElements(scan: string): { readonly symbology: Symbology; readonly elements: AiElement[] } | null {
  if (scan.length < 3 || scan.charCodeAt(0) !== 93) return null;
  const a = scan.charCodeAt(1);
  const b = scan.charCodeAt(2);
  let entry: SymbologyIdEntry | undefined;
  for (const e of SYMBOLOGY_IDS) {
    if (e.id.charCodeAt(0) === a && e.id.charCodeAt(1) === b) {
      entry = e;
      break;
    }
  }
  if (!entry?.aiMode || scan.indexOf("^", 3) >= 0) return null;
  const elements = fastParseRawAiData(scan.slice(3), GS, 3);
  return elements ? { symbology: entry.symbology, elements } : null;
}

/** Process raw scanner output such as "]d2010950...\u001d10ABC" or "]Q1https://id.gs1.org/01/...". */
export function processScanData(scan: string, options: Gs1Options = {}): Gs1Result<ScanData> {
  const o = resolveOptions(options);
  if (typeof scan !== "string" || !scan.startsWith("]") || scan.length < 3) {
    return fail("SCAN_MISSING_SYMBOLOGY_ID", "Missing symbology identifier", { offset: 0 });
  }
  const entry = SYMBOLOGY_IDS.find((e) => e.id === scan.slice(1, 3));
  if (!entry) return fail("SCAN_UNSUPPORTED_SYMBOLOGY_ID", "Unsupported symbology identifier", { offset: 1 });
  const data = scan.slice(3);
  const { symbology } = entry;

  if (symbology === "EAN13" || symbology === "EAN8") {
    const primaryLength = symbology === "EAN13" ? 13 : 8;
    if (data.length < primaryLength) return fail("SCAN_PRIMARY_TOO_SHORT", "Primary scan data is too short", { offset: 3 });
    const hasComposite = data.startsWith(`|${COMPOSITE_ID}`, primaryLength);
    if (!hasComposite && data.length > primaryLength) return fail("SCAN_PRIMARY_TOO_LONG", "Primary message is too long", { offset: 3 + primaryLength });
    const primary = data.slice(0, primaryLength);
    if (!/^\d+$/.test(primary)) return fail("SCAN_PRIMARY_NOT_DIGITS", "Primary message must only contain digits", { offset: 3 });
    if (!hasValidCheckDigit(primary)) return fail("SCAN_PRIMARY_CHECK_DIGIT", "Primary message check digit is incorrect", { offset: 2 + primaryLength });
    const gtin = gtinElement(primary, 3);
    if (!hasComposite) return withAssociations({ symbology, dataString: primary, elements: gtin, digitalLink: null }, o);
    const ccOffset = 3 + primaryLength + 1 + COMPOSITE_ID.length;
    const cc = parseAiMode(data.slice(primaryLength + 1 + COMPOSITE_ID.length), ccOffset, o);
    if (!cc.ok) return cc;
    const ccData = data.slice(primaryLength + 1 + COMPOSITE_ID.length).replaceAll(GS, "^");
    return withAssociations({ symbology, dataString: `${primary}|^${ccData}`, elements: [...gtin, ...cc.value], digitalLink: null }, o);
  }

  if (entry.aiMode) {
    const elements = parseAiMode(data, 3, o);
    if (!elements.ok) return elements;
    return withAssociations({ symbology, dataString: `^${data.replaceAll(GS, "^")}`, elements: elements.value, digitalLink: null }, o);
  }

  // Plain data: a leading "^" (after any backslashes) is escaped so it is not read as FNC1.
  const escaped = /^\\*\^/.test(data) ? `\\${data}` : data;
  if (!isDigitalLinkScheme(data)) return ok({ symbology, dataString: escaped, elements: [], digitalLink: null });
  const dl = parseDigitalLink(data, options);
  if (!dl.ok) return fail(dl.error.code, dl.error.message, { ...dl.error, offset: dl.error.offset === undefined ? undefined : dl.error.offset + 3 });
  return ok({ symbology, dataString: escaped, elements: dl.value.elements, digitalLink: dl.value });
}

const GENERATE_IDS: Readonly<Record<Symbology, readonly [plain: string | null, ai: string]>> = {
  QR: ["Q1", "Q3"], DM: ["d1", "d2"], DotCode: ["J0", "J1"], GS1_128_CCA: [null, "C1"], GS1_128_CCC: [null, "C1"],
  DataBarExpanded: [null, "e0"], DataBarOmni: [null, "e0"], DataBarTruncated: [null, "e0"], DataBarStacked: [null, "e0"],
  DataBarStackedOmni: [null, "e0"], DataBarLimited: [null, "e0"], EAN13: ["E0", "E0"], UPCA: ["E0", "E0"],
  UPCE: ["E0", "E0"], EAN8: ["E4", "E4"],
};

/** AI data "^..." to transmitted form: drop the leading FNC1, FNC1 separators become GS. */
function aiToScan(dataString: string): string {
  return dataString.slice(1).replaceAll("^", GS);
}

function normalisePrimary(data: string, length: number, addCheckDigit: boolean): Gs1Result<string> {
  const wanted = addCheckDigit ? length - 1 : length;
  if (data.length !== wanted) {
    return fail("SCAN_PRIMARY_LENGTH", addCheckDigit ? `Primary data must be ${wanted} digits without check digit` : `Primary data must be ${length} digits`);
  }
  if (!/^\d+$/.test(data)) return fail("SCAN_PRIMARY_NOT_DIGITS", "Primary data must be all digits");
  if (addCheckDigit) return ok(data + (computeCheckDigit(data) ?? ""));
  return hasValidCheckDigit(data) ? ok(data) : fail("SCAN_PRIMARY_CHECK_DIGIT", "Primary data check digit is incorrect");
}

function lastAiNeedsSeparator(linear: string): boolean {
  const parsed = parseUnbracketed(linear, resolveOptions({ permitUnknownAIs: true }));
  const last = parsed.ok ? parsed.value[parsed.value.length - 1] : undefined;
  return last?.entry.fnc1 ?? false;
}

/** Inverse of processScanData: the string a scanner would transmit for this symbology and data string. */
export function generateScanData(symbology: Symbology, dataString: string, options: { readonly addCheckDigit?: boolean } = {}): Gs1Result<string> {
  const ids = GENERATE_IDS[symbology];
  if (!ids) return fail("SCAN_UNSUPPORTED_SYMBOLOGY", "Unsupported symbology");
  const bar = dataString.indexOf("|");
  const linear = bar < 0 ? dataString : dataString.slice(0, bar);
  const cc = bar < 0 ? null : dataString.slice(bar + 1);
  const isAi = dataString.startsWith("^");
  const refuse = (): Gs1Result<string> => fail("SCAN_CANNOT_GENERATE", `Cannot generate scan data for ${symbology} from this data`);

  switch (symbology) {
    case "QR":
    case "DM":
    case "DotCode":
      if (isAi) return ok(`]${ids[1]}${aiToScan(dataString)}`);
      return ok(`]${ids[0]}${/^\\+\^/.test(dataString) ? dataString.slice(1) : dataString}`);
    case "GS1_128_CCA":
    case "GS1_128_CCC":
    case "DataBarExpanded": {
      if (!linear.startsWith("^")) return refuse();
      if (cc === null) return ok(`]${symbology === "DataBarExpanded" ? "e0" : "C1"}${aiToScan(linear)}`);
      if (!cc.startsWith("^")) return refuse();
      return ok(`${COMPOSITE_ID}${aiToScan(linear)}${lastAiNeedsSeparator(linear) ? GS : ""}${aiToScan(cc)}`);
    }
    case "DataBarOmni":
    case "DataBarTruncated":
    case "DataBarStacked":
    case "DataBarStackedOmni":
    case "DataBarLimited": {
      const primary = normalisePrimary(linear.startsWith("^01") ? linear.slice(3) : linear, 14, options.addCheckDigit ?? false);
      if (!primary.ok) return primary;
      if (symbology === "DataBarLimited" && Number(primary.value) > 19999999999999) return fail("SCAN_PRIMARY_TOO_LARGE", "Primary data item value is too large");
      if (cc !== null && !cc.startsWith("^")) return refuse();
      return ok(`${COMPOSITE_ID}01${primary.value}${cc === null ? "" : aiToScan(cc)}`);
    }
    default: {
      const length = symbology === "EAN13" ? 13 : symbology === "EAN8" ? 8 : 12;
      const aiZeros = 17 - length;
      const data = linear.startsWith("^01000000".slice(0, aiZeros)) ? linear.slice(aiZeros) : linear;
      const primary = normalisePrimary(data, length, options.addCheckDigit ?? false);
      if (!primary.ok) return primary;
      if (cc !== null && !cc.startsWith("^")) return refuse();
      const pad = symbology === "UPCA" || symbology === "UPCE" ? "0" : "";
      return ok(`]${ids[1]}${pad}${primary.value}${cc === null ? "" : `|${COMPOSITE_ID}${aiToScan(cc)}`}`);
    }
  }
}
