// Shapes of the GS1 Barcode Syntax Dictionary entries as generated into ./generated.

/** Character set of a component: N numeric, X CSET 82, Y CSET 39, Z CSET 64 (base64url). */
export type Cset = "N" | "X" | "Y" | "Z";

export interface AiComponent {
  readonly cset: Cset;
  readonly min: number;
  readonly max: number;
  readonly optional: boolean;
  /** Linter names from the dictionary, run after the character-set check. */
  readonly linters: readonly string[];
}

export interface AiEntry {
  readonly ai: string;
  /** True when the AI is variable length and needs an FNC1 (GS) separator after it. */
  readonly fnc1: boolean;
  /** True when the AI may appear as a Digital Link query attribute ("?" flag). */
  readonly dlDataAttr: boolean;
  readonly components: readonly AiComponent[];
  /** Each req= attribute: a list of alternatives, each a group of AI patterns that must all be present. */
  readonly req: readonly (readonly (readonly string[])[])[];
  /** Patterns (e.g. "310n") of AIs that must not appear together with this one. */
  readonly ex: readonly string[];
  /** Digital Link primary-key qualifier alternatives; null when the AI is not a primary key. */
  readonly dlpkey: readonly (readonly string[])[] | null;
  readonly title: string;
}
