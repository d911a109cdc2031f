// Lookups over the generated AI table: exact AI, AI at the start of raw data, unknown AIs, DL key paths.
import type { AiComponent, AiEntry } from "./dictionary-types";
import { AI_TABLE } from "./generated/syntax-dictionary";

const BY_AI = new Map<string, AiEntry>(AI_TABLE.map((e) => [e.ai, e]));

/** AI length for each two-digit prefix (all AIs sharing a prefix have the same length); 0 when unused. */
const AI_LENGTH_BY_PREFIX = new Uint8Array(100);
for (const e of AI_TABLE) AI_LENGTH_BY_PREFIX[Number(e.ai.slice(0, 2))] = e.ai.length;

// Prefixes that GS1 pre-defines as fixed length (General Specifications figure 5.10.1-2);
// consulted only to give an unknown AI the right FNC1 behaviour.
const PREDEFINED_VALUE_LENGTH: Readonly<Record<string, number>> = {
  "00": 18, "01": 14, "02": 14, "03": 14, "04": 16,
  "11": 6, "12": 6, "13": 6, "14": 6, "15": 6, "16": 6, "17": 6, "18": 6, "19": 6, "20": 2,
  "31": 6, "32": 6, "33": 6, "34": 6, "35": 6, "36": 6, "41": 13,
};

function unknownEntry(ai: string, fixedLength: number): AiEntry {
  const component: AiComponent = fixedLength
    ? { cset: "X", min: fixedLength, max: fixedLength, optional: false, linters: [] }
    : { cset: "X", min: 1, max: 90, optional: false, linters: [] };
  return { ai, fnc1: fixedLength === 0, dlDataAttr: false, components: [component], req: [], ex: [], dlpkey: null, title: "UNKNOWN" };
}

/** An entry made up for an AI that is not in the dictionary (only when unknown AIs are permitted). */
export interface AiLookup {
  readonly entry: AiEntry;
  readonly unknown: boolean;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function aiLengthByPrefix(prefix: string): number {
  return AI_LENGTH_BY_PREFIX[Number(prefix.slice(0, 2))] ?? 0;
}

/**
 * Look up an AI given exactly (e.g. from brackets or a DL path). An unknown AI is "vivified" only when
 * permitted, when its length agrees with its prefix and when no known AI is a prefix of it (or it of one).
 */
export function lookupAi(ai: string, permitUnknown: boolean): AiLookup | null {
  if (ai.length < 2 || ai.length > 4 || !isDigits(ai)) return null;
  const entry = BY_AI.get(ai);
  if (entry) return { entry, unknown: false };
  for (let len = 2; len < ai.length; len++) if (BY_AI.has(ai.slice(0, len))) return null;
  const prefixLength = aiLengthByPrefix(ai);
  if (prefixLength !== 0 && prefixLength !== ai.length) return null;
  if (!permitUnknown) return null;
  return { entry: unknownEntry(ai, PREDEFINED_VALUE_LENGTH[ai.slice(0, 2)] ?? 0), unknown: true };
}

/**
 * Find the AI at the start of raw (unbracketed) data. Unknown AIs are only recognised when their
 * length is implied by their two-digit prefix; otherwise the AI cannot be told apart from its value.
 */
export function lookupAiPrefix(data: string, permitUnknown: boolean): AiLookup | null {
  if (!isDigits(data.slice(0, 2)) || data.length < 2) return null;
  const prefixLength = aiLengthByPrefix(data);
  if (prefixLength === 0) return null;
  const ai = data.slice(0, prefixLength);
  if (!isDigits(ai) || ai.length < prefixLength) return null;
  const entry = BY_AI.get(ai);
  if (entry) return { entry, unknown: false };
  return permitUnknown ? { entry: unknownEntry(ai, PREDEFINED_VALUE_LENGTH[ai.slice(0, 2)] ?? 0), unknown: true } : null;
}

export function getAiEntry(ai: string): AiEntry | undefined {
  return BY_AI.get(ai);
}

export function allAiEntries(): readonly AiEntry[] {
  return AI_TABLE;
}

export function minValueLength(entry: AiEntry): number {
  return entry.components.reduce((n, c) => n + (c.optional ? 0 : c.min), 0);
}

export function maxValueLength(entry: AiEntry): number {
  return entry.components.reduce((n, c) => n + c.max, 0);
}

// Every valid DL path AI sequence ("01", "01 22", "01 22 10", ...) as a set of space-joined strings.
const DL_PATH_SEQUENCES = new Set<string>();
for (const e of AI_TABLE) {
  if (!e.dlpkey) continue;
  for (const alternative of e.dlpkey) {
    const count = 1 << alternative.length;
    for (let mask = 0; mask < count; mask++) {
      const seq = [e.ai, ...alternative.filter((_, i) => (mask & (1 << i)) !== 0)];
      DL_PATH_SEQUENCES.add(seq.join(" "));
    }
  }
}

export function isDlPrimaryKey(ai: string): boolean {
  return BY_AI.get(ai)?.dlpkey != null;
}

export function isValidDlPathSequence(ais: readonly string[]): boolean {
  return DL_PATH_SEQUENCES.has(ais.join(" "));
}

// Memo for fitsInDlPath: valid path sequences and AIs are both finite, so the map stays small.
const FITS_IN_PATH = new Map<string, boolean>();

/** Would `ai`, inserted anywhere after the key of a valid path sequence, still give a valid sequence? */
export function fitsInDlPath(pathAis: readonly string[], ai: string): boolean {
  const memoKey = `${pathAis.join(" ")}|${ai}`;
  let fits = FITS_IN_PATH.get(memoKey);
  if (fits === undefined) {
    fits = false;
    for (let j = 1; j <= pathAis.length && !fits; j++) {
      fits = isValidDlPathSequence([...pathAis.slice(0, j), ai, ...pathAis.slice(j)]);
    }
    if (FITS_IN_PATH.size < 100_000) FITS_IN_PATH.set(memoKey, fits);
  }
  return fits;
}

/** The longest qualifier path for a key, preferring the alternative that uses most of the given AIs. */
export function bestQualifierPath(key: string, present: ReadonlySet<string>): readonly string[] {
  const entry = BY_AI.get(key);
  let best: readonly string[] = [];
  let bestCount = 0;
  for (const alternative of entry?.dlpkey ?? []) {
    const count = alternative.filter((ai) => present.has(ai)).length;
    if (count > bestCount) {
      best = alternative;
      bestCount = count;
    }
  }
  return best;
}
