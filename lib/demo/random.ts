// A small seeded PRNG (mulberry32) so the demo data set is the same on every machine.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Uppercase alphanumeric string without look-alikes (0/O, 1/I), like printed serials. */
  code(length: number): string;
  hex(length: number): string;
  uuid(): string;
}

const SERIAL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number) => min + Math.floor(next() * (maxInclusive - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  };
  const fromAlphabet = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join("");
  return {
    next,
    int,
    pick,
    chance: (probability) => next() < probability,
    code: (length) => fromAlphabet(SERIAL_ALPHABET, length),
    hex: (length) => fromAlphabet("0123456789abcdef", length),
    uuid: () => {
      const h = fromAlphabet("0123456789abcdef", 32);
      const variant = "89ab"[int(0, 3)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
