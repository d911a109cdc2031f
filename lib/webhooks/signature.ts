// Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret, sent as
// `Genuine-Signature: t=<unix seconds>,v1=<hex>`. The timestamp lets receivers refuse replays.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "genuine-signature";

export function signWebhook(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/** What a receiver runs: true when the signature matches and is at most `toleranceSeconds` old. */
export function verifyWebhookSignature(secret: string, body: string, header: string | null, now = Date.now(), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1 || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, timestamp).split("v1=")[1]!, "hex");
  const actual = Buffer.from(parts.v1, "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
