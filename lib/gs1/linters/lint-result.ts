// A linter reports the GS1 linter error name (e.g. "INCORRECT_CHECK_DIGIT") and the span of the fault.

export interface LintFault {
  readonly code: string;
  /** Offset of the fault within the linted component. */
  readonly pos: number;
  readonly len: number;
}

/** A linter returns null when the data is acceptable. */
export type Linter = (data: string) => LintFault | null;

export function fault(code: string, pos: number, len: number): LintFault {
  return { code, pos, len };
}

export function firstNonDigit(data: string, from = 0, to = data.length): number {
  for (let i = from; i < to; i++) {
    const c = data.charCodeAt(i);
    if (c < 48 || c > 57) return i;
  }
  return -1;
}
