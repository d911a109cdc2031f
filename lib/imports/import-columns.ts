// The CSV import's columns and limits, and the header check that runs before any job is created.

export const MAX_IMPORT_BYTES = 50 * 1_048_576;
export const MAX_IMPORT_ROWS = 1_000_000;

export const IMPORT_COLUMNS = ["gtin", "serial", "lot", "expiry", "uri", "status", "event_time", "market", "location"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Where each column sits in the file's records. */
export type ColumnIndex = Partial<Record<ImportColumn, number>>;

export type HeaderCheck = { ok: true; columns: ColumnIndex; width: number } | { ok: false; message: string };

// Spreadsheets title columns freely ("Event time", "event-time", " GTIN "): compare a normalised form.
const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** The delimiter the header line uses: a semicolon when it has more of those than commas (European Excel). */
export function detectDelimiter(text: string): "," | ";" {
  const end = text.indexOf("\n");
  const firstLine = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Check the header row: known columns, none twice, and either gtin + serial or uri, plus status. */
export function checkHeader(fields: readonly string[]): HeaderCheck {
  const columns: ColumnIndex = {};
  const unknown: string[] = [];
  for (const [index, field] of fields.entries()) {
    const name = normalise(field);
    if (name === "") continue;
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      unknown.push(field.trim());
      continue;
    }
    const column = name as ImportColumn;
    if (columns[column] !== undefined) return { ok: false, message: `The column "${column}" appears twice in the header row.` };
    columns[column] = index;
  }
  // An unknown column is refused rather than ignored: "expiry_date" silently dropped would lose data.
  if (unknown.length) {
    return { ok: false, message: `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}. The columns are: ${IMPORT_COLUMNS.join(", ")}.` };
  }
  const has = (c: ImportColumn) => columns[c] !== undefined;
  if (has("uri")) {
    const both = (["gtin", "serial", "lot", "expiry"] as const).filter(has);
    if (both.length) return { ok: false, message: `Use either a uri column or gtin, serial, lot and expiry columns, not both (found uri and ${both.join(", ")}).` };
  } else if (!has("gtin") || !has("serial")) {
    return { ok: false, message: "The header row needs gtin and serial columns (or a single uri column with a GS1 Digital Link or element string)." };
  }
  if (!has("status")) return { ok: false, message: "The header row needs a status column." };
  return { ok: true, columns, width: fields.length };
}

/** A downloadable example of the format, one row per common status. */
export const IMPORT_TEMPLATE = [
  "gtin,serial,lot,expiry,status,event_time,market,location",
  "09506000134352,SER0001,LOT24A,2027-12-31,commissioned,2026-01-10T08:00:00+01:00,,",
  "09506000134352,SER0001,LOT24A,2027-12-31,shipped,2026-01-12T14:30:00+01:00,DE,",
  "09506000134352,SER0002,LOT24A,2027-12-31,sold,,FR,",
  "",
].join("\r\n");
