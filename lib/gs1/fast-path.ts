// Fast paths for the common case: well-formed input made of AIs from the dictionary. Each fast function
// either returns exactly what the general code would return for a *valid* input, or null, in which case
// the caller runs the general code (which then finds and reports the fault). Nothing is memoised by input.
//
// Everything costly is done once at module load: per-AI validators compiled from the dictionary's component
// specifications, AI lookup by number (no substrings), a trie of valid DL key-qualifier paths and the
// cross-AI patterns with their digit prefixes.
import type { AiElement, AiValue } from "./ai-element";
import type { BarcodeData, BarcodeDataKind } from "./barcode-data";
import { maxValueLength, minValueLength } from "./ai-table";
import { CANONICAL_DL_STEM } from "./digital-link-generate";
import type { ParsedDigitalLink } from "./digital-link-parse";
import type { AiComponent, AiEntry, Cset } from "./dictionary-types";
import type { Gs1Result } from "./errors";
import { AI_TABLE } from "./generated/syntax-dictionary";
import type { ResolvedOptions } from "./gs1-options";
import type { Symbology } from "./scan-data";
import { CSET82, lintCset39, lintCset64 } from "./linters/cset-linters";
import { LINTERS } from "./linters/linter-registry";
import { uriEscape, uriUnescape } from "./uri-escape";

// Local bindings, read once: hot code then calls them directly.
const STEM = CANONICAL_DL_STEM;
const escapeUri = uriEscape;
const unescapeUri = uriUnescape;

/** A check of the value s[from..to) (no substring is made for the common checks). */
type Check = (s: string, from: number, to: number) => boolean;

let enabled = true;

/** Switch the fast paths off (differential tests compare them with the general code); returns the old state. */
export function setFastPathsEnabled(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/**
 * An AI pattern of a cross-AI rule ("01", "310n") as findMatch applies it for one AI (never matching that AI
 * itself): index >= 0 is the one dictionary AI it names; NEVER matches nothing; RANGE matches the AIs of
 * `length` digits whose value is in lo..hi (the AIs starting with the pattern's digit prefix).
 */
interface Pattern {
  readonly index: number;
  readonly length: number;
  readonly lo: number;
  readonly hi: number;
  /** RANGE: the range's counter in GROUP_COUNTS, and 1 when the AI owning the rule falls in the range itself. */
  readonly group: number;
  readonly selfIn: number;
}

const NEVER = -2;
const RANGE = -1;

interface PathNode {
  valid: boolean;
  readonly next: Map<string, PathNode>;
}

/** Everything the fast paths need about one dictionary AI. */
export interface FastAi {
  readonly ai: string;
  readonly entry: AiEntry;
  /** Fixed length (no FNC1 separator after it). */
  readonly fixed: boolean;
  readonly maxLength: number;
  /** True only when the value s[from..to) passes every check of checkValueLength and validateAiValue. */
  readonly valid: Check;
  /**
   * The same checks for the commonest specifications (one numeric or CSET 82 component with at most the
   * linters in LINTER_FLAGS), inlined by validValue: SIMPLE_N or SIMPLE_X, else GENERAL (use `valid`).
   */
  readonly simple: number;
  readonly minLength: number;
  readonly linterFlags: number;
  /** Index into STAMPS. */
  readonly index: number;
  /** The AI as a number (AIs of one length compare by value). */
  readonly num: number;
  /**
   * The ex= and req= rules as one flat program (see compileRules): walking one Int32Array beats walking
   * nested arrays of pattern objects on every parse.
   */
  readonly rules: Int32Array;
  /** The RANGE patterns ("31nn") of the whole dictionary this AI falls in: counters bumped when it is present. */
  readonly groups: number[];
  /** AI 8030 (digital signature): left to the general code. */
  readonly digSig: boolean;
  readonly isKey: boolean;
  /** For a DL primary key: the trie of valid qualifier paths (root = the key alone). */
  readonly path: PathNode | null;
  /** For a DL primary key: 1 at the index of every AI that appears in one of its qualifier paths. */
  readonly qualifiers: Uint8Array;
  /** For a DL primary key: its qualifier paths (dlpkey alternatives) as dictionary AIs. */
  readonly alternatives: readonly (readonly FastAi[])[];
  /** Every component is numeric: a valid value never needs percent- or "(" escaping. */
  readonly plain: boolean;
  /** Prefixes rendered once: "(01)", "/01/", "01=", "&01=" and "?01=". */
  readonly bracketOpen: string;
  readonly pathPrefix: string;
  readonly queryPrefix: string;
  readonly queryNextPrefix: string;
  readonly queryFirstPrefix: string;
}

function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

const CSET82_OK = charTable(CSET82);
const UNRESERVED_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
const UNRESERVED = charTable(UNRESERVED_CHARS);

// Character classes of a DL URI: legal at all, unreserved (never escaped), not allowed in the domain.
const URI_LEGAL = 1;
const UNRESERVED_CHAR = 3;
const DOMAIN_BAD = 4;
const CLASS = new Uint8Array(128);
for (const c of ":/?#[]@!$&'()*+,;=%") CLASS[c.charCodeAt(0)] = URI_LEGAL;
for (const c of UNRESERVED_CHARS) CLASS[c.charCodeAt(0)] = UNRESERVED_CHAR;
for (const c of "_~?#@!$&'()*+,;=%") CLASS[c.charCodeAt(0)] = (CLASS[c.charCodeAt(0)] as number) | DOMAIN_BAD;
// Scratch space, reused by every call (no allocation per parse; nothing here re-enters): the positions of
// "/" in a DL URI, the AIs found walking its path, and the dictionary AIs of the elements being parsed or checked.
const SLASHES = new Int32Array(64);
const FAS: FastAi[] = new Array<FastAi>(64);
const WALK: FastAi[] = new Array<FastAi>(64);

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return false;
  }
  return true;
}

