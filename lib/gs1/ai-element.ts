// One AI with its value, as extracted from any input form.
import type { AiEntry } from "./dictionary-types";

export interface AiElement {
  readonly ai: string;
  readonly value: string;
  /** Offset of the value in the caller's input, used to place errors. */
  readonly offset: number;
  /** The dictionary entry (or a made-up one for a permitted unknown AI). */
  readonly entry: AiEntry;
  readonly unknown: boolean;
}

/** The public, plain form of an AI element. */
export interface AiValue {
  readonly ai: string;
  readonly value: string;
}

export function toAiValues(elements: readonly AiElement[]): AiValue[] {
  return elements.map(({ ai, value }) => ({ ai, value }));
}
