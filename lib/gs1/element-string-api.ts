// Convenience API over element strings: parse either notation with full validation; generate all forms.
import type { AiElement, AiValue } from "./ai-element";
import { validateAssociations } from "./association-rules";
import { generateDigitalLink } from "./digital-link-generate";
import { GS, parseBracketed, parseRawAiData, parseUnbracketed, toBracketed, toGsSeparated, toUnbracketed } from "./element-string";
import { fail, type Gs1Result } from "./errors";
import { resolveOptions, type Gs1Options } from "./gs1-options";
import { toHri } from "./hri";

/**
 * Parse "(01)...(10)..." (bracketed), "^01...^10..." (GS1 notation) or raw data with GS separators,
 * validating every AI and, unless switched off, the cross-AI rules.
 */
export function parseElementString(input: string, options: Gs1Options = {}): Gs1Result<AiElement[]> {
  const o = resolveOptions(options);
  if (typeof input !== "string" || input.length === 0) return fail("EMPTY_INPUT", "The element string is empty", { offset: 0 });
  const parsed = input.startsWith("(")
    ? parseBracketed(input, o)
    : input.startsWith("^")
      ? parseUnbracketed(input, o)
      : parseRawAiData(input.startsWith(GS) ? input.slice(1) : input, GS, o, input.startsWith(GS) ? 1 : 0);
  if (!parsed.ok || !o.validateAssociations) return parsed;
  const associations = validateAssociations(parsed.value, { requisites: o.validateRequisiteAIs });
  return associations.ok ? parsed : associations;
}

export interface ElementStrings {
  readonly bracketed: string;
  /** GS1 notation, "^" = FNC1. */
  readonly unbracketed: string;
  /** Barcode content with GS (U+001D) separators and no leading FNC1. */
  readonly gsSeparated: string;
  readonly hri: string;
  /** Digital Link URI on the given stem, or "" when the data has no primary key. */
  readonly digitalLink: string;
}

/** Every output form of the same AI data. */
export function generateElementStrings(elements: readonly AiValue[], stem?: string, options: Gs1Options = {}): ElementStrings {
  const dl = generateDigitalLink(elements, stem, options);
  return {
    bracketed: toBracketed(elements),
    unbracketed: toUnbracketed(elements),
    gsSeparated: toGsSeparated(elements),
    hri: toHri(elements),
    digitalLink: dl.ok ? dl.value : "",
  };
}

