// Reserve N random serials for a GTIN + lot and commission them as units, all in one transaction.
import type { Database, Executor } from "@/db/database";
import { isUuid } from "@/db/queries/api-keys";
import {
  countUnitsOfGtin,
  findLot,
  findSerialBatchByRequestKey,
  insertCommissionedUnits,
  insertLot,
  insertSerialBatch,
  lockProductForIssuance,
  setLotExpiry,
  type LotRow,
  type SerialBatchRow,
} from "@/db/queries/serials";
import { toGtin14 } from "@/lib/gs1";
import { AppError } from "@/lib/http/problem";
import { validateSerialFormat, type SerialFormat } from "./serial-format";
import { checkPoolCapacity, DEFAULT_SERIAL_ALPHABET, DEFAULT_SERIAL_LENGTH, generateSerials } from "./serial-generator";
import { expiryToAi17, lotProblem } from "./unit-codes";

/** One request's ceiling: a million units issue in seconds on PostgreSQL and keep a request bounded. */
export const MAX_SERIALS_PER_REQUEST = 1_000_000;
const defaultChunkSize = 50_000;
// With the pool check holding usage below 1/10,000, a whole chunk colliding means something is wrong.
const maxChunksWithoutProgress = 5;

export interface IssueSerialsInput {
  organisationId: string;
  productId: string;
  /** GTIN-8/12/13/14 of the product; stored and printed as GTIN-14. */
  gtin: string;
  lot: string;
  /** ISO date; set on the lot when it has none, refused when it contradicts the lot's. */
  expiryDate?: string | null;
  quantity: number;
  alphabet?: string;
  length?: number;
  /** Permit alphabet characters that a Digital Link percent-encodes (see serial-format.ts). */
  allowPercentEncoded?: boolean;
  /** Idempotency key: the same key for the same brand returns the first batch and issues nothing. */
  requestKey?: string | null;
  createdBy?: string | null;
  /** Units per INSERT statement. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Where serials come from; tests substitute a generator that forces collisions. */
  drawSerials?: typeof generateSerials;
}

export interface IssuedSerials {
  batch: SerialBatchRow;
  lot: LotRow;
  /** False when requestKey matched an earlier batch and nothing new was written. */
  created: boolean;
  /** Guess probability of the GTIN's pool once this batch is issued. */
  guessProbability: number;
  /** Serials drawn again because the GTIN already had them. */
  collisions: number;
}

function bad(detail: string, extensions: Record<string, unknown> = {}): AppError {
  return new AppError("bad_request", detail, extensions);
}

function checkInput(input: IssueSerialsInput): { gtin: string; format: SerialFormat } {
  if (!isUuid(input.organisationId) || !isUuid(input.productId)) throw new AppError("not_found", "Unknown product.");
  const gtin = toGtin14(input.gtin);
  if (!gtin.ok) throw bad(`Invalid GTIN: ${gtin.error.message}`);
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_SERIALS_PER_REQUEST) {
    throw bad(`The quantity must be a whole number from 1 to ${MAX_SERIALS_PER_REQUEST.toLocaleString("en")}.`);
  }
  const lot = lotProblem(input.lot);
  if (lot) throw bad(`Invalid lot: ${lot}`);
  if (input.expiryDate != null && expiryToAi17(input.expiryDate) === null) throw bad("The expiry date must be a real date in 2000–2099 (YYYY-MM-DD).");
  const format = { alphabet: input.alphabet ?? DEFAULT_SERIAL_ALPHABET, length: input.length ?? DEFAULT_SERIAL_LENGTH };
  const problems = validateSerialFormat(format, { allowPercentEncoded: input.allowPercentEncoded });
  if (problems.length > 0) throw bad(problems.map((p) => p.message).join(" "), { problems: problems.map((p) => p.code) });
  return { gtin: gtin.value, format };
}

async function lotFor(tx: Executor, input: IssueSerialsInput, gtin: string): Promise<LotRow> {
  const expiryDate = input.expiryDate ?? null;
  const existing = await findLot(tx, input.organisationId, gtin, input.lot);
  if (!existing) return insertLot(tx, { organisationId: input.organisationId, productId: input.productId, gtin, lot: input.lot, expiryDate });
  if (expiryDate && existing.expiryDate && existing.expiryDate !== expiryDate) {
    throw new AppError("conflict", `Lot ${input.lot} already expires on ${existing.expiryDate}.`);
  }
  if (expiryDate && !existing.expiryDate) {
    await setLotExpiry(tx, input.organisationId, existing.id, expiryDate);
    return { ...existing, expiryDate };
  }
  return existing;
}

