// Random GS1 serial numbers (AI 21) and the EU FMD guess-probability rule for a serial pool (issue 5).
//
// The math: a counterfeiter who invents a serial for a GTIN hits a real one with probability
// issued ÷ possible, where possible = alphabetSize^length (the serials are uniform and independent,
// so no pattern narrows the space). EU FMD (Delegated Regulation 2016/161, art. 4(b)) demands that
// this stays below 1 in 10,000. The default alphabet has 32 characters and the default length is 12,
// so possible = 32^12 = 2^60 ≈ 1.15 × 10^18: even a billion units of one GTIN give ≈ 8.7 × 10^-10,
// eleven million times below the limit, and the limit is only reached at ≈ 1.15 × 10^14 units.
import { randomFillSync } from "node:crypto";
import { validateSerialFormat, type SerialFormat } from "./serial-format";

/** Digits and capitals without 0/O and 1/I, which people misread when keying in a printed code. */
export const DEFAULT_SERIAL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const DEFAULT_SERIAL_LENGTH = 12;
/** EU FMD: the probability of guessing a valid serial must stay below 1 in 10,000. */
export const MAX_GUESS_PROBABILITY = 1 / 10_000;

export const defaultSerialFormat: SerialFormat = { alphabet: DEFAULT_SERIAL_ALPHABET, length: DEFAULT_SERIAL_LENGTH };

/** Probability that a uniformly guessed serial is one of `issuedTotal` issued ones. */
export function guessProbability(issuedTotal: number, alphabetSize: number, length: number): number {
  return issuedTotal / alphabetSize ** length;
}

export type PoolCheck =
  | { ok: true; probability: number }
  | { ok: false; probability: number; /** How many more serials the pool could still take. */ remaining: number };

/**
 * Refuse a request that would bring (already issued + requested) ÷ alphabet^length above 1/10,000.
 * Computed with BigInt so the boundary is exact even where alphabet^length exceeds 2^53.
 */
export function checkPoolCapacity(alreadyIssued: number, requested: number, format: SerialFormat): PoolCheck {
  const possible = BigInt(format.alphabet.length) ** BigInt(format.length);
  const total = BigInt(alreadyIssued) + BigInt(requested);
  const probability = guessProbability(alreadyIssued + requested, format.alphabet.length, format.length);
  // total / possible > 1 / 10,000  ⇔  total × 10,000 > possible
  if (total * 10_000n > possible) {
    const capacity = possible / 10_000n - BigInt(alreadyIssued);
    return { ok: false, probability, remaining: Number(capacity > 0n ? capacity : 0n) };
  }
  return { ok: true, probability };
}

// Random bytes are drawn in blocks: one syscall per block instead of one per character.
const blockSize = 64 * 1024;

/** A CSPRNG stream of indexes in [0, alphabetSize) by rejection sampling, so no index is favoured. */
export function createIndexSource(alphabetSize: number, fill: (block: Uint8Array) => void = randomFillSync): () => number {
  if (!Number.isInteger(alphabetSize) || alphabetSize < 2 || alphabetSize > 256) throw new RangeError("alphabet size must be 2..256");
  // Bytes at or above `limit` would make the lowest indexes more likely (modulo bias): draw again.
  const limit = 256 - (256 % alphabetSize);
  const block = new Uint8Array(blockSize);
  let position = blockSize;
  return () => {
    for (;;) {
      if (position === blockSize) {
        fill(block);
        position = 0;
      }
      const byte = block[position++]!;
      if (byte < limit) return byte % alphabetSize;
    }
  };
}

/**
 * `count` serials of `format`, each character drawn independently and uniformly from the alphabet.
 * Duplicates within the result are possible in principle (and astronomically rare with the defaults);
 * the database's unique (gtin, serial) index is the arbiter, and issuance tops up what it refuses.
 */
export function generateSerials(count: number, format: SerialFormat = defaultSerialFormat): string[] {
  // Only the hard limits here: whether percent-encoded characters are welcome is the caller's policy.
  const problems = validateSerialFormat(format, { allowPercentEncoded: true });
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join(" "));
  const { alphabet, length } = format;
  const codes = Buffer.from(alphabet, "latin1");
  const nextIndex = createIndexSource(alphabet.length);
  // All characters of a call go into one buffer, then each serial is one latin1 slice of it.
  const text = Buffer.allocUnsafe(count * length);
  for (let i = 0; i < text.length; i++) text[i] = codes[nextIndex()]!;
  const serials = new Array<string>(count);
  for (let i = 0; i < count; i++) serials[i] = text.toString("latin1", i * length, (i + 1) * length);
  return serials;
}
