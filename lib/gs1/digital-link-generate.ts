// Builds a GS1 Digital Link URI from AI data: first primary key in the path with its qualifiers,
// remaining permitted attributes in the query (fixed-length AIs first, then in received order).
import type { AiValue } from "./ai-element";
import { bestQualifierPath, isDlPrimaryKey, lookupAi } from "./ai-table";
import { fail, ok, type Gs1Result } from "./errors";
import { resolveOptions, type Gs1Options } from "./gs1-options";
import { uriEscape } from "./uri-escape";

export const CANONICAL_DL_STEM = "https://id.gs1.org";

export interface DigitalLinkParts {
  readonly primaryKey: AiValue;
  readonly qualifiers: readonly AiValue[];
  readonly attributes: readonly AiValue[];
}

/** Split AI data into the DL path (key + qualifiers) and query attributes, applying GS1's choice rules. */
export function arrangeDigitalLink(elements: readonly AiValue[], options: Gs1Options = {}): Gs1Result<DigitalLinkParts> {
  const o = resolveOptions(options);
  const keyIndex = elements.findIndex((e) => isDlPrimaryKey(e.ai));
  const key = elements[keyIndex];
  if (!key) return fail("DL_NO_PRIMARY_KEY", "Cannot create a DL URI without a primary key AI");
  const present = new Set(elements.map((e) => e.ai));
  const qualifierPath = bestQualifierPath(key.ai, present);
  const pathAis = new Set([key.ai, ...qualifierPath]);
  const qualifiers: AiValue[] = [];
  for (const ai of qualifierPath) {
    const found = elements.find((e) => e.ai === ai);
    if (found) qualifiers.push(found);
  }
  const candidates = elements.filter((e) => !pathAis.has(e.ai));
  const seen = new Set<string>();
  const ordered: AiValue[] = [];
  for (const fixedLength of [true, false]) {
    for (const element of candidates) {
      const found = lookupAi(element.ai, true);
      const isFixed = found ? !found.entry.fnc1 : false;
      if (isFixed !== fixedLength || seen.has(element.ai)) continue;
      seen.add(element.ai);
      const permitted = found ? (found.unknown ? !o.validateUnknownAInotDLattr : found.entry.dlDataAttr) : false;
      if (!permitted) return fail("DL_AI_NOT_DATA_ATTRIBUTE", `AI (${element.ai}) is not a valid DL URI data attribute`, { ai: element.ai });
      ordered.push(element);
    }
  }
  return ok({ primaryKey: { ai: key.ai, value: key.value }, qualifiers, attributes: ordered });
}

/** Render arranged DL parts on a stem (trailing "/" removed). */
export function renderDigitalLink(parts: DigitalLinkParts, stem: string = CANONICAL_DL_STEM): string {
  let uri = stem.endsWith("/") ? stem.slice(0, -1) : stem;
  for (const { ai, value } of [parts.primaryKey, ...parts.qualifiers]) uri += `/${ai}/${uriEscape(value, false)}`;
  const query = parts.attributes.map(({ ai, value }) => `${ai}=${uriEscape(value, true)}`).join("&");
  return query ? `${uri}?${query}` : uri;
}

/** Generate a DL URI from AI data on any stem (default https://id.gs1.org, the canonical form). */
export function generateDigitalLink(elements: readonly AiValue[], stem: string = CANONICAL_DL_STEM, options: Gs1Options = {}): Gs1Result<string> {
  const parts = arrangeDigitalLink(elements, options);
  return parts.ok ? ok(renderDigitalLink(parts.value, stem)) : parts;
}
