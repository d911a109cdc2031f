// The scan a resolution records: what the code said (identifiers, lot and expiry as printed), coarse
// location from the trusted edge, keyed hashes of source and device, the client kind, and what was
// asked for. Nothing here stores an address or a raw header.
import type { NewScan } from "@/db/queries/scans";
import { gs1DateToIso, type ParsedDigitalLink } from "@/lib/gs1";
import type { ScanChannel } from "@/db/schema/enums";
import { edgeLocation, type EdgeHeaderNames, type ScanLocation } from "@/lib/scans/edge-location";
import { userAgentClass } from "@/lib/scans/user-agent-class";

export interface ScanFacts {
  ref: string;
  now: Date;
  parsed: ParsedDigitalLink;
  organisationId: string | null;
  unitId: number | null;
  headers: Headers;
  edges: readonly EdgeHeaderNames[];
  sourceHash: string;
  /** Null when the client keeps no device id (an app without genuine's cookie). */
  deviceHash: string | null;
  linkType: string | null;
  context: string | null;
  reasons: string[];
  /** "consumer" unless told: the scan API records "api". */
  channel?: ScanChannel;
  /** A location the client reported itself (an app's GPS fix), instead of the edge's. */
  location?: ScanLocation;
}

const find = (list: readonly { ai: string; value: string }[], ai: string) => list.find((e) => e.ai === ai)?.value ?? null;

/** The primary subtag of the first language the client prefers ("de-CH,de;q=0.9" → "de"). */
export function primaryLanguage(acceptLanguage: string | null): string | null {
  const first = acceptLanguage?.split(",")[0]?.split(";")[0]?.trim().toLowerCase() ?? "";
  const primary = first.split("-")[0] ?? "";
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export function scanFromRequest(f: ScanFacts): NewScan {
  const { parsed } = f;
  const expiry = find(parsed.attributes, "17");
  const location = f.location ?? edgeLocation(f.headers, f.edges);
  return {
    ref: f.ref,
    scannedAt: f.now.toISOString(),
    organisationId: f.organisationId,
    unitId: f.unitId,
    gtin: parsed.primaryKey.ai === "01" ? parsed.primaryKey.value : null,
    serial: find(parsed.qualifiers, "21"),
    codeLot: find(parsed.qualifiers, "10"),
    codeExpiry: expiry ? gs1DateToIso(expiry, f.now) : null,
    // The code as scanned (path and query, bounded) when it names no unit genuine knows: evidence of forgery.
    rawCode: f.unitId !== null ? null : parsed.uri.replace(/^https?:\/\/[^/]+/, "").slice(0, 512),
    ...location,
    sourceFingerprint: f.sourceHash,
    deviceFingerprint: f.deviceHash,
    userAgentClass: userAgentClass(f.headers.get("user-agent")),
    channel: f.channel ?? "consumer",
    language: primaryLanguage(f.headers.get("accept-language")),
    linkType: f.linkType?.slice(0, 100) ?? null,
    context: f.context?.slice(0, 100) ?? null,
    reasons: f.reasons,
  };
}