function isCset82(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || CSET82_OK[c] === 0) return false;
  }
  return true;
}

function sub(s: string, from: number, to: number): string {
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

const CSET_CHECKS: Readonly<Record<Cset, Check>> = {
  N: allDigits,
  X: isCset82,
  Y: (s, from, to) => lintCset39(sub(s, from, to)) === null,
  Z: (s, from, to) => lintCset64(sub(s, from, to)) === null,
};

/** lintCsum === null: all digits and a correct mod-10 check digit. */
function csumOk(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  let sum = 0;
  let weight = 3;
  for (let i = to - 2; i >= from; i--) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return false;
    sum += weight * c;
    weight = 4 - weight;
  }
  const last = s.charCodeAt(to - 1) - 48;
  return last >= 0 && last <= 9 && (10 - (sum % 10)) % 10 === last;
}

function twoDigits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;
}

/** checkYymmdd(value, allowDayZero) === null, with the same century window (horizon year 2021). */
function yymmddOk(s: string, from: number, to: number, allowDayZero: boolean): boolean {
  if (to - from !== 6 || !allDigits(s, from, to)) return false;
  const yy = twoDigits(s, from);
  const year = (yy - 21 >= 51 ? 1900 : yy - 21 > -50 ? 2000 : 2100) + yy;
  const month = twoDigits(s, from + 2);
  const day = twoDigits(s, from + 4);
  if (month < 1 || month > 12) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return !((day === 0 && !allowDayZero) || day > days);
}

// Exact boolean forms of the linters on the commonest AIs; any other linter is called as is.
const FAST_LINTERS: Readonly<Record<string, Check>> = {
  csum: csumOk,
  yymmdd: (s, from, to) => yymmddOk(s, from, to, false),
  yymmd0: (s, from, to) => yymmddOk(s, from, to, true),
  gcppos1: (s, from, to) => to - from >= 4 && allDigits(s, from, from + 4),
  gcppos2: (s, from, to) => to - from >= 5 && allDigits(s, from + 1, from + 5),
};

function linterCheck(name: string): Check | null {
  if (Object.hasOwn(FAST_LINTERS, name)) return FAST_LINTERS[name] ?? null;
  const linter = LINTERS[name];
  return typeof linter === "function" ? (s, from, to) => linter(sub(s, from, to)) === null : null;
}

interface CompiledPart {
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  readonly checks: readonly Check[];
}

function compilePart(part: AiComponent): CompiledPart | null {
  const checks: Check[] = [CSET_CHECKS[part.cset]];
  for (const name of part.linters) {
    const check = linterCheck(name);
    if (!check) return null;
    checks.push(check);
  }
  return { min: part.min, max: part.max, optional: part.optional, checks };
}

function runChecks(checks: readonly Check[], s: string, from: number, to: number): boolean {
  for (let i = 0; i < checks.length; i++) if (!(checks[i] as Check)(s, from, to)) return false;
  return true;
}

/**
 * The component specification as one function of s[from..to), true exactly when checkValueLength and
 * validateAiValue would both accept that value (all character sets exclude "^").
 */
function compileValidator(entry: AiEntry): Check {
  const min = minValueLength(entry);
  const max = maxValueLength(entry);
  const parts: CompiledPart[] = [];
  for (const component of entry.components) {
    const part = compilePart(component);
    if (!part) return () => false; // an unknown linter: the general code reports it
    parts.push(part);
  }
  const single = parts.length === 1 ? parts[0] : undefined;
  if (single && !single.optional) {
    const partMin = Math.max(single.min, min, 1);
    const partMax = Math.min(single.max, max);
    const checks = single.checks;
    return (s, from, to) => {
      const len = to - from;
      return len >= partMin && len <= partMax && runChecks(checks, s, from, to);
    };
  }
  return (s, from, to) => {
    const len = to - from;
    if (len === 0 || len < min || len > max) return false;
    let p = 0;
    for (const part of parts) {
      const complen = Math.min(len - p, part.max);
      if (part.optional && complen === 0) continue;
      if (complen < part.min) return false;
      if (!runChecks(part.checks, s, from + p, from + p + complen)) return false;
      p += complen;
    }
    return p === len;
  };
}

