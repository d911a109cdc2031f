// Encoding and decoding of one AI value in GS1 Digital Link compression. Numeric parts are one binary
// integer, preceded by a length field when variable; alphanumeric parts carry a 3-bit encoding
// indicator, a length when variable, then the characters (all digits as one integer, hex 4 bits,
// URI-safe base64 6 bits or ASCII 7 bits each).
// Numbers are BigInt and zero-padded to their digit count: GS1's prototype used floating point and
// dropped leading zeros, which is exactly what a decoder must not copy.
import type { BitReader, BitWriter } from "./dl-compression-bits";
import { ENCODING, lengthBits, numericBits, SAFE64, type CompressionPart } from "./dl-compression-tables";

const LOWER_HEX = "0123456789abcdef";
const UPPER_HEX = "0123456789ABCDEF";
const CHARSET: Readonly<Record<number, { readonly bits: number; readonly chars: string | null }>> = {
  [ENCODING.lowerHex]: { bits: 4, chars: LOWER_HEX },
  [ENCODING.upperHex]: { bits: 4, chars: UPPER_HEX },
  [ENCODING.safe64]: { bits: 6, chars: SAFE64 },
  [ENCODING.ascii7]: { bits: 7, chars: null },
};

function readDigits(reader: BitReader, digits: number): string | null {
  if (digits === 0) return "";
  const value = reader.readBig(numericBits(digits));
  if (value === null) return null;
  const text = value.toString();
  return text.length > digits ? null : text.padStart(digits, "0");
}

function readPart(reader: BitReader, part: CompressionPart): string | null {
  if (part.numeric) {
    const digits = part.fixed ? part.max : reader.readInt(lengthBits(part.max));
    return digits < 0 || digits > part.max ? null : readDigits(reader, digits);
  }
  const encoding = reader.readInt(3);
  const length = part.fixed ? part.max : reader.readInt(lengthBits(part.max));
  if (encoding < 0 || length < 0 || length > part.max) return null;
  if (encoding === ENCODING.numeric) return readDigits(reader, length);
  const charset = CHARSET[encoding];
  if (!charset) return null;
  let out = "";
  for (let i = 0; i < length; i++) {
    const code = reader.readInt(charset.bits);
    if (code < 0) return null;
    out += charset.chars ? charset.chars[code] : String.fromCharCode(code);
  }
  return out;
}

/** Decode one AI value laid out as `parts`; null when the bits do not form a value. */
export function readValue(reader: BitReader, parts: readonly CompressionPart[]): string | null {
  let value = "";
  for (const part of parts) {
    const text = readPart(reader, part);
    if (text === null) return null;
    value += text;
  }
  return value;
}

function chooseEncoding(text: string): number | null {
  if (/^\d*$/.test(text)) return ENCODING.numeric;
  if (/^[0-9a-f]+$/.test(text)) return ENCODING.lowerHex;
  if (/^[0-9A-F]+$/.test(text)) return ENCODING.upperHex;
  if (/^[A-Za-z0-9_-]+$/.test(text)) return ENCODING.safe64;
  if (/^[\x00-\x7f]+$/.test(text)) return ENCODING.ascii7;
  return null;
}

function writePart(writer: BitWriter, part: CompressionPart, text: string): boolean {
  if (part.numeric) {
    if (!/^\d*$/.test(text) || (part.fixed && text.length !== part.max)) return false;
    if (!part.fixed) writer.writeInt(text.length, lengthBits(part.max));
    writer.writeInt(text.length === 0 ? 0 : BigInt(text), numericBits(text.length));
    return true;
  }
  const encoding = chooseEncoding(text);
  if (encoding === null) return false;
  writer.writeInt(encoding, 3);
  if (!part.fixed) writer.writeInt(text.length, lengthBits(part.max));
  if (encoding === ENCODING.numeric) {
    writer.writeInt(text.length === 0 ? 0 : BigInt(text), numericBits(text.length));
    return true;
  }
  const charset = CHARSET[encoding];
  if (!charset) return false;
  for (let i = 0; i < text.length; i++) {
    writer.writeInt(charset.chars ? charset.chars.indexOf(text.charAt(i)) : text.charCodeAt(i), charset.bits);
  }
  return true;
}

/** Encode one AI value into `parts`; false when the value does not fit the layout. */
export function writeValue(writer: BitWriter, parts: readonly CompressionPart[], value: string): boolean {
  let p = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) return false;
    const isLast = i === parts.length - 1;
    const take = part.fixed ? part.max : isLast ? value.length - p : Math.min(part.max, value.length - p);
    if (take > part.max || p + take > value.length) return false;
    if (!writePart(writer, part, value.slice(p, p + take))) return false;
    p += take;
  }
  return p === value.length;
}
