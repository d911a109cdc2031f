// Element strings: bracketed "(01)...(21)..." and raw data with FNC1 separators, both ways.
import type { AiElement, AiValue } from "./ai-element";
import { lookupAi, lookupAiPrefix } from "./ai-table";
import { checkValueLength, lintAiValue, validateAiValue } from "./ai-value-validation";
import { fail, ok, type Gs1Result } from "./errors";
import { fastParseBracketed, fastParseRawAiData, fastToBracketed } from "./fast-path";
import type { ResolvedOptions } from "./gs1-options";

export const GS = "\u001d";

/** Parse "(01)09506000134352(10)ABC" into AIs, checking each AI value but not cross-AI rules. */
export function parseBracketed(input: string, options: ResolvedOptions): Gs1Result<AiElement[]> {
  const fast = fastParseBracketed(input);
  if (fast) return ok(fast);
  const elements: AiElement[] = [];
  let p = 0;
  while (p < input.length) {
    if (input[p] !== "(") return fail("ELEMENT_STRING_PARSE_FAILED", "Failed to parse AI data: expected \"(\"", { offset: p });
    const close = input.indexOf(")", p + 1);
    if (close < 0) return fail("ELEMENT_STRING_PARSE_FAILED", "Failed to parse AI data: missing \")\"", { offset: p });
    const ai = input.slice(p + 1, close);
    const found = lookupAi(ai, options.permitUnknownAIs);
    if (!found) return fail("AI_UNRECOGNISED", `Unrecognised AI: ${ai}`, { ai, offset: p + 1 });
    let r = close + 1;
    if (r >= input.length) return fail("ELEMENT_STRING_PARSE_FAILED", `Failed to parse AI data: AI (${ai}) has no value`, { ai, offset: r });
    const valueOffset = r;
    let value = "";
    for (;;) {
      let next = input.indexOf("(", r);
      if (next < 0) next = input.length;
      if (next < input.length && next > r && input[next - 1] === "\\") {
        value += `${input.slice(r, next - 1)}(`;
        r = next + 1;
        continue;
      }
      value += input.slice(r, next);
      p = next;
      break;
    }
    const lengthCheck = checkValueLength(ai, found.entry, value, valueOffset);
    if (!lengthCheck.ok) return lengthCheck;
    elements.push({ ai, value, offset: valueOffset, entry: found.entry, unknown: found.unknown });
  }
  for (const element of elements) {
    const checked = validateAiValue(element.ai, element.entry, element.value, element.offset);
    if (!checked.ok) return checked;
  }
  return ok(elements);
}

/**
 * Parse raw AI data that follows FNC1-in-first-position: AIs run together, with `separator`
 * (GS, or "^" in GS1's notation) after each variable-length AI that is not last.
 */
export function parseRawAiData(data: string, separator: string, options: ResolvedOptions, baseOffset = 0): Gs1Result<AiElement[]> {
  if (data.length === 0) return fail("AI_DATA_EMPTY", "The AI data is empty", { offset: baseOffset });
  const fast = fastParseRawAiData(data, separator, baseOffset);
  if (fast) return ok(fast);
  const elements: AiElement[] = [];
  let p = 0;
  while (p < data.length) {
    const found = lookupAiPrefix(data.slice(p, p + 4), options.permitUnknownAIs);
    if (!found) {
      return fail("NO_AI_FOR_PREFIX", `No known AI is a prefix of: ${data.slice(p, p + 4)}...`, { offset: baseOffset + p });
    }
    const ai = found.entry.ai;
    p += ai.length;
    let end = data.indexOf(separator, p);
    if (end < 0) end = data.length;
    const consumed = lintAiValue(ai, found.entry, data, p, end, baseOffset);
    if (!consumed.ok) return consumed;
    elements.push({ ai, value: data.slice(p, p + consumed.value), offset: baseOffset + p, entry: found.entry, unknown: found.unknown });
    p += consumed.value;
    if (found.entry.fnc1 && p < data.length && data[p] !== separator) {
      return fail("AI_DATA_TOO_LONG", `AI (${ai}) data is too long`, { ai, offset: baseOffset + p });
    }
    if (data[p] === separator) p++;
  }
  return ok(elements);
}

/** Parse GS1's unbracketed notation "^0112345678901231^10ABC" ("^" = FNC1). */
export function parseUnbracketed(input: string, options: ResolvedOptions): Gs1Result<AiElement[]> {
  if (!input.startsWith("^")) return fail("MISSING_FNC1_IN_FIRST_POSITION", "Missing FNC1 in first position", { offset: 0 });
  return parseRawAiData(input.slice(1), "^", options, 1);
}

function needsSeparator(element: { readonly ai: string }, fnc1: (ai: string) => boolean): boolean {
  return fnc1(element.ai);
}

/** "(01)...(10)..." with a literal "(" in a value escaped as "\(". */
export function toBracketed(elements: readonly AiValue[]): string {
  return fastToBracketed(elements);
}

/** Concatenate AIs, inserting `separator` after each variable-length AI that is not last. */
export function joinRaw(elements: readonly AiValue[], separator: string, fnc1: (ai: string) => boolean): string {
  let out = "";
  elements.forEach((element, i) => {
    out += element.ai + element.value;
    if (i < elements.length - 1 && needsSeparator(element, fnc1)) out += separator;
  });
  return out;
}

/** AI for which the value length is variable, so an FNC1 must follow it (unknown AIs: variable). */
export function requiresFnc1(ai: string): boolean {
  return lookupAi(ai, true)?.entry.fnc1 ?? true;
}

/** GS1's unbracketed notation: "^" then the AIs with "^" separators. */
export function toUnbracketed(elements: readonly AiValue[]): string {
  return `^${joinRaw(elements, "^", requiresFnc1)}`;
}

/** Raw barcode content with GS separators (no symbology identifier, no leading FNC1). */
export function toGsSeparated(elements: readonly AiValue[]): string {
  return joinRaw(elements, GS, requiresFnc1);
}