const GENERAL = 0;
const SIMPLE_N = 1;
const SIMPLE_X = 2;
const LINTER_FLAGS: Readonly<Record<string, number>> = { csum: 1, gcppos1: 2, gcppos2: 4, yymmdd: 8, yymmd0: 16 };

function simpleSpec(entry: AiEntry): { simple: number; minLength: number; linterFlags: number } {
  const general = { simple: GENERAL, minLength: 0, linterFlags: 0 };
  const [part, ...rest] = entry.components;
  if (!part || rest.length > 0 || part.optional || (part.cset !== "N" && part.cset !== "X")) return general;
  let linterFlags = 0;
  for (const name of part.linters) {
    if (!Object.hasOwn(LINTER_FLAGS, name)) return general;
    linterFlags |= LINTER_FLAGS[name] ?? 0;
  }
  return { simple: part.cset === "N" ? SIMPLE_N : SIMPLE_X, minLength: Math.max(part.min, 1), linterFlags };
}

/** f.valid(s, from, to), with the common specifications checked here (direct calls, no closures). */
function validValue(f: FastAi, s: string, from: number, to: number): boolean {
  if (f.simple === GENERAL) return f.valid(s, from, to);
  const len = to - from;
  if (len < f.minLength || len > f.maxLength) return false;
  const flags = f.linterFlags;
  // csumOk checks every character is a digit itself.
  if (f.simple === SIMPLE_N ? (flags & 1) === 0 && !allDigits(s, from, to) : !isCset82(s, from, to)) return false;
  if (flags === 0) return true;
  if ((flags & 1) !== 0 && !csumOk(s, from, to)) return false;
  if ((flags & 2) !== 0 && !(len >= 4 && allDigits(s, from, from + 4))) return false;
  if ((flags & 4) !== 0 && !(len >= 5 && allDigits(s, from + 1, from + 5))) return false;
  if ((flags & 8) !== 0 && !yymmddOk(s, from, to, false)) return false;
  if ((flags & 16) !== 0 && !yymmddOk(s, from, to, true)) return false;
  return true;
}

// Every RANGE pattern of the dictionary, by "length:lo": its counter index (see GROUP_COUNTS).
const RANGE_GROUPS = new Map<string, { readonly id: number; readonly length: number; readonly lo: number; readonly hi: number }>();

function toPattern(pattern: string, self: string): Pattern {
  const prefix = /^\d*/.exec(pattern)?.[0] ?? "";
  if (prefix.length === 0) return { index: NEVER, length: 0, lo: 0, hi: -1, group: -1, selfIn: 0 };
  if (prefix.length === pattern.length) {
    const index = AI_TABLE.findIndex((e) => e.ai === pattern);
    return { index: index < 0 || pattern === self ? NEVER : index, length: 0, lo: 0, hi: -1, group: -1, selfIn: 0 };
  }
  const scale = 10 ** (pattern.length - prefix.length);
  const lo = Number(prefix) * scale;
  const hi = lo + scale - 1;
  const key = `${pattern.length}:${lo}`;
  let group = RANGE_GROUPS.get(key);
  if (!group) {
    group = { id: RANGE_GROUPS.size, length: pattern.length, lo, hi };
    RANGE_GROUPS.set(key, group);
  }
  const selfNum = Number(self);
  const selfIn = self.length === pattern.length && selfNum >= lo && selfNum <= hi ? 1 : 0;
  return { index: RANGE, length: pattern.length, lo, hi, group: group.id, selfIn };
}

/** A pattern as one number: a dictionary AI's index, NEVER_CODE, or a range's counter and selfIn. */
const NEVER_CODE = -1;
function patternCode(p: Pattern): number {
  if (p.index >= 0) return p.index;
  if (p.index === NEVER) return NEVER_CODE;
  return -2 - (p.group * 2 + p.selfIn);
}

/**
 * The rules of one AI as [ex count, ex codes…, req count, then per req: alternative count, then per
 * alternative: pattern count, codes…].
 */
function compileRules(ex: readonly Pattern[], req: readonly (readonly (readonly Pattern[])[])[]): Int32Array {
  const out: number[] = [ex.length, ...ex.map(patternCode), req.length];
  for (const alternatives of req) {
    out.push(alternatives.length);
    for (const group of alternatives) out.push(group.length, ...group.map(patternCode));
  }
  return Int32Array.from(out);
}

function buildPathTrie(entry: AiEntry): PathNode | null {
  if (!entry.dlpkey) return null;
  const root: PathNode = { valid: false, next: new Map() };
  for (const alternative of entry.dlpkey) {
    const count = 1 << alternative.length;
    for (let mask = 0; mask < count; mask++) {
      let node = root;
      alternative.forEach((ai, i) => {
        if ((mask & (1 << i)) === 0) return;
        let child = node.next.get(ai);
        if (!child) {
          child = { valid: false, next: new Map() };
          node.next.set(ai, child);
        }
        node = child;
      });
      node.valid = true;
    }
  }
  return root;
}

