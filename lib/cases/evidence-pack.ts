// The evidence pack of a case: one JSON document an analyst can hand to a lawyer, a marketplace or the
// police (the case, the unit, the rules with their figures, the scans, the lifecycle, reports and the
// activity log), and the scans as CSV for a spreadsheet. Pure functions over the loaded case.
import { spreadsheetSafeCell } from "@/lib/http/spreadsheet-safe-cell";
import { stringify } from "csv-stringify/sync";
import type { CaseDetail } from "@/db/queries/case-detail";
import { describeEvidence } from "./evidence-figures";
import { inTimeOrder } from "./scan-path";

export const EVIDENCE_PACK_FORMAT = "genuine.evidence-pack/1";

export interface EvidencePackContext {
  organisation: { id: string; slug: string; name: string };
  generatedAt: Date;
  /** Who exported it: a person's e-mail, or "API key <id>". */
  generatedBy: string;
}

const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The URL a report's photo is served from, for the brand's own people. */
export function reportPhotoUrl(reportId: string, index: number, orgSlug: string): string {
  return `/api/reports/${reportId}/photos/${index}?org=${encodeURIComponent(orgSlug)}`;
}

export function buildEvidencePack(detail: CaseDetail, context: EvidencePackContext) {
  const c = detail.case;
  return {
    format: EVIDENCE_PACK_FORMAT,
    generatedAt: context.generatedAt.toISOString(),
    generatedBy: context.generatedBy,
    organisation: context.organisation,
    case: {
      id: c.id,
      number: c.number,
      status: c.status,
      severity: c.severity,
      risk: c.risk,
      gtin: c.gtin,
      serial: c.serial,
      lot: c.lot,
      rules: c.rules,
      scanCount: c.scanCount,
      countries: c.countries,
      assignee: c.assigneeEmail,
      firstSeenAt: c.firstSeenAt.toISOString(),
      lastSeenAt: c.lastSeenAt.toISOString(),
      openedAt: c.createdAt.toISOString(),
      closedAt: isoOrNull(c.closedAt),
    },
    product: detail.product && {
      gtin: detail.product.gtin,
      name: detail.product.name,
      brandName: detail.product.brandName,
      category: detail.product.category,
      intendedMarkets: detail.product.intendedMarkets,
    },
    unit: detail.unit && {
      gtin: detail.unit.gtin,
      serial: detail.unit.serial,
      lot: detail.unit.lot,
      expiryDate: detail.unit.expiryDate,
      status: detail.unit.status,
      statusSince: detail.unit.statusSince.toISOString(),
      markets: detail.unit.markets,
      parentEpc: detail.unit.parentEpc,
      commissionedAt: isoOrNull(detail.unit.commissionedAt),
      lotProductionDate: detail.unit.lotProductionDate,
      productionSite: detail.unit.lotSite,
    },
    blacklisted: detail.blacklisted && {
      reason: detail.blacklisted.reason,
      at: detail.blacklisted.createdAt.toISOString(),
      by: detail.blacklisted.createdByEmail,
      caseId: detail.blacklisted.caseId,
    },
    rules: c.evidence.map((e) => {
      const described = describeEvidence(e);
      return { rule: e.rule, severity: e.severity, description: described.description, detail: e.detail, figures: described.figures };
    }),
    scans: {
      /** The pack carries the newest scans only (see CASE_SCAN_LIMIT); total says how many there are. */
      included: detail.scans.length,
      total: detail.scanTotal,
      totalIsLowerBound: detail.scanTotalCapped,
      items: inTimeOrder(detail.scans).map(scanRecord),
    },
    lifecycle: detail.lifecycle.map((e) => ({
      eventTime: e.eventTime.toISOString(),
      eventTimeZoneOffset: e.eventTimeZoneOffset,
      bizStep: e.bizStep,
      disposition: e.disposition,
      bizLocation: e.bizLocation,
      readPoint: e.readPoint,
    })),
    // Consumers' contact e-mails stay out: the pack travels outside the brand, their address need not.
    reports: detail.reports.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      message: r.message,
      purchasePlace: r.purchasePlace,
      country: r.country,
      contactProvided: Boolean(r.contactEmail),
      photos: r.photos.map((p, index) => ({ index, mediaType: p.mediaType, bytes: p.bytes, url: reportPhotoUrl(r.id, index, context.organisation.slug) })),
    })),
    activities: detail.activities.map((a) => ({
      at: a.createdAt.toISOString(),
      kind: a.kind,
      actor: a.actorEmail,
      body: a.body,
      fromStatus: a.fromStatus,
      toStatus: a.toStatus,
    })),
  };
}

export type EvidencePack = ReturnType<typeof buildEvidencePack>;

function scanRecord(s: CaseDetail["scans"][number]) {
  return {
    at: s.at.toISOString(),
    ref: s.ref,
    verdict: s.verdict,
    risk: s.risk,
    reasons: s.reasons,
    country: s.country,
    region: s.region,
    city: s.city,
    latitude: s.latitude,
    longitude: s.longitude,
    deviceFingerprint: s.deviceFingerprint,
    sourceFingerprint: s.sourceFingerprint,
    userAgentClass: s.userAgentClass,
    channel: s.channel,
    linkType: s.linkType,
    codeLot: s.codeLot,
    codeExpiry: s.codeExpiry,
    rawCode: s.rawCode,
  };
}

export function evidencePackJson(pack: EvidencePack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

export const EVIDENCE_CSV_COLUMNS = [
  "scanned_at",
  "ref",
  "verdict",
  "risk",
  "reasons",
  "country",
  "region",
  "city",
  "latitude",
  "longitude",
  "device_fingerprint",
  "source_fingerprint",
  "user_agent_class",
  "channel",
  "link_type",
  "code_lot",
  "code_expiry",
  "raw_code",
] as const;

// Raw codes and places come from the field.
const inert = spreadsheetSafeCell;

/** The pack's scans, oldest first, one line each (CRLF, RFC 4180). */
export function evidenceScansCsv(pack: Pick<EvidencePack, "scans">): string {
  const rows = pack.scans.items.map((s) => [
    s.at,
    inert(s.ref),
    inert(s.verdict),
    s.risk,
    inert(s.reasons.join(" ")),
    inert(s.country),
    inert(s.region),
    inert(s.city),
    s.latitude ?? "",
    s.longitude ?? "",
    inert(s.deviceFingerprint),
    inert(s.sourceFingerprint),
    inert(s.userAgentClass),
    inert(s.channel),
    inert(s.linkType),
    inert(s.codeLot),
    inert(s.codeExpiry),
    inert(s.rawCode),
  ]);
  return stringify([[...EVIDENCE_CSV_COLUMNS], ...rows], { record_delimiter: "\r\n" });
}

/** "case-42-evidence.json": a name that sorts with the brand's other exports. */
export function evidenceFilename(caseNumber: number, format: "json" | "csv"): string {
  return `case-${caseNumber}-evidence.${format === "json" ? "json" : "csv"}`;
}
