// Typed validation errors for GS1 Resolver CE v3 data-entry documents, each pointing at the faulty value.

export type CeV3ErrorCode =
  | "not-an-object"
  | "not-an-array"
  | "missing-field"
  | "wrong-type"
  | "unknown-field"
  | "too-many-documents"
  | "too-many-links"
  | "invalid-anchor"
  | "invalid-qualifier"
  | "invalid-link-type"
  | "reserved-link-type"
  | "invalid-href"
  | "invalid-title"
  | "invalid-media-type"
  | "invalid-language"
  | "invalid-context"
  | "private-link"
  | "default-link-type-absent"
  | "duplicate-link";

export interface CeV3Error {
  /** JSON Pointer (RFC 6901) to the value at fault in the submitted JSON: "/0/links/2/href". */
  readonly path: string;
  readonly code: CeV3ErrorCode;
  readonly message: string;
  /** The underlying rule for invalid-href (an HrefPolicyErrorCode) or invalid-anchor (a lib/gs1 error code). */
  readonly detail?: string;
}

/** Collects errors up to a cap, so a hostile upload cannot make the error list itself unbounded. */
export class CeV3Errors {
  static readonly MAX = 100;
  readonly list: CeV3Error[] = [];

  add(path: string, code: CeV3ErrorCode, message: string, detail?: string): void {
    if (this.list.length < CeV3Errors.MAX) this.list.push(detail === undefined ? { path, code, message } : { path, code, message, detail });
  }

  get full(): boolean {
    return this.list.length >= CeV3Errors.MAX;
  }
}

/** Append one reference token to a JSON Pointer, escaping "~" and "/". */
export function pointer(base: string, token: string | number): string {
  return `${base}/${String(token).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