// AIs by number: index = length * 10000 + numeric value, so "01" and "001" differ.
const BY_CODE: (FastAi | undefined)[] = new Array<FastAi | undefined>(50000).fill(undefined);
const BY_ENTRY = new Map<AiEntry, FastAi>();
const LENGTH_BY_PREFIX = new Uint8Array(100);

// Cross-AI checks mark the AIs present in one call with a fresh stamp, so "is AI x present" is one load.
const STAMPS = new Int32Array(AI_TABLE.length);
let stamp = 0;

AI_TABLE.forEach((entry, index) => {
  const fast: FastAi = {
    ai: entry.ai,
    entry,
    fixed: !entry.fnc1,
    maxLength: maxValueLength(entry),
    valid: compileValidator(entry),
    ...simpleSpec(entry),
    index,
    num: Number(entry.ai),
    rules: compileRules(
      entry.ex.map((pattern) => toPattern(pattern, entry.ai)),
      entry.req.map((alternatives) => alternatives.map((group) => group.map((pattern) => toPattern(pattern, entry.ai)))),
    ),
    groups: [],
    digSig: entry.ai === "8030",
    isKey: entry.dlpkey != null,
    path: buildPathTrie(entry),
    qualifiers: new Uint8Array(entry.dlpkey ? AI_TABLE.length : 0),
    alternatives: [],
    plain: entry.components.every((c) => c.cset === "N"),
    bracketOpen: `(${entry.ai})`,
    pathPrefix: `/${entry.ai}/`,
    queryPrefix: `${entry.ai}=`,
    queryNextPrefix: `&${entry.ai}=`,
    queryFirstPrefix: `?${entry.ai}=`,
  };
  BY_CODE[entry.ai.length * 10000 + Number(entry.ai)] = fast;
  BY_ENTRY.set(entry, fast);
  LENGTH_BY_PREFIX[Number(entry.ai.slice(0, 2))] = entry.ai.length;
});

// How many AIs of each RANGE pattern are present, valid while GROUP_STAMPS[g] is the current stamp.
const GROUP_STAMPS = new Int32Array(RANGE_GROUPS.size);
const GROUP_COUNTS = new Int32Array(RANGE_GROUPS.size);

for (const fast of BY_ENTRY.values()) {
  for (const g of RANGE_GROUPS.values()) {
    if (fast.ai.length === g.length && fast.num >= g.lo && fast.num <= g.hi) fast.groups.push(g.id);
  }
  for (const ai of (fast.entry.dlpkey ?? []).flat()) {
    const q = BY_CODE[ai.length * 10000 + Number(ai)];
    if (q && q.ai === ai) fast.qualifiers[q.index] = 1;
  }
  const alternatives = (fast.entry.dlpkey ?? []).map((alternative) => {
    const known: FastAi[] = [];
    for (const ai of alternative) {
      const f = BY_CODE[ai.length * 10000 + Number(ai)];
      if (f && f.ai === ai) known.push(f);
    }
    return known;
  });
  (fast as { alternatives: readonly (readonly FastAi[])[] }).alternatives = alternatives;
}

/** The dictionary AI spelled exactly by s[from..to), or null. */
function aiAt(s: string, from: number, to: number): FastAi | null {
  const len = to - from;
  if (len < 2 || len > 4 || to > s.length) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return null;
    n = n * 10 + c;
  }
  return BY_CODE[len * 10000 + n] ?? null;
}

/** The dictionary AI at the start of raw data s[p..], as lookupAiPrefix finds it, or null. */
function aiPrefixAt(s: string, p: number): FastAi | null {
  if (p + 2 > s.length) return null;
  const a = s.charCodeAt(p) - 48;
  const b = s.charCodeAt(p + 1) - 48;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return null;
  const length = LENGTH_BY_PREFIX[a * 10 + b] ?? 0;
  return length === 0 ? null : aiAt(s, p, p + length);
}

/** 8 for "https://" or "HTTPS://", 7 for "http://" or "HTTP://", else 0 (no mixed case, as GS1 has it). */
function schemeLength(uri: string): number {
  const c0 = uri.charCodeAt(0);
  const upper = c0 === 72 ? 32 : c0 === 104 ? 0 : -1;
  if (upper < 0 || uri.charCodeAt(1) !== 116 - upper || uri.charCodeAt(2) !== 116 - upper || uri.charCodeAt(3) !== 112 - upper) return 0;
  let p = 4;
  if (uri.charCodeAt(4) === 115 - upper) p = 5;
  return uri.charCodeAt(p) === 58 && uri.charCodeAt(p + 1) === 47 && uri.charCodeAt(p + 2) === 47 ? p + 3 : 0;
}

function element(ai: string, value: string, offset: number, entry: AiEntry): AiElement {
  return { ai, value, offset, entry, unknown: false };
}

