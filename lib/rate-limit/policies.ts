// Every rate-limit policy genuine enforces, in one table, so limits are reviewed and changed in one place.
// All are sliding windows (two weighted fixed buckets, as @upstash/ratelimit computes them).

export interface RateLimitPolicy {
  /** Requests allowed per window and identifier. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** What the identifier is: callers build it; the limiter treats it as opaque. */
  identifier: string;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const rateLimitPolicies = {
  // Password guessing against one account from one source.
  signIn: { limit: 5, windowMs: 15 * MINUTE, identifier: "normalised email + source fingerprint" },
  // Credential stuffing: one source trying many accounts. Wide, because a whole office behind one
  // NAT signs in from one address; the per-account limit above is what stops password guessing.
  signInSource: { limit: 100, windowMs: 15 * MINUTE, identifier: "source fingerprint" },
  // The public QR scan / GS1 Digital Link resolver: generous, it is what consumers hit.
  scan: { limit: 120, windowMs: MINUTE, identifier: "source fingerprint" },
  // Scans of serials that were never issued, counted apart: a person mistypes once or twice, a source
  // harvesting serials misses again and again. Beyond this it is slowed (429) and its scans are flagged.
  scanMiss: { limit: 20, windowMs: 10 * MINUTE, identifier: "source fingerprint" },
  // Machine clients (ERP/WMS/retailer systems).
  api: { limit: 1200, windowMs: MINUTE, identifier: "API key id" },
  // Retailer verification of returned goods.
  verify: { limit: 300, windowMs: MINUTE, identifier: "retailer organisation id" },
  // Invitations send mail: keep an organisation from being used as a mailer.
  invite: { limit: 30, windowMs: HOUR, identifier: "organisation id" },
  // Consumer counterfeit reports: free text from the public, kept to a trickle per source.
  consumerReport: { limit: 10, windowMs: HOUR, identifier: "source fingerprint" },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitPolicyName = keyof typeof rateLimitPolicies;

/** The shape limiters accept, so tests can inject tiny windows under the real policy names. */
export type RateLimitPolicyTable = Record<RateLimitPolicyName, RateLimitPolicy>;

export const rateLimitPolicyNames = Object.keys(rateLimitPolicies) as RateLimitPolicyName[];
