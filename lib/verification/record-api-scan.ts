// POST /api/scans for brands' apps: the same scan the resolver records (channel "api"), written before
// the answer so the scanId it returns is durable, with its verdict and case in one transaction.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/db/database";
import { insertScans } from "@/db/queries/scans";
import { recordCase } from "@/lib/cases/record-case";
import { parseBarcodeData, parseDigitalLink, type ParsedDigitalLink } from "@/lib/gs1";
import { AppError } from "@/lib/http/problem";
import { localized, negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { clientAddress } from "@/lib/privacy/fingerprint";
import { assertRateLimit } from "@/lib/rate-limit/assert-rate-limit";
import { scanFromRequest } from "@/lib/resolver/scan-from-request";
import { readDeviceId } from "@/lib/scans/device-id";
import { edgeLocation, type EdgeHeaderNames, type ScanLocation } from "@/lib/scans/edge-location";
import type { ScanHasher } from "@/lib/scans/scan-hashes";
import { countMiss, probingRetryAfter, type MissBudget } from "./miss-budget";
import { publicVerification, type PublicVerification } from "./public-verification";
import { caseFor, scanWithVerdict, verdictFor } from "./verdict-for";

/** The resolver's process-wide parts (getResolverDeps()) satisfy this: one hasher, one miss budget. */
export interface ScanApiDeps extends MissBudget {
  db: Database;
  hasher: ScanHasher;
  edges: readonly EdgeHeaderNames[];
  now?: () => Date;
}

export const scanRequestSchema = z.object({
  uri: z.string().min(1).max(2048),
  location: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      country: z.string().regex(/^[A-Za-z]{2}$/).optional(),
    })
    .optional(),
});
export type ScanRequest = z.infer<typeof scanRequestSchema>;

/** A Digital Link URI, or any other GS1 form (element string, scanner output, EPC URN) as its Digital Link. */
export function parseScannedCode(uri: string): ParsedDigitalLink {
  const data = parseBarcodeData(uri.trim());
  if (!data.ok) throw new AppError("bad_request", `The code could not be read: ${data.error.message}.`, { code: data.error.code });
  if (data.value.digitalLink) return data.value.digitalLink;
  const dl = data.value.canonicalUri ? parseDigitalLink(data.value.canonicalUri) : null;
  if (!dl?.ok) throw new AppError("bad_request", "The code names no GS1 identifier.");
  return dl.value;
}

// The app's own fix (GPS) is finer than an edge's guess; it is rounded like the edge's, to 0.1°.
function locationOf(request: ScanRequest["location"], headers: Headers, edges: readonly EdgeHeaderNames[]): ScanLocation {
  const edge = edgeLocation(headers, edges);
  if (!request) return edge;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { country: request.country?.toUpperCase() ?? edge.country, region: null, city: null, latitude: round(request.latitude), longitude: round(request.longitude) };
}

/** Validates, rate-limits, records and answers one app scan; throws AppError (400, 429) for the route to map. */
export async function recordApiScan(deps: ScanApiDeps, headers: Headers, body: unknown): Promise<PublicVerification> {
  const now = deps.now?.() ?? new Date();
  const sourceHash = deps.hasher.source(clientAddress(headers));
  const retryAfter = probingRetryAfter(deps, sourceHash, now);
  if (retryAfter !== null) throw new AppError("rate_limited", "This network has scanned many codes we have no record of. Try again later.", {}, { "Retry-After": String(retryAfter) });
  await assertRateLimit("scan", sourceHash, deps.limiter);

  const parsedBody = scanRequestSchema.safeParse(body);
  if (!parsedBody.success) {
    throw new AppError("bad_request", "Send {uri, location?: {latitude, longitude, country?}}.", { errors: parsedBody.error.issues.map((i) => ({ pointer: `/${i.path.join("/")}`, message: i.message })) });
  }
  const dl = parseScannedCode(parsedBody.data.uri);
  const gtin = dl.primaryKey.ai === "01" ? dl.primaryKey.value : null;
  const serial = dl.qualifiers.find((q) => q.ai === "21")?.value ?? null;
  if (gtin === null || serial === null) throw new AppError("bad_request", "The code names no serialized unit: it needs a GTIN (01) and a serial (21).");

  // Apps carry no device cookie unless they keep one: without it, the engine counts the network instead.
  const deviceId = readDeviceId(headers.get("cookie"));
  const scan = scanFromRequest({
    ref: randomUUID(),
    now,
    parsed: dl,
    organisationId: null,
    unitId: null,
    headers,
    edges: deps.edges,
    sourceHash,
    deviceHash: deviceId ? deps.hasher.device(deviceId) : null,
    linkType: null,
    context: null,
    reasons: [],
    channel: "api",
    location: locationOf(parsedBody.data.location, headers, deps.edges),
  });

  const verification = await verdictFor(deps.db, scan, { now, countMiss: () => countMiss(deps, sourceHash) });
  const row = scanWithVerdict(scan, verification);
  const caseInput = caseFor(row, verification);
  await deps.db.transaction(async (tx) => {
    await insertScans(tx, [row]);
    if (caseInput) await recordCase(tx, caseInput);
  });

  const { facts, verdict } = verification;
  const locale = facts ? negotiateLocale(headers.get("accept-language"), Object.keys(facts.product.name), "en") : "en";
  return publicVerification({
    ref: row.ref,
    scannedAt: now,
    code: { gtin, serial, lot: row.codeLot, expiry: row.codeExpiry },
    verdict: { level: verdict.level, risk: verdict.risk, codes: verdict.reasons.map((r) => r.code) },
    productName: facts ? localized(facts.product.name, locale) : null,
    unit: facts?.unit ? { lot: facts.unit.lot, expiryDate: facts.unit.expiryDate, status: facts.unit.status } : null,
  });
}
