// Human-readable interpretation (HRI) of AI data, as printed under a barcode.
import type { AiValue } from "./ai-element";
import { getAiEntry } from "./ai-table";

export interface HriLine {
  readonly ai: string;
  readonly value: string;
  /** The dictionary's short title (e.g. "GTIN", "BATCH/LOT"), or "UNKNOWN". */
  readonly title: string;
  /** "(01) 09520123456788" */
  readonly text: string;
}

export function toHriLines(elements: readonly AiValue[]): HriLine[] {
  return elements.map(({ ai, value }) => ({ ai, value, title: getAiEntry(ai)?.title ?? "UNKNOWN", text: `(${ai}) ${value}` }));
}

/** One-line HRI: "(01) 09520123456788 (10) ABC123". */
export function toHri(elements: readonly AiValue[]): string {
  return toHriLines(elements)
    .map((line) => line.text)
    .join(" ");
}
