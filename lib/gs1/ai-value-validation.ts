// Validates one AI value component by component: lengths, character set, then every dictionary linter.
import { maxValueLength, minValueLength } from "./ai-table";
import type { AiComponent, AiEntry } from "./dictionary-types";
import { fail, linterMessage, ok, OK_TRUE, type Gs1Result } from "./errors";
import type { Linter } from "./linters/lint-result";
import { CSET_LINTERS, LINTERS } from "./linters/linter-registry";

// Resolved once per component: the character-set linter followed by the named linters (undefined if unknown).
const LINTER_CACHE = new WeakMap<AiComponent, readonly (Linter | undefined)[]>();

function lintersFor(part: AiComponent): readonly (Linter | undefined)[] {
  let linters = LINTER_CACHE.get(part);
  if (!linters) {
    linters = [CSET_LINTERS[part.cset], ...part.linters.map((name) => LINTERS[name])];
    LINTER_CACHE.set(part, linters);
  }
  return linters;
}

/** Whole-value checks done before linting: a checksum failure is unhelpful when the value is too long. */
export function checkValueLength(ai: string, entry: AiEntry, value: string, offset: number): Gs1Result<true> {
  if (value.length < minValueLength(entry)) return fail("AI_VALUE_TOO_SHORT", `AI (${ai}) value is too short`, { ai, offset });
  if (value.length > maxValueLength(entry)) return fail("AI_VALUE_TOO_LONG", `AI (${ai}) value is too long`, { ai, offset });
  const caret = value.indexOf("^");
  if (caret >= 0) return fail("AI_ILLEGAL_CARET", `AI (${ai}) contains illegal ^ character`, { ai, offset: offset + caret });
  return OK_TRUE;
}

/**
 * Apply the component specification to data[start..end) and return how much of it the AI consumed.
 * Fixed-length AIs may leave data over (the next AI follows without a separator).
 */
export function lintAiValue(ai: string, entry: AiEntry, data: string, start: number, end: number, baseOffset: number): Gs1Result<number> {
  if (start === end) return fail("AI_DATA_EMPTY", `AI (${ai}) data is empty`, { ai, offset: baseOffset + start });
  let p = start;
  for (const part of entry.components) {
    const complen = Math.min(end - p, part.max);
    if (part.optional && complen === 0) continue;
    if (complen < part.min) return fail("AI_DATA_INCORRECT_LENGTH", `AI (${ai}) data has incorrect length`, { ai, offset: baseOffset + p });
    const component = data.slice(p, p + complen);
    const linters = lintersFor(part);
    for (let i = 0; i < linters.length; i++) {
      const linter = linters[i];
      if (!linter) {
        const name = part.linters[i - 1] ?? "?";
        return fail("UNKNOWN_LINTER", `AI (${ai}): the dictionary names an unknown linter "${name}"`, { ai, offset: baseOffset + p });
      }
      const fault = linter(component);
      if (fault) {
        return fail(fault.code, `AI (${ai}): ${linterMessage(fault.code)}`, { ai, offset: baseOffset + p + fault.pos, length: fault.len });
      }
    }
    p += complen;
  }
  return ok(p - start);
}

/** Validate a complete, already delimited AI value (bracketed or Digital Link input). */
export function validateAiValue(ai: string, entry: AiEntry, value: string, offset: number): Gs1Result<true> {
  const consumed = lintAiValue(ai, entry, value, 0, value.length, offset);
  if (!consumed.ok) return consumed;
  if (consumed.value !== value.length) return fail("AI_DATA_TOO_LONG", `AI (${ai}) data is too long`, { ai, offset: offset + consumed.value });
  return OK_TRUE;
}
