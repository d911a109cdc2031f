// Streaming exports of a serial batch: CSV and print files, page by page in bounded memory.
// Units are read by keyset pagination on their id (never OFFSET, never all rows at once), and each
// page becomes one text chunk, so memory stays at one page however large the batch is.
import { stringify } from "csv-stringify/sync";
import type { Executor } from "@/db/database";
import { isUuid } from "@/db/queries/api-keys";
import { findSerialBatchForExport, listBatchUnitsAfter, type BatchUnitRow } from "@/db/queries/serials";
import { CANONICAL_DL_STEM } from "@/lib/gs1";
import { AppError } from "@/lib/http/problem";
import {
  defaultPrintLayout,
  htmlFooter,
  htmlHeader,
  htmlLabel,
  htmlPageEnd,
  htmlPageStart,
  ndjsonLabel,
  type PrintableUnit,
  type PrintFormat,
  type PrintLayout,
} from "./print-file";
import { createUnitCoder, isValidStem, type UnitCodes } from "./unit-codes";

export type ExportProgress = (done: number, total: number) => void;

export interface OpenSerialExportInput {
  organisationId: string;
  batchId: string;
  /** Digital Link stem, normally the brand's resolver domain; default https://id.gs1.org. */
  stem?: string;
  /** Units read per query (and per emitted chunk). */
  pageSize?: number;
}

export interface PrintFileOptions {
  format?: PrintFormat;
  layout?: Partial<PrintLayout>;
  onProgress?: ExportProgress;
}

export interface SerialExport {
  batchId: string;
  gtin: string;
  lot: string | null;
  expiryDate: string | null;
  /** Units in the batch, for progress. */
  total: number;
  csv(onProgress?: ExportProgress): AsyncGenerator<string>;
  printFile(options?: PrintFileOptions): AsyncGenerator<string>;
}

export const CSV_COLUMNS = ["gtin", "lot", "expiry", "serial", "digital_link", "element_string"] as const;

/** Resolve the batch first (so a route can answer 404 before streaming); the rows come lazily. */
export async function openSerialExport(db: Executor, input: OpenSerialExportInput): Promise<SerialExport> {
  const stem = input.stem ?? CANONICAL_DL_STEM;
  if (!isValidStem(stem)) throw new AppError("bad_request", "The Digital Link stem must be an http(s) URL without query or fragment.");
  // Another brand's batch is indistinguishable from a missing one.
  const found = isUuid(input.batchId) && isUuid(input.organisationId) ? await findSerialBatchForExport(db, input.organisationId, input.batchId) : undefined;
  if (!found) throw new AppError("not_found", "Unknown serial batch.");
  const pageSize = Math.max(1, Math.min(input.pageSize ?? 5_000, 50_000));
  const total = found.batch.quantity;
  const pages = () => batchPages(db, input.organisationId, input.batchId, pageSize, stem);

  return {
    batchId: found.batch.id,
    gtin: found.gtin,
    lot: found.lot,
    expiryDate: found.expiryDate,
    total,
    async *csv(onProgress) {
      let done = 0;
      let header = true;
      for await (const page of pages()) {
        yield stringify(
          page.map((u) => [u.gtin, u.lot ?? "", u.expiryDate ?? "", u.serial, u.codes.digitalLink, u.codes.elementString]),
          { header, columns: [...CSV_COLUMNS] },
        );
        header = false;
        done += page.length;
        onProgress?.(done, total);
      }
      if (header) yield stringify([], { header: true, columns: [...CSV_COLUMNS] });
    },
    async *printFile(options = {}) {
      const layout: PrintLayout = { ...defaultPrintLayout, ...options.layout };
      const format = options.format ?? "html";
      const perPage = layout.columns * layout.rows;
      let done = 0;
      if (format === "html") yield htmlHeader(`Serials ${found.gtin} ${found.lot ?? ""}`.trim(), layout);
      for await (const page of pages()) {
        let chunk = "";
        for (const unit of page) {
          if (format === "ndjson") {
            chunk += ndjsonLabel(unit, layout);
          } else {
            if (done % perPage === 0) chunk += htmlPageStart;
            chunk += htmlLabel(unit, layout);
            if (done % perPage === perPage - 1) chunk += htmlPageEnd;
          }
          done++;
        }
        yield chunk;
        options.onProgress?.(done, total);
      }
      if (format === "html") yield `${done % perPage === 0 ? "" : htmlPageEnd}${htmlFooter}`;
    },
  };
}

/** The batch's units page by page, each with its codes; a new coder only when lot or expiry change. */
async function* batchPages(db: Executor, organisationId: string, batchId: string, pageSize: number, stem: string): AsyncGenerator<PrintableUnit[]> {
  let afterId = 0;
  let coder: { key: string; code: (serial: string) => UnitCodes } | undefined;
  for (;;) {
    const rows: BatchUnitRow[] = await listBatchUnitsAfter(db, organisationId, batchId, afterId, pageSize);
    if (rows.length === 0) return;
    yield rows.map((row) => {
      // Units of a batch share GTIN, lot and expiry unless a later lifecycle event changed them.
      const key = `${row.gtin}|${row.lot ?? ""}|${row.expiryDate ?? ""}`;
      if (coder?.key !== key) coder = { key, code: createUnitCoder(stem, { gtin: row.gtin, lot: row.lot, expiryDate: row.expiryDate }) };
      return { gtin: row.gtin, lot: row.lot, expiryDate: row.expiryDate, serial: row.serial, codes: coder.code(row.serial) };
    });
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/**
 * A Web ReadableStream for a Response body. Pull-based: the next page is read only when the client
 * has taken the previous one, so a slow download never piles pages up in memory; a cancelled
 * download stops the generator (and its queries).
 */
export function toReadableStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
