// Print files of a batch, as text that streams label by label (no ZIP library, no temporary files).
//  - "html": one self-contained, print-ready HTML document of A4 pages, each a grid of labels
//    (symbol + human-readable text); open it in a browser and print at 100 % scale. Inline SVG keeps
//    the symbols vector-sharp at any printer resolution.
//  - "ndjson": one JSON object a line with a standalone SVG per unit, for label printers' software
//    and for tools that place symbols themselves.
import type { UnitCodes, UnitIdentity } from "./unit-codes";
import { escapeXml, symbolSvg, type Symbology } from "./symbol-svg";

export type PrintFormat = "html" | "ndjson";

export interface PrintLayout {
  symbology: Symbology;
  /** Labels across and down an A4 page (210 × 297 mm, 10 mm margins). */
  columns: number;
  rows: number;
  moduleMm?: number;
}

export const defaultPrintLayout: PrintLayout = { symbology: "gs1datamatrix", columns: 4, rows: 8 };

export interface PrintableUnit extends UnitIdentity {
  codes: UnitCodes;
}

/** What the symbol carries: GS1 DataMatrix the element string, QR the Digital Link. */
export function symbolData(symbology: Symbology, codes: UnitCodes): string {
  return symbology === "qrcode" ? codes.digitalLink : codes.elementString;
}

export function htmlHeader(title: string, layout: PrintLayout): string {
  const labelHeight = (277 / layout.rows).toFixed(2);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>
@page { size: A4; margin: 10mm; }
body { margin: 0; font: 6.5pt/1.2 ui-monospace, Menlo, Consolas, monospace; }
.page { display: grid; grid-template-columns: repeat(${layout.columns}, 1fr); grid-auto-rows: ${labelHeight}mm; width: 190mm; break-after: page; }
.label { display: flex; align-items: center; gap: 2mm; padding: 1mm; overflow: hidden; }
.label svg { flex: none; }
.hri { overflow-wrap: anywhere; }
</style></head><body>
`;
}

export function htmlLabel(unit: PrintableUnit, layout: PrintLayout): string {
  const svg = symbolSvg(layout.symbology, symbolData(layout.symbology, unit.codes), { moduleMm: layout.moduleMm });
  const hri = unit.codes.elements.map((e) => `(${e.ai}) ${escapeXml(e.value)}`).join("<br>");
  return `<div class="label">${svg}<div class="hri">${hri}</div></div>`;
}

export const htmlPageStart = `<section class="page">`;
export const htmlPageEnd = `</section>\n`;
export const htmlFooter = `</body></html>\n`;

export function ndjsonLabel(unit: PrintableUnit, layout: PrintLayout): string {
  const data = symbolData(layout.symbology, unit.codes);
  const svg = symbolSvg(layout.symbology, data, { moduleMm: layout.moduleMm, standalone: true, title: unit.codes.hri });
  return `${JSON.stringify({ gtin: unit.gtin, lot: unit.lot, expiry: unit.expiryDate, serial: unit.serial, symbology: layout.symbology, data, svg })}\n`;
}
