// North American coupon codes: AI (8110) NACC and AI (8112) positive offer file coupons.
import { lintYymmdd } from "./date-time-linters";
import { lintGcppos1 } from "./key-linters";
import { fault, firstNonDigit, type LintFault } from "./lint-result";

class CouponFault extends Error {
  constructor(readonly lint: LintFault) {
    super(lint.code);
  }
}

/** A cursor over the digits; every failed expectation aborts the lint with the reference span rules. */
class Cursor {
  pos = 0;
  constructor(readonly data: string) {}
  get atEnd(): boolean {
    return this.pos >= this.data.length;
  }
  get digit(): number {
    return this.data.charCodeAt(this.pos) - 48;
  }
  fail(code: string, pos: number, len: number): never {
    throw new CouponFault(fault(code, pos, len));
  }
  /** Span used when data runs out: the whole data when at the end, else the remainder. */
  truncated(code: string): never {
    const end = this.data.length;
    return this.atEnd ? this.fail(code, 0, end) : this.fail(code, this.pos, end - this.pos);
  }
  requireDigit(missing: string): number {
    if (this.atEnd) this.fail(missing, 0, this.data.length);
    return this.digit;
  }
  skip(count: number, truncatedCode: string): void {
    if (this.data.length - this.pos < count) this.truncated(truncatedCode);
    this.pos += count;
  }
  gcp(length: number): void {
    const result = lintGcppos1(this.data.slice(this.pos, this.pos + length));
    if (result) this.fail(result.code, this.pos, length);
    this.pos += length;
  }
}

function run(data: string, body: (c: Cursor) => void): LintFault | null {
  const bad = firstNonDigit(data);
  if (bad >= 0) return fault("NON_DIGIT_CHARACTER", bad, 1);
  try {
    body(new Cursor(data));
    return null;
  } catch (error) {
    if (error instanceof CouponFault) return error.lint;
    throw error;
  }
}

function vliField(c: Cursor, missing: string, invalid: string, truncated: string, valid: (d: number) => boolean, length: (d: number) => number): number {
  const d = c.requireDigit(missing);
  if (!valid(d)) c.fail(invalid, c.pos, 1);
  c.pos++;
  const len = length(d);
  if (c.data.length - c.pos < len) c.truncated(truncated);
  return len;
}

function purchaseRequirement(c: Cursor, nth: "1ST" | "2ND" | "3RD"): void {
  const len = vliField(c, `COUPON_MISSING_${nth}_PURCHASE_REQUIREMENT_VLI`, `COUPON_INVALID_${nth}_PURCHASE_REQUIREMENT_LENGTH`, `COUPON_TRUNCATED_${nth}_PURCHASE_REQUIREMENT`, (d) => d >= 1 && d <= 5, (d) => d);
  c.pos += len;
  const code = c.requireDigit(`COUPON_MISSING_${nth}_PURCHASE_REQUIREMENT_CODE`);
  if (code > 4 && code !== 9) c.fail(`COUPON_INVALID_${nth}_PURCHASE_REQUIREMENT_CODE`, c.pos, 1);
  c.pos++;
  c.skip(3, `COUPON_TRUNCATED_${nth}_PURCHASE_FAMILY_CODE`);
}

function purchaseGcp(c: Cursor, nth: "2ND" | "3RD"): void {
  const len = vliField(c, `COUPON_MISSING_${nth}_PURCHASE_GCP_VLI`, `COUPON_INVALID_${nth}_PURCHASE_GCP_LENGTH`, `COUPON_TRUNCATED_${nth}_PURCHASE_GCP`, (d) => d <= 6 || d === 9, (d) => (d === 9 ? 0 : d + 6));
  if (len > 0) c.gcp(len);
}

function date(c: Cursor, tooShort: string, invalid: string): number {
  c.pos++;
  if (c.data.length - c.pos < 6) c.truncated(tooShort);
  const start = c.pos;
  if (lintYymmdd(c.data.slice(start, start + 6))) c.fail(invalid, start, 6);
  c.pos += 6;
  return start;
}

