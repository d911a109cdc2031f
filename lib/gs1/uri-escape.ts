// Percent-encoding with GS1 Digital Link rules: only unreserved characters stay literal;
// a space is "+" in a query value but "%20" in a path segment, and "+" is literal in a path.

const HEX = "0123456789ABCDEF";

function isUnreserved(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 126;
}

const ENCODER = new TextEncoder();
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

export function uriEscape(value: string, isQueryComponent: boolean): string {
  if (ALL_UNRESERVED.test(value)) return value;
  let out = "";
  for (const byte of ENCODER.encode(value)) {
    if (isUnreserved(byte)) out += String.fromCharCode(byte);
    else if (byte === 32 && isQueryComponent) out += "+";
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Decode to bytes; malformed escapes pass through unchanged. Returns null for "%00", which GS1 rejects
 * because NUL cannot be carried in AI data.
 */
export function uriUnescapeBytes(input: string, isQueryComponent: boolean): Uint8Array | null {
  const out: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 37 && i < input.length - 2) {
      const hi = hexValue(input.charCodeAt(i + 1));
      const lo = hexValue(input.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        const byte = hi * 16 + lo;
        if (byte === 0) return null;
        out.push(byte);
        i += 2;
        continue;
      }
    }
    out.push(isQueryComponent && c === 43 ? 32 : c);
  }
  return Uint8Array.from(out);
}

/** Decode to a string with one character per byte (AI data is ASCII; other bytes then fail CSET checks). */
export function uriUnescape(input: string, isQueryComponent: boolean): string | null {
  if (!input.includes("%") && !(isQueryComponent && input.includes("+"))) return input;
  const bytes = uriUnescapeBytes(input, isQueryComponent);
  if (!bytes) return null;
  let out = "";
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}