/** parseBracketed for input without "\(" escapes and with dictionary AIs only; null when in doubt. */
export function fastParseBracketed(input: string): AiElement[] | null {
  if (!enabled) return null;
  if (input.indexOf("\\") >= 0) return null;
  const n = input.length;
  const elements: AiElement[] = [];
  let p = 0;
  while (p < n) {
    if (input.charCodeAt(p) !== 40) return null;
    const close = input.indexOf(")", p + 1);
    if (close < 0) return null;
    const f = aiAt(input, p + 1, close);
    if (!f) return null;
    const r = close + 1;
    if (r >= n) return null;
    let next = input.indexOf("(", r);
    if (next < 0) next = n;
    if (!validValue(f, input, r, next) || elements.length === FAS.length) return null;
    FAS[elements.length] = f;
    elements.push(element(f.ai, input.slice(r, next), r, f.entry));
    p = next;
  }
  return elements;
}

/** parseRawAiData for dictionary AIs only; null when in doubt. */
export function fastParseRawAiData(data: string, separator: string, baseOffset: number): AiElement[] | null {
  const n = data.length;
  if (!enabled || n === 0) return null;
  const sep = separator.charCodeAt(0);
  if (separator.length !== 1) return null;
  const elements: AiElement[] = [];
  let p = 0;
  while (p < n) {
    const f = aiPrefixAt(data, p);
    if (!f) return null;
    p += f.ai.length;
    let end = data.indexOf(separator, p);
    if (end < 0) end = n;
    if (end === p) return null;
    // The general code fills the components greedily, so it consumes up to the AI's maximum length.
    const consumed = Math.min(end - p, f.maxLength);
    if (!validValue(f, data, p, p + consumed) || elements.length === FAS.length) return null;
    FAS[elements.length] = f;
    elements.push(element(f.ai, data.slice(p, p + consumed), baseOffset + p, f.entry));
    p += consumed;
    if (p < n) {
      const c = data.charCodeAt(p);
      if (c === sep) p++;
      else if (!f.fixed) return null;
    }
  }
  return elements;
}

/** Does an AI of fas[0..n) (stamped `current`), other than `self`, match the pattern? */
function present(code: number, current: number): boolean {
  if (code >= 0) return STAMPS[code] === current;
  if (code === NEVER_CODE) return false;
  // A range: present when it counts an AI other than the rule's owner (each AI is present at most once).
  const packed = -2 - code;
  const g = packed >> 1;
  return GROUP_STAMPS[g] === current && (GROUP_COUNTS[g] as number) > (packed & 1);
}


/** Mark the AIs of fas[0..n) present under a fresh stamp; -1 when an AI repeats (left to the general code). */
function stampPresent(fas: readonly FastAi[], n: number): number {
  stamp = stamp === 0x7fffffff ? 1 : stamp + 1;
  if (stamp === 1) {
    STAMPS.fill(0);
    GROUP_STAMPS.fill(0);
  }
  const current = stamp;
  for (let i = 0; i < n; i++) {
    const f = fas[i] as FastAi;
    if (STAMPS[f.index] === current) return -1;
    STAMPS[f.index] = current;
    const groups = f.groups;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k] as number;
      if (GROUP_STAMPS[g] === current) GROUP_COUNTS[g] = (GROUP_COUNTS[g] as number) + 1;
      else {
        GROUP_STAMPS[g] = current;
        GROUP_COUNTS[g] = 1;
      }
    }
  }
  return current;
}

/** The cross-AI checks over fas[0..n) stamped `current`: false for a fault or a digital signature (8030). */
function associationsOk(fas: readonly FastAi[], n: number, current: number, requisites: boolean): boolean {
  for (let i = 0; i < n; i++) {
    const f = fas[i] as FastAi;
    if (f.digSig) return false;
    const rules = f.rules;
    const exCount = rules[0] as number;
    let p = 1;
    for (const exEnd = p + exCount; p < exEnd; p++) if (present(rules[p] as number, current)) return false;
    if (!requisites) continue;
    const reqCount = rules[p++] as number;
    for (let a = 0; a < reqCount; a++) {
      const alternatives = rules[p++] as number;
      let satisfied = false;
      for (let g = 0; g < alternatives; g++) {
        const size = rules[p++] as number;
        const groupEnd = p + size;
        if (!satisfied) {
          let all = true;
          for (let q = p; q < groupEnd && all; q++) all = present(rules[q] as number, current);
          satisfied = all;
        }
        p = groupEnd;
      }
      if (!satisfied) return false;
    }
  }
  return true;
}

// AI sequences that passed the checks of sequencePasses, direct-mapped by a hash of the sequence: one row
// per slot, [n | checks << 8, index of each AI…]. A brand's links repeat a handful of AI sequences, so the
// cross-AI rules run once per sequence instead of once per parse. Only passes are kept: a fault is left to
// the general code anyway.
const PASSED_SLOTS = 1024;
const PASSED_WIDTH = 12;
const PASSED = new Int32Array(PASSED_SLOTS * PASSED_WIDTH);

