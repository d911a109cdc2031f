// Which anchors a request may be answered from, most specific first ("walking up the tree").
import { renderDigitalLink, type AiValue } from "@/lib/gs1";

const SERIAL = "21";

/** The canonical path of a key and its qualifiers, without a stem: "/01/09506000134352/10/LOT1". */
export function anchorPath(primaryKey: AiValue, qualifiers: readonly AiValue[] = []): string {
  // lib/gs1 renders the path with GS1's percent-encoding, so anchors stored from it compare byte for byte.
  return renderDigitalLink({ primaryKey, qualifiers, attributes: [] }, "");
}

/**
 * Candidate anchors from the request's own path up to the primary key: each step drops the last qualifier
 * (ConformantResolver1_0.txt: "any links associated with each level up to the primary key"; the suite's
 * basicWalkUp check: an unknown lot is not a 404 but falls back to the key).
 *
 * One addition: a serial (21) identifies the unit under its key whatever lot or variant is printed beside
 * it (GS1 General Specifications: serials are unique per GTIN), so "/01/x/10/L/21/S" also tries "/01/x/21/S"
 * before the lot: unit-level links may be stored without the lot.
 */
export function candidateAnchors(primaryKey: AiValue, qualifiers: readonly AiValue[]): string[] {
  const anchors: string[] = [];
  for (let length = qualifiers.length; length >= 0; length--) {
    anchors.push(anchorPath(primaryKey, qualifiers.slice(0, length)));
    const last = qualifiers[qualifiers.length - 1];
    if (length === qualifiers.length && qualifiers.length > 1 && last?.ai === SERIAL) anchors.push(anchorPath(primaryKey, [last]));
  }
  return anchors;
}
