// Public API of the GS1 core: Digital Link and element-string parsing, validation and generation.
export type { AiValue, AiElement } from "./ai-element";
export type { AiComponent, AiEntry, Cset } from "./dictionary-types";
export type { Gs1Error, Gs1Result } from "./errors";
export type { Gs1Options } from "./gs1-options";

export { allAiEntries, getAiEntry, isDlPrimaryKey, lookupAi } from "./ai-table";
export { validateAiValue } from "./ai-value-validation";
export { validateAssociations, type AssociationChecks } from "./association-rules";
export { parseBarcodeData, type BarcodeData, type BarcodeDataKind } from "./barcode-data";
export { computeCheckPair, lintCsum, lintCsumAlpha } from "./check-digit";
export {
  arrangeDigitalLink,
  CANONICAL_DL_STEM,
  generateDigitalLink,
  renderDigitalLink,
  type DigitalLinkParts,
} from "./digital-link-generate";
export { parseDigitalLink, type ParsedDigitalLink } from "./digital-link-parse";
export { compressAiData, decompressAiData, decompressDigitalLink } from "./dl-compression";
export {
  GS,
  parseBracketed as parseElementStringBracketed,
  parseRawAiData,
  parseUnbracketed,
  toBracketed,
  toGsSeparated,
  toUnbracketed,
} from "./element-string";
export { parseElementString, generateElementStrings, type ElementStrings } from "./element-string-api";
export { elementsToEpcUrn, epcUrnToElements, type EpcUrnData } from "./epc-urn";
export { DICTIONARY_RELEASE } from "./generated/syntax-dictionary";
export { completeGtin, computeCheckDigit, gtinFormat, hasValidCheckDigit, isValidGtin, toGtin14, type GtinFormat } from "./gtin";
export { gs1DateToIso } from "./gs1-date";
export { toHri, toHriLines, type HriLine } from "./hri";
export { LINTERS } from "./linters/linter-registry";
export type { LintFault, Linter } from "./linters/lint-result";
export { generateScanData, processScanData, type ScanData, type Symbology } from "./scan-data";
export { uriEscape, uriUnescape, uriUnescapeBytes } from "./uri-escape";
