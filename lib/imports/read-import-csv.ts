// Reads an import file record by record with csv-parse: BOM, CRLF, quoted fields, comma or semicolon,
// and each record's line number. Memory stays at a slice of records: the text is fed in pieces, so
// csv-parse's back-pressure holds the parser while a chunk is being written to the database.
import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { detectDelimiter } from "./import-columns";

export type CsvItem =
  | { kind: "record"; line: number; fields: string[] }
  | { kind: "error"; line: number; raw: string; message: string };

const SLICE = 65_536;
/** No field we read is long; a huge record is a broken file (an unclosed quote), not data. */
const MAX_RECORD_BYTES = 65_536;

// Line numbers are counted on "\n" only: csv-parse counts "\r\n" inside quotes twice.
const normaliseNewlines = (text: string) => text.replace(/\r\n?/g, "\n");
const newlines = (text: string) => text.split("\n").length - 1;

/** The header row's fields, or null when the file has no first line. */
export function readHeaderFields(text: string): string[] | null {
  const start = normaliseNewlines(text.slice(0, MAX_RECORD_BYTES));
  const end = start.indexOf("\n");
  const line = end < 0 ? start : start.slice(0, end);
  if (line.replace(/^\uFEFF/, "").trim() === "") return null;
  try {
    const [fields] = parseSync(line, { bom: true, delimiter: detectDelimiter(line), relax_quotes: true }) as string[][];
    return fields ?? null;
  } catch {
    return null;
  }
}

function* slices(text: string): Generator<string> {
  // Slices end at a newline, so a multi-byte character is never cut in two.
  for (let start = 0; start < text.length; ) {
    const cut = text.indexOf("\n", start + SLICE);
    const end = cut < 0 ? text.length : cut + 1;
    yield text.slice(start, end);
    start = end;
  }
}

/** Every record of the file in order, header first; broken records come back as errors, never throw. */
export async function* readImportCsv(text: string): AsyncGenerator<CsvItem> {
  const normalised = normaliseNewlines(text);
  const skipped: CsvItem[] = [];
  const parser = Readable.from(slices(normalised), { objectMode: false }).pipe(
    parse({
      bom: true,
      delimiter: detectDelimiter(normalised.replace(/^\uFEFF/, "")),
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_BYTES,
      on_skip: (error: CsvError | undefined, raw: string | undefined) => {
        const lines = typeof error?.lines === "number" ? error.lines : 0;
        const rawText = raw ?? "";
        // error.lines is where the parser gave up; the record began that many newlines earlier.
        const line = Math.max(1, lines - Math.max(0, newlines(rawText) - (rawText.endsWith("\n") ? 1 : 0)));
        skipped.push({ kind: "error", line, raw: rawText.slice(0, 200), message: error?.message ?? "The row could not be read." });
        return undefined;
      },
    }),
  );
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // info.lines is the line the record ends on; a quoted field may have spanned several.
    const line = item.info.lines - item.record.reduce((n, field) => n + newlines(field), 0);
    // on_skip runs as the parser meets a broken record, which may be before earlier records are
    // consumed here: merge by line to keep file order.
    while (skipped.length && skipped[0]!.line < line) yield skipped.shift()!;
    yield { kind: "record", line, fields: item.record };
  }
  while (skipped.length) yield skipped.shift()!;
}