async function replay(tx: Executor, input: IssueSerialsInput, batch: SerialBatchRow, lot: LotRow | undefined): Promise<IssuedSerials> {
  // A reused key must mean the same request; anything else is a client bug worth surfacing.
  if (batch.productId !== input.productId || batch.quantity !== input.quantity || !lot || lot.id !== batch.lotId) {
    throw new AppError("conflict", "This request key was already used for a different serial request.");
  }
  const issued = await countUnitsOfGtin(tx, lot.gtin);
  const alphabet = input.alphabet ?? DEFAULT_SERIAL_ALPHABET;
  const length = input.length ?? DEFAULT_SERIAL_LENGTH;
  const pool = checkPoolCapacity(issued, 0, { alphabet, length });
  return { batch, lot, created: false, guessProbability: pool.probability, collisions: 0 };
}

/**
 * Throws AppError: not_found (product not the brand's), bad_request (input, format), conflict (pool
 * would pass the 1/10,000 guess probability, lot expiry mismatch, request key reused differently).
 */
export async function issueSerials(db: Database | Executor, input: IssueSerialsInput): Promise<IssuedSerials> {
  const { gtin, format } = checkInput(input);
  const chunkSize = Math.max(1, Math.min(input.chunkSize ?? defaultChunkSize, 200_000));
  return db.transaction(async (tx) => {
    // Locking the product first serialises issuances per GTIN, so the pool check below cannot be raced,
    // and a concurrent retry with the same request key waits here and then finds the first batch.
    const product = await lockProductForIssuance(tx, input.organisationId, input.productId);
    if (!product) throw new AppError("not_found", "Unknown product.");
    if (product.gtin !== gtin) throw bad(`GTIN ${gtin} is not this product's (${product.gtin}).`);

    if (input.requestKey) {
      const earlier = await findSerialBatchByRequestKey(tx, input.organisationId, input.requestKey);
      if (earlier) return replay(tx, input, earlier, await findLot(tx, input.organisationId, gtin, input.lot));
    }

    const issued = await countUnitsOfGtin(tx, gtin);
    const pool = checkPoolCapacity(issued, input.quantity, format);
    if (!pool.ok) {
      throw new AppError(
        "conflict",
        `Issuing ${input.quantity} more serials would make a guessed serial valid with probability ${pool.probability.toExponential(2)}, above EU FMD's 1 in 10,000. Use a longer serial or a larger alphabet.`,
        { reason: "serial_pool_exhausted", guessProbability: pool.probability, remaining: pool.remaining },
      );
    }

    const lot = await lotFor(tx, input, gtin);
    const batch = await insertSerialBatch(tx, {
      organisationId: input.organisationId,
      productId: input.productId,
      lotId: lot.id,
      quantity: input.quantity,
      requestKey: input.requestKey ?? null,
      createdBy: input.createdBy ?? null,
    });

    const commissionedAt = new Date();
    const shared = { organisationId: input.organisationId, productId: input.productId, gtin, lotId: lot.id, lot: lot.lot };
    let done = 0;
    let collisions = 0;
    let idleChunks = 0;
    while (done < input.quantity) {
      const wanted = Math.min(chunkSize, input.quantity - done);
      const serials = (input.drawSerials ?? generateSerials)(wanted, format);
      const inserted = await insertCommissionedUnits(tx, {
        ...shared,
        expiryDate: lot.expiryDate,
        serialBatchId: batch.id,
        commissionedAt,
        serials,
      });
      done += inserted;
      collisions += wanted - inserted;
      idleChunks = inserted === 0 ? idleChunks + 1 : 0;
      if (idleChunks >= maxChunksWithoutProgress) throw new AppError("conflict", "Could not draw unused serials for this GTIN.");
      input.onProgress?.(done, input.quantity);
    }
    return { batch, lot, created: true, guessProbability: pool.probability, collisions };
  });
}