export function lintCouponCode(data: string): LintFault | null {
  return run(data, (c) => {
    const gcpLen = vliField(c, "COUPON_MISSING_GCP_VLI", "COUPON_INVALID_GCP_LENGTH", "COUPON_TRUNCATED_GCP", (d) => d <= 6, (d) => d + 6);
    c.gcp(gcpLen);
    c.skip(6, "COUPON_TRUNCATED_OFFER_CODE");
    const saveLen = vliField(c, "COUPON_MISSING_SAVE_VALUE_VLI", "COUPON_INVALID_SAVE_VALUE_LENGTH", "COUPON_TRUNCATED_SAVE_VALUE", (d) => d >= 1 && d <= 5, (d) => d);
    c.pos += saveLen;
    purchaseRequirement(c, "1ST");
    if (!c.atEnd && c.digit === 1) {
      c.pos++;
      const rules = c.requireDigit("COUPON_MISSING_ADDITIONAL_PURCHASE_RULES_CODE");
      if (rules > 3) c.fail("COUPON_INVALID_ADDITIONAL_PURCHASE_RULES_CODE", c.pos, 1);
      c.pos++;
      purchaseRequirement(c, "2ND");
      purchaseGcp(c, "2ND");
    }
    if (!c.atEnd && c.digit === 2) {
      c.pos++;
      purchaseRequirement(c, "3RD");
      purchaseGcp(c, "3RD");
    }
    let expiry = -1;
    if (!c.atEnd && c.digit === 3) expiry = date(c, "COUPON_TOO_SHORT_FOR_EXPIRATION_DATE", "COUPON_INVALID_EXIPIRATION_DATE");
    if (!c.atEnd && c.digit === 4) {
      const start = date(c, "COUPON_TOO_SHORT_FOR_START_DATE", "COUPON_INVALID_START_DATE");
      if (expiry >= 0 && c.data.slice(start, start + 6) > c.data.slice(expiry, expiry + 6)) c.fail("COUPON_EXPIRATION_BEFORE_START", start - 8, 14);
    }
    if (!c.atEnd && c.digit === 5) {
      c.pos++;
      const len = c.requireDigit("COUPON_MISSING_SERIAL_NUMBER_VLI") + 6;
      c.pos++;
      c.skip(len, "COUPON_TRUNCATED_SERIAL_NUMBER");
    }
    if (!c.atEnd && c.digit === 6) {
      c.pos++;
      const len = vliField(c, "COUPON_MISSING_RETAILER_GCP_OR_GLN_VLI", "COUPON_INVALID_RETAILER_GCP_OR_GLN_LENGTH", "COUPON_TRUNCATED_RETAILER_GCP_OR_GLN", (d) => d >= 1 && d <= 7, (d) => d + 6);
      c.gcp(len);
    }
    if (!c.atEnd && c.digit === 9) {
      c.pos++;
      const saveCode = c.requireDigit("COUPON_MISSING_SAVE_VALUE_CODE");
      if (![0, 1, 2, 5, 6].includes(saveCode)) c.fail("COUPON_INVALID_SAVE_VALUE_CODE", c.pos, 1);
      c.pos++;
      if (c.requireDigit("COUPON_MISSING_SAVE_VALUE_APPLIES_TO_ITEM") > 2) c.fail("COUPON_INVALID_SAVE_VALUE_APPLIES_TO_ITEM", c.pos, 1);
      c.pos++;
      c.requireDigit("COUPON_MISSING_STORE_COUPON_FLAG");
      c.pos++;
      if (c.requireDigit("COUPON_MISSING_DONT_MULTIPLY_FLAG") > 1) c.fail("COUPON_INVALID_DONT_MULTIPLY_FLAG", c.pos, 1);
      c.pos++;
    }
    if (!c.atEnd) c.fail("COUPON_EXCESS_DATA", c.pos, c.data.length - c.pos);
  });
}

export function lintCouponPosOffer(data: string): LintFault | null {
  return run(data, (c) => {
    const format = c.requireDigit("COUPON_MISSING_FORMAT_CODE");
    if (format > 1) c.fail("COUPON_INVALID_FORMAT_CODE", c.pos, 1);
    c.pos++;
    const funderLen = vliField(c, "COUPON_MISSING_FUNDER_VLI", "COUPON_INVALID_FUNDER_LENGTH", "COUPON_TRUNCATED_FUNDER", (d) => d <= 6, (d) => d + 6);
    c.pos += funderLen;
    c.skip(6, "COUPON_TRUNCATED_OFFER_CODE");
    const serialLen = c.requireDigit("COUPON_MISSING_SERIAL_NUMBER_VLI") + 6;
    c.pos++;
    c.skip(serialLen, "COUPON_TRUNCATED_SERIAL_NUMBER");
    if (!c.atEnd) c.fail("COUPON_EXCESS_DATA", c.pos, c.data.length - c.pos);
  });
}
