// Which alphabets and lengths make valid, Digital-Link-friendly GS1 serials (AI 21: CSET 82, 1..20).
import { CSET82 } from "@/lib/gs1/linters/cset-linters";

export interface SerialFormat {
  readonly alphabet: string;
  readonly length: number;
}

export interface SerialFormatOptions {
  /**
   * CSET 82 characters outside the URI "unreserved" set (e.g. / % & ? + " <) are legal in AI 21 but a
   * Digital Link must percent-encode them: the QR code grows, and the serial in the URI no longer reads
   * like the printed one. Refused unless the caller opts in; lib/gs1 encodes them correctly if so.
   */
  allowPercentEncoded?: boolean;
}

export interface SerialFormatProblem {
  code: "alphabet_too_small" | "alphabet_duplicate" | "alphabet_not_cset82" | "alphabet_needs_percent_encoding" | "length_out_of_range";
  message: string;
}

export const MAX_SERIAL_LENGTH = 20;
const uriUnreserved = /^[A-Za-z0-9._-]$/;

/** All problems with a format; an empty list means it can be used. */
export function validateSerialFormat(format: SerialFormat, options: SerialFormatOptions = {}): SerialFormatProblem[] {
  const problems: SerialFormatProblem[] = [];
  const { alphabet, length } = format;
  if (!Number.isInteger(length) || length < 1 || length > MAX_SERIAL_LENGTH) {
    problems.push({ code: "length_out_of_range", message: `A serial (AI 21) has 1 to ${MAX_SERIAL_LENGTH} characters.` });
  }
  const characters = [...alphabet];
  if (new Set(characters).size < 2) problems.push({ code: "alphabet_too_small", message: "The alphabet needs at least two characters." });
  if (new Set(characters).size !== characters.length) {
    // A repeated character would be drawn twice as often, skewing the distribution the math assumes.
    problems.push({ code: "alphabet_duplicate", message: "The alphabet repeats a character." });
  }
  const outside = characters.filter((c) => !CSET82.includes(c));
  if (outside.length > 0) {
    problems.push({ code: "alphabet_not_cset82", message: `Not in GS1 CSET 82: ${JSON.stringify([...new Set(outside)].join(""))}.` });
  }
  if (!options.allowPercentEncoded) {
    const encoded = characters.filter((c) => CSET82.includes(c) && !uriUnreserved.test(c));
    if (encoded.length > 0) {
      problems.push({
        code: "alphabet_needs_percent_encoding",
        message: `Percent-encoded in a Digital Link: ${JSON.stringify([...new Set(encoded)].join(""))}.`,
      });
    }
  }
  return problems;
}
