// Cross-AI validation from the dictionary's ex= and req= attributes, plus repeats and digital signatures.
import type { AiElement } from "./ai-element";
import { minValueLength } from "./ai-table";
import { fail, OK_TRUE, type Gs1Result } from "./errors";
import { fastAssociationsOk } from "./fast-path";

export interface AssociationChecks {
  readonly mutex?: boolean;
  readonly requisites?: boolean;
  readonly repeats?: boolean;
  readonly digSigSerialKey?: boolean;
}

// Digit prefix of each pattern ("310n" -> "310"), computed once: this runs on every parse.
const PATTERN_PREFIX = new Map<string, string>();

function patternPrefix(pattern: string): string {
  let prefix = PATTERN_PREFIX.get(pattern);
  if (prefix === undefined) {
    prefix = /^\d*/.exec(pattern)?.[0] ?? "";
    PATTERN_PREFIX.set(pattern, prefix);
  }
  return prefix;
}

/** Does any AI in the data match a pattern such as "01", "310n" or "35nn" (never the ignored AI itself)? */
function findMatch(sorted: readonly AiElement[], pattern: string, ignore: string | null): AiElement | undefined {
  const prefix = patternPrefix(pattern);
  if (prefix.length === 0) return undefined;
  for (const e of sorted) {
    if (e.ai.length === pattern.length && e.ai !== ignore && e.ai.startsWith(prefix)) return e;
  }
  return undefined;
}

function checkMutex(sorted: readonly AiElement[]): Gs1Result<true> {
  for (const element of sorted) {
    for (const pattern of element.entry.ex) {
      const other = findMatch(sorted, pattern, element.ai);
      if (other) {
        return fail("INVALID_AI_PAIRS", `It is invalid to pair AI (${element.ai}) with AI (${other.ai})`, { ai: element.ai, offset: other.offset });
      }
    }
  }
  return OK_TRUE;
}

function checkRequisites(sorted: readonly AiElement[]): Gs1Result<true> {
  for (const element of sorted) {
    for (const alternatives of element.entry.req) {
      let satisfied = false;
      for (const group of alternatives) {
        let all = true;
        for (const pattern of group) {
          if (!findMatch(sorted, pattern, element.ai)) {
            all = false;
            break;
          }
        }
        if (all) {
          satisfied = true;
          break;
        }
      }
      if (!satisfied) {
        const wanted = alternatives.map((g) => g.join("+")).join(",");
        return fail("REQUIRED_AIS_NOT_SATISFIED", `Required AIs for AI (${element.ai}) are not satisfied: ${wanted}`, { ai: element.ai, offset: element.offset });
      }
    }
  }
  return OK_TRUE;
}

function checkRepeats(sorted: readonly AiElement[]): Gs1Result<true> {
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a && b && a.ai === b.ai && a.value !== b.value) {
      return fail("AI_INSTANCES_DIFFER", `Multiple instances of AI (${a.ai}) have different values`, { ai: a.ai, offset: b.offset });
    }
  }
  return OK_TRUE;
}

// A digital signature must sign a serialised instance, so these keys need their optional serial part.
const SERIALISABLE_KEYS = ["253", "255", "8003"];

function checkDigSigSerialKey(sorted: readonly AiElement[]): Gs1Result<true> {
  if (!findMatch(sorted, "8030", null)) return OK_TRUE;
  for (const key of SERIALISABLE_KEYS) {
    const element = findMatch(sorted, key, null);
    if (element && element.value.length === minValueLength(element.entry)) {
      return fail("SERIAL_NOT_PRESENT", `Serial component must be present for AI (${key}) when used with AI (8030)`, { ai: key, offset: element.offset });
    }
  }
  return OK_TRUE;
}

const STEPS: readonly (readonly [keyof AssociationChecks, (s: readonly AiElement[]) => Gs1Result<true>])[] = [
  ["mutex", checkMutex],
  ["requisites", checkRequisites],
  ["repeats", checkRepeats],
  ["digSigSerialKey", checkDigSigSerialKey],
];

/** Run the cross-AI checks over all AIs read from one item; each check defaults to on. */
export function validateAssociations(elements: readonly AiElement[], checks: AssociationChecks = {}): Gs1Result<true> {
  // Data that passes every check needs no sorted copy; any doubt (or fault) goes through the steps below.
  const all = checks.mutex !== false && checks.repeats !== false && checks.digSigSerialKey !== false;
  if (all && fastAssociationsOk(elements, checks.requisites !== false)) return OK_TRUE;
  const sorted = [...elements].sort((a, b) => (a.ai < b.ai ? -1 : a.ai > b.ai ? 1 : 0));
  for (const [enabled, check] of STEPS) {
    if (checks[enabled] === false) continue;
    const result = check(sorted);
    if (!result.ok) return result;
  }
  return OK_TRUE;
}
