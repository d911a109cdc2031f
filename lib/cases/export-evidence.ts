// Exporting a case's evidence pack: load the case (scoped to the brand), build the JSON or CSV, and note
// the export in the case's activity, so the case says who took its evidence out and when.
import type { Executor } from "@/db/database";
import { findCaseDetail } from "@/db/queries/case-detail";
import { addCaseActivity } from "@/db/queries/cases";
import { AppError } from "@/lib/http/problem";
import { buildEvidencePack, evidenceFilename, evidencePackJson, evidenceScansCsv } from "./evidence-pack";

export const evidenceFormats = ["json", "csv"] as const;
export type EvidenceFormat = (typeof evidenceFormats)[number];

export function isEvidenceFormat(value: string): value is EvidenceFormat {
  return (evidenceFormats as readonly string[]).includes(value);
}

export interface ExportEvidenceInput {
  organisation: { id: string; slug: string; name: string };
  caseId: string;
  format: EvidenceFormat;
  /** The person who exports (null for an API key), and how the pack names the exporter. */
  actorUserId: string | null;
  exportedBy: string;
  now?: Date;
}

export interface EvidenceExport {
  caseId: string;
  caseNumber: number;
  body: string;
  contentType: string;
  filename: string;
  scans: number;
}

export async function exportEvidence(db: Executor, input: ExportEvidenceInput): Promise<EvidenceExport> {
  const detail = await findCaseDetail(db, input.organisation.id, { id: input.caseId });
  if (!detail) throw new AppError("not_found", "No such case.");
  const pack = buildEvidencePack(detail, { organisation: input.organisation, generatedAt: input.now ?? new Date(), generatedBy: input.exportedBy });
  const body = input.format === "json" ? evidencePackJson(pack) : evidenceScansCsv(pack);
  await addCaseActivity(db, {
    caseId: detail.case.id,
    organisationId: input.organisation.id,
    kind: "exported",
    body: `Evidence pack exported as ${input.format.toUpperCase()} (${pack.scans.included} scan${pack.scans.included === 1 ? "" : "s"})`,
    actorUserId: input.actorUserId,
  });
  return {
    caseId: detail.case.id,
    caseNumber: detail.case.number,
    body,
    contentType: input.format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
    filename: evidenceFilename(detail.case.number, input.format),
    scans: pack.scans.included,
  };
}