/** No AI of fas[0..n) repeats and (as the options ask) the cross-AI rules hold. */
function sequencePasses(fas: readonly FastAi[], n: number, o: ResolvedOptions): boolean {
  const checks = o.validateAssociations ? (o.validateRequisiteAIs !== false ? 3 : 1) : 0;
  const head = n | (checks << 8);
  let h = head;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ ((fas[i] as FastAi).index + 1), 0x9e3779b1);
  const row = ((h >>> 0) % PASSED_SLOTS) * PASSED_WIDTH;
  if (n < PASSED_WIDTH && PASSED[row] === head) {
    let i = 0;
    while (i < n && PASSED[row + 1 + i] === (fas[i] as FastAi).index) i++;
    if (i === n) return true;
  }
  const current = stampPresent(fas, n);
  if (current < 0) return false;
  if (checks !== 0 && !associationsOk(fas, n, current, checks === 3)) return false;
  if (n < PASSED_WIDTH) {
    PASSED[row] = head;
    for (let i = 0; i < n; i++) PASSED[row + 1 + i] = (fas[i] as FastAi).index;
  }
  return true;
}

/**
 * True only when validateAssociations (all checks on, requisites as given) would succeed. False means
 * "run the general check": a fault, an AI outside the dictionary, a repeated AI or a digital signature (8030).
 */
export function fastAssociationsOk(elements: readonly AiElement[], requisites: boolean): boolean {
  const n = elements.length;
  if (!enabled || n > FAS.length) return false;
  for (let i = 0; i < n; i++) {
    const e = elements[i] as AiElement;
    const f = BY_ENTRY.get(e.entry);
    if (!f || e.unknown || f.ai !== e.ai) return false;
    FAS[i] = f;
  }
  const current = stampPresent(FAS, n);
  return current >= 0 && associationsOk(FAS, n, current, requisites);
}

function escapePath(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) return escapeUri(value, false);
  }
  return value;
}

function escapeQuery(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || UNRESERVED[c] === 0) return escapeUri(value, true);
  }
  return value;
}

const OPEN_PAREN = /\(/g;

/** The same name, as the interned constant for the usual DL parameters (a property key needs no lookup then). */
function commonName(name: string): string {
  if (name === "linkType") return "linkType";
  if (name === "context") return "context";
  return name;
}

/** A value as toBracketed writes it: a literal "(" escaped as "\(". */
function escapeBracketed(value: string): string {
  return value.indexOf("(") < 0 ? value : value.replace(OPEN_PAREN, "\\(");
}

/** toBracketed for one element. */
function bracketed(ai: string, value: string): string {
  return `(${ai})${escapeBracketed(value)}`;
}

export function fastToBracketed(elements: readonly AiValue[]): string {
  let out = "";
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i] as AiValue;
    out += bracketed(e.ai, e.value);
  }
  return out;
}

/** "?" and the DL query of the canonical form (fixed-length AIs first, each group in input order). */
function renderQuery(elements: readonly AiElement[], from: number): string {
  let query = "";
  for (let pass = 0; pass < 2; pass++) {
    for (let i = from; i < elements.length; i++) {
      const e = elements[i] as AiElement;
      const f = FAS[i] as FastAi;
      if (f.fixed !== (pass === 0)) continue;
      query = query + (query.length === 0 ? f.queryFirstPrefix : f.queryNextPrefix) + (f.plain ? e.value : escapeQuery(e.value));
    }
  }
  return query;
}

/**
 * parseDigitalLink (uncompressed) for a URI whose AIs are all in the dictionary and valid; null when in
 * doubt, including for every faulty URI.
 */
