// Print-ready SVG of a GS1 DataMatrix or a Digital Link QR code, drawn from bwip-js's module matrix.
// bwip-js encodes (the hard part); drawing the matrix ourselves as one run-length path is several
// times faster than its toSVG() and lets the label size be set in millimetres.
// The node entry: the package root exposes only platform conditions (node, browser, …).
import bwipjs from "bwip-js/node";

export type Symbology = "gs1datamatrix" | "qrcode";

export interface SymbolMatrix {
  /** Row-major, 1 = dark module. */
  modules: ArrayLike<number>;
  columns: number;
  rows: number;
}

// Minimum quiet zones in modules: ISO/IEC 16022 (Data Matrix) 1, ISO/IEC 18004 (QR) 4.
const quietZone: Record<Symbology, number> = { gs1datamatrix: 1, qrcode: 4 };

/**
 * Encode `data`: the bracketed element string for GS1 DataMatrix (FNC1 and separators are added by
 * bwip-js), the Digital Link URI for QR. Throws when bwip-js refuses the data.
 */
export function encodeSymbol(symbology: Symbology, data: string): SymbolMatrix {
  // BWIPP's QR default is error correction level M, which GS1 recommends for Digital Links.
  const [first] = bwipjs.raw(symbology, data, {});
  if (!first || !("pixs" in first)) throw new Error(`bwip-js returned no matrix for ${symbology}`);
  return { modules: first.pixs, columns: first.pixx, rows: first.pixy };
}

/** One path of horizontal runs, in module units; the shortest SVG for a matrix symbol. */
export function matrixPath(matrix: SymbolMatrix, offset: number): string {
  const { modules, columns, rows } = matrix;
  let d = "";
  for (let y = 0; y < rows; y++) {
    let x = 0;
    while (x < columns) {
      if (modules[y * columns + x] !== 1) {
        x++;
        continue;
      }
      const start = x;
      while (x < columns && modules[y * columns + x] === 1) x++;
      d += `M${start + offset} ${y + offset}h${x - start}v1h${start - x}z`;
    }
  }
  return d;
}

export interface SymbolSvgOptions {
  /** Module (X-dimension) size in mm; GS1 DataMatrix for healthcare: 0.255–0.615 mm. */
  moduleMm?: number;
  /** Add the SVG namespace so the SVG stands alone (not needed inline in HTML). */
  standalone?: boolean;
  title?: string;
}

export function symbolSvg(symbology: Symbology, data: string, options: SymbolSvgOptions = {}): string {
  const matrix = encodeSymbol(symbology, data);
  const quiet = quietZone[symbology];
  const width = matrix.columns + 2 * quiet;
  const height = matrix.rows + 2 * quiet;
  const moduleMm = options.moduleMm ?? (symbology === "qrcode" ? 0.5 : 0.4);
  const size = `width="${(width * moduleMm).toFixed(2)}mm" height="${(height * moduleMm).toFixed(2)}mm"`;
  const ns = options.standalone ? ` xmlns="http://www.w3.org/2000/svg"` : "";
  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : "";
  return `<svg${ns} viewBox="0 0 ${width} ${height}" ${size} shape-rendering="crispEdges">${title}<path d="${matrixPath(matrix, quiet)}"/></svg>`;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
