// Bit-level reading and writing for GS1 Digital Link compression: the binary string is carried in the
// URI as URI-safe base64, six bits a character, zero-padded at the end.
import { SAFE64 } from "./dl-compression-tables";

const SAFE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < SAFE64.length; i++) SAFE64_VALUE[SAFE64.charCodeAt(i)] = i;

export function isSafe64(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (SAFE64_VALUE[c] ?? -1) < 0) return false;
  }
  return text.length > 0;
}

export class BitReader {
  private readonly bits: string;
  private pos = 0;

  constructor(safe64: string) {
    let bits = "";
    for (let i = 0; i < safe64.length; i++) bits += (SAFE64_VALUE[safe64.charCodeAt(i)] ?? 0).toString(2).padStart(6, "0");
    this.bits = bits;
  }

  get remaining(): number {
    return this.bits.length - this.pos;
  }

  /** True when only the zero padding (fewer than six bits) is left. */
  atPadding(): boolean {
    return this.remaining < 6 && !this.bits.includes("1", this.pos);
  }

  /** Read `count` bits as an unsigned integer (count ≤ 31); -1 when the data runs out. */
  readInt(count: number): number {
    if (count > this.remaining) return -1;
    const value = count === 0 ? 0 : parseInt(this.bits.slice(this.pos, this.pos + count), 2);
    this.pos += count;
    return value;
  }

  /** Read `count` bits as an arbitrarily large unsigned integer; null when the data runs out. */
  readBig(count: number): bigint | null {
    if (count > this.remaining) return null;
    const value = count === 0 ? BigInt(0) : BigInt(`0b${this.bits.slice(this.pos, this.pos + count)}`);
    this.pos += count;
    return value;
  }
}

export class BitWriter {
  private bits = "";

  writeInt(value: number | bigint, count: number): void {
    if (count > 0) this.bits += value.toString(2).padStart(count, "0");
  }

  toSafe64(): string {
    const padded = this.bits.padEnd(Math.ceil(this.bits.length / 6) * 6, "0");
    let out = "";
    for (let i = 0; i < padded.length; i += 6) out += SAFE64[parseInt(padded.slice(i, i + 6), 2)];
    return out;
  }
}