export function fastParseDigitalLink(uri: string, o: ResolvedOptions): Gs1Result<ParsedDigitalLink> | null {
  if (!enabled || o.permitZeroSuppressedGTINinDLuris) return null;
  const n = uri.length;
  // One pass up to the query or fragment: legal characters, escapes, every "/", the first character that a
  // domain must not hold, and the last one that a path value would need escaped. The query is checked as it
  // is parsed, and the fragment at the end.
  let escapes = false;
  let question = -1;
  let hash = -1;
  let slashCount = 0;
  let firstDomainBad = n;
  let lastPathSpecial = -1;
  for (let i = 0; i < n; i++) {
    const c = uri.charCodeAt(i);
    const k = c < 128 ? (CLASS[c] as number) : 0;
    if (k === UNRESERVED_CHAR) continue;
    if (k === 0) return null;
    if (c === 47) {
      if (slashCount === SLASHES.length) return null;
      SLASHES[slashCount++] = i;
      continue;
    }
    if (c === 63) {
      question = i;
      break;
    }
    if (c === 35) {
      hash = i;
      break;
    }
    if ((k & DOMAIN_BAD) !== 0 && i < firstDomainBad) firstDomainBad = i;
    if (c === 37) escapes = true;
    lastPathSpecial = i;
  }
  const scheme = schemeLength(uri);
  if (scheme === 0) return null;
  // SLASHES[domainEnd] is the "/" that ends the domain; the path runs from it to the query or fragment.
  let domainEnd = 0;
  while (domainEnd < slashCount && (SLASHES[domainEnd] as number) < scheme) domainEnd++;
  if (domainEnd === slashCount) return null;
  const slash = SLASHES[domainEnd] as number;
  if (slash === scheme || firstDomainBad < slash) return null;
  const pathEnd = question >= 0 ? question : hash >= 0 ? hash : n;
  const last = slashCount - 1;

  // Walk back from the end of the path in /AI/value pairs to the rightmost primary key.
  let key: FastAi | null = null;
  let keySlash = -1;
  for (let j = last; j > domainEnd; j -= 2) {
    const f = aiAt(uri, (SLASHES[j - 1] as number) + 1, SLASHES[j] as number);
    if (!f) return null;
    WALK[j - 1] = f;
    if (f.isKey) {
      key = f;
      keySlash = j - 1;
      break;
    }
  }
  if (!key) return null;
  const start = SLASHES[keySlash] as number;

  const elements: AiElement[] = [];
  let count = 0;
  let node = key.path;
  for (let j = keySlash; j < last; j += 2) {
    const r = SLASHES[j + 1] as number;
    const f = WALK[j] as FastAi; // found by the walk above
    const e = j + 2 <= last ? (SLASHES[j + 2] as number) : pathEnd;
    if (e === r + 1) return null;
    let value: string;
    if (escapes) {
      const decoded = unescapeUri(uri.slice(r + 1, e), false);
      if (decoded === null || !validValue(f, decoded, 0, decoded.length)) return null;
      value = decoded;
    } else {
      if (!validValue(f, uri, r + 1, e)) return null;
      value = uri.slice(r + 1, e);
    }
    if (count > 0) {
      node = node ? (node.next.get(f.ai) ?? null) : null;
      if (!node) return null;
    }
    elements.push(element(f.ai, value, r + 1, f.entry));
    FAS[count++] = f;
  }
  if (!node?.valid) return null;
  const pathCount = count;

  const otherParams: Record<string, string> = {};
  let others = 0;
  if (question >= 0) {
    let p = question + 1;
    while (p < n) {
      const first = uri.charCodeAt(p);
      if (first === 35) {
        hash = p;
        break;
      }
      if (first === 38) {
        p++;
        continue;
      }
      // One pass over the parameter: its end, its first "=", its key as a number when all digits, escapes.
      let r = p;
      let eq = -1;
      let numeric = true;
      let code = 0;
      let decode = false;
      let digitsValue = true;
      for (; r < n; r++) {
        const c = uri.charCodeAt(r);
        const k = c < 128 ? (CLASS[c] as number) : 0;
        if (k === UNRESERVED_CHAR) {
          if (eq < 0) {
            if (numeric && c >= 48 && c <= 57) code = code * 10 + c - 48;
            else numeric = false;
          } else if (c < 48 || c > 57) digitsValue = false;
          continue;
        }
        if (k === 0) return null;
        if (c === 38 || c === 35) break;
        if (c === 37 || c === 43) decode = true;
        if (eq < 0) {
          if (c === 61) eq = r;
          else numeric = false;
        } else digitsValue = false;
      }
      if (eq > p && numeric) {
        const length = eq - p;
        const f = length >= 2 && length <= 4 ? (BY_CODE[length * 10000 + code] ?? null) : null;
        // (A repeated AI is left to the general code: stampPresent below returns -1.)
        if (!f || eq + 1 === r || !f.entry.dlDataAttr || key.qualifiers[f.index] === 1 || count === FAS.length) return null;
        let value: string;
        if (decode) {
          const decoded = unescapeUri(uri.slice(eq + 1, r), true);
          if (decoded === null || !validValue(f, decoded, 0, decoded.length)) return null;
          value = decoded;
        } else {
          // A value of digits only (seen above) for a plain numeric AI needs only its length checked.
          const numericOnly = digitsValue && f.simple === SIMPLE_N && f.linterFlags === 0;
          const length = r - eq - 1;
          if (numericOnly ? length < f.minLength || length > f.maxLength : !validValue(f, uri, eq + 1, r)) return null;
          value = uri.slice(eq + 1, r);
        }
        elements.push(element(f.ai, value, eq + 1, f.entry));
        FAS[count++] = f;
      } else {
        const rawName = uri.slice(p, eq < 0 ? r : eq);
        const name = decode ? (unescapeUri(rawName, true) ?? rawName) : commonName(rawName);
        const common = !decode && (name === "linkType" || name === "context");
        let value = "";
        if (eq >= 0) {
          const rawValue = uri.slice(eq + 1, r);
          value = decode ? (unescapeUri(rawValue, true) ?? rawValue) : rawValue;
        }
        // The first parameter with a usual name cannot be there yet (nor on Object.prototype).
        if ((others === 0 && common) || !(name in otherParams)) otherParams[name] = value;
        others++;
      }
      if (r < n && uri.charCodeAt(r) === 35) {
        hash = r;
        break;
      }
      p = r;
    }
  }
  if (hash >= 0) {
    for (let i = hash + 1; i < n; i++) {
      const c = uri.charCodeAt(i);
      if (c >= 128 || CLASS[c] === 0) return null;
    }
  }

  if (!sequencePasses(FAS, count, o)) return null;

  // Rendering. When the path holds nothing but unreserved characters and "/", its values stand as they are
  // in the canonical URI and hold no "(" to escape.
  const plainPath = lastPathSpecial < slash;
  const stem = uri.slice(0, start);
  // A plain path is already canonical: the AIs and values exactly as given.
  let path = plainPath ? uri.slice(start, pathEnd) : "";
  let elementString = "";
  const qualifiers: AiValue[] = [];
  const attributes: AiValue[] = [];
  for (let i = 0; i < count; i++) {
    const e = elements[i] as AiElement;
    const f = FAS[i] as FastAi;
    if (i < pathCount) {
      if (plainPath) {
        elementString = elementString + f.bracketOpen + e.value;
      } else {
        path = path + f.pathPrefix + escapePath(e.value);
        elementString += bracketed(e.ai, e.value);
      }
      if (i > 0) qualifiers.push({ ai: e.ai, value: e.value });
    } else {
      elementString = elementString + f.bracketOpen + (f.plain ? e.value : escapeBracketed(e.value));
      attributes.push({ ai: e.ai, value: e.value });
    }
  }
  const suffix = pathCount < count ? path + renderQuery(elements, pathCount) : path;
  const first = elements[0] as AiElement;
  return {
    ok: true,
    value: {
      stem,
      primaryKey: { ai: first.ai, value: first.value },
      qualifiers,
      attributes,
      otherParams,
      fragment: hash < 0 ? null : uri.slice(hash + 1),
      elements,
      elementString,
      canonicalUri: STEM + suffix,
      uri: (start > 0 && uri.charCodeAt(start - 1) === 47 ? stem.slice(0, -1) : stem) + suffix,
      compressed: false,
    },
  };
}

