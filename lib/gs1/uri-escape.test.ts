import { describe, expect, it } from "vitest";

import { loadVectors } from "./testing/load-vectors";
import { uriEscape, uriUnescapeBytes } from "./uri-escape";

interface EscapeCase {
  readonly id: string;
  readonly function: "URIescape" | "URIunescape";
  readonly input: string;
  readonly expectedPath: string | null;
  readonly expectedQuery: string | null;
  readonly nonUtf8?: boolean;
  readonly expectedPathHex?: string;
  readonly expectedQueryHex?: string;
  readonly rejected?: boolean;
}

const vectors = loadVectors<EscapeCase>("uri-escape.json");
const hex = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString("hex") : null);
const text = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString("latin1") : null);

describe("URI escaping on GS1's uri-escape.json vectors", () => {
  it.each(vectors.cases.map((c) => [`${c.id} ${c.function} ${JSON.stringify(c.input)}`, c] as const))("%s", (_name, c) => {
    if (c.function === "URIescape") {
      expect(uriEscape(c.input, false)).toBe(c.expectedPath);
      expect(uriEscape(c.input, true)).toBe(c.expectedQuery);
    } else if (c.rejected) {
      expect(uriUnescapeBytes(c.input, false)).toBeNull();
      expect(uriUnescapeBytes(c.input, true)).toBeNull();
    } else if (c.nonUtf8) {
      // Compared at byte level: 0xFF alone is not UTF-8, so the expected strings are given as hex.
      expect(hex(uriUnescapeBytes(c.input, false))).toBe(c.expectedPathHex);
      expect(hex(uriUnescapeBytes(c.input, true))).toBe(c.expectedQueryHex);
    } else {
      expect(text(uriUnescapeBytes(c.input, false))).toBe(c.expectedPath);
      expect(text(uriUnescapeBytes(c.input, true))).toBe(c.expectedQuery);
    }
  });
});