/**
 * The BarcodeData that parseBarcodeData builds from AI data read by our parsers (cross-AI checks as the
 * options say, then arrangeDigitalLink + renderDigitalLink on https://id.gs1.org); null when in doubt.
 */
export function fastBarcodeData(kind: BarcodeDataKind, elements: readonly AiElement[], symbology: Symbology | null, o: ResolvedOptions): BarcodeData | null {
  const n = elements.length;
  if (!enabled || n > FAS.length) return null;
  for (let i = 0; i < n; i++) {
    const e = elements[i] as AiElement;
    let f = FAS[i];
    if (f === undefined || f.entry !== e.entry) f = BY_ENTRY.get(e.entry);
    if (!f || e.unknown || f.ai !== e.ai) return null;
    FAS[i] = f;
  }
  const current = stampPresent(FAS, n);
  if (current < 0) return null;
  if (o.validateAssociations && !associationsOk(FAS, n, current, o.validateRequisiteAIs !== false)) return null;

  const values: AiValue[] = [];
  let elementString = "";
  let keyIndex = -1;
  for (let i = 0; i < n; i++) {
    const e = elements[i] as AiElement;
    const f = FAS[i] as FastAi;
    values.push({ ai: e.ai, value: e.value });
    elementString = elementString + f.bracketOpen + (f.plain ? e.value : escapeBracketed(e.value));
    if (keyIndex < 0 && f.isKey) keyIndex = i;
  }
  let canonicalUri = "";
  let primaryKey: AiValue | null = null;
  let qualifiers: AiElement[] = [];
  let attributes: AiElement[] = [];
  if (keyIndex >= 0) {
    const key = elements[keyIndex] as AiElement;
    const keyAi = FAS[keyIndex] as FastAi;
    // The qualifier path that uses most of the AIs present (the first such one).
    let best: readonly FastAi[] = [];
    let bestCount = 0;
    for (const alternative of keyAi.alternatives) {
      let present = 0;
      for (const q of alternative) if (STAMPS[q.index] === current) present++;
      if (present > bestCount) {
        best = alternative;
        bestCount = present;
      }
    }
    let path = keyAi.pathPrefix + (keyAi.plain ? key.value : escapePath(key.value));
    for (const q of best) {
      if (STAMPS[q.index] !== current) continue;
      for (let i = 0; i < n; i++) {
        if (FAS[i] === q) {
          const e = elements[i] as AiElement;
          qualifiers.push(e);
          path = path + q.pathPrefix + (q.plain ? e.value : escapePath(e.value));
          break;
        }
      }
    }
    let query = "";
    let permitted = true;
    for (let pass = 0; pass < 2 && permitted; pass++) {
      for (let i = 0; i < n; i++) {
        const f = FAS[i] as FastAi;
        if (f.fixed !== (pass === 0) || f === keyAi || best.includes(f)) continue;
        if (!f.entry.dlDataAttr) {
          permitted = false;
          break;
        }
        const e = elements[i] as AiElement;
        attributes.push(e);
        query = query + (query.length === 0 ? f.queryPrefix : f.queryNextPrefix) + (f.plain ? e.value : escapeQuery(e.value));
      }
    }
    if (permitted) {
      primaryKey = { ai: key.ai, value: key.value };
      canonicalUri = query.length === 0 ? STEM + path : `${STEM}${path}?${query}`;
    } else {
      qualifiers = [];
      attributes = [];
    }
  }
  return { kind, elements: values, elementString, canonicalUri, primaryKey, qualifiers, attributes, otherParams: {}, symbology, digitalLink: null };
}
