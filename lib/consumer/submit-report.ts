// POST /api/reports: a consumer's report of a suspicious product. Checks, rate limit, photo (by its
// bytes) into the data folder, then one consumer_reports row for the brand owning the GTIN.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Executor } from "@/db/database";
import { findProductByGtin, findUnit } from "@/db/queries/units";
import { consumerReports } from "@/db/schema";
import { AppError, problemResponse, type ProblemCode } from "@/lib/http/problem";
import { sourceFingerprint } from "@/lib/privacy/fingerprint";
import { assertRateLimit } from "@/lib/rate-limit/assert-rate-limit";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { checkPhoto, MAX_REPORT_BODY_BYTES, reportFieldNames, reportFieldsSchema, textFields, type ReportErrorCode, type ReportFields } from "./report-input";
import { findRecentScan, verificationPath } from "./scan-lookup";

export interface ReportDeps {
  db: Executor;
  /** Folder photos go to (DATA_DIR/uploads); created when the first photo arrives. */
  uploadsDir: string;
  limiter?: RateLimiter;
  now?: Date;
}

const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];
const backFieldsSchema = reportFieldsSchema.pick({ gtin: true, serial: true, lot: true, lang: true });

/** Which ProblemCode each form error answers with, for callers that want JSON rather than a redirect. */
const problemOf: Record<ReportErrorCode, ProblemCode> = {
  invalid: "bad_request",
  photo_too_large: "payload_too_large",
  photo_type: "unsupported_media_type",
  rate_limited: "rate_limited",
  unknown_product: "not_found",
  failed: "internal",
};

class ReportRefused extends Error {
  constructor(readonly code: ReportErrorCode, readonly headers: Record<string, string> = {}) {
    super(code);
  }
}

export async function handleReportRequest(request: Request, deps: ReportDeps): Promise<Response> {
  const now = deps.now ?? new Date();
  // A browser's form post asks for HTML: answer it with a redirect back to the page, which shows the outcome.
  const wantsPage = (request.headers.get("accept") ?? "").includes("text/html");
  let back: { fields: Pick<ReportFields, "gtin" | "lot" | "serial" | "lang">; expiry: string | null } | null = null;
  try {
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!FORM_TYPES.includes(type)) throw new AppError("unsupported_media_type", "Send the report as multipart/form-data.");
    if (request.headers.get("sec-fetch-site") === "cross-site") throw new AppError("forbidden", "Reports are sent from genuine's own page.");
    if (Number(request.headers.get("content-length") ?? "0") > MAX_REPORT_BODY_BYTES) throw new ReportRefused("photo_too_large");

    const form = await request.formData().catch(() => {
      throw new AppError("bad_request", "The form could not be read.");
    });
    const raw = textFields(form, reportFieldNames);
    const parsed = reportFieldsSchema.safeParse({ ...raw, website: undefined });
    // Where to send the visitor back needs only the code, so a report missing its text still returns to its page.
    const code = backFieldsSchema.safeParse(raw);
    if (code.success) back = { fields: code.data, expiry: /^\d{6}$/.test(raw.expiry ?? "") ? raw.expiry! : null };
    // Counted before anything is looked at, so invalid posts spend the budget too.
    await assertRateLimit("consumerReport", sourceFingerprint(request.headers), deps.limiter).catch((error: unknown) => {
      throw error instanceof AppError ? new ReportRefused("rate_limited", error.headers) : error;
    });
    if (!parsed.success) throw new ReportRefused("invalid");
    // The honeypot: answer as if it worked, store nothing.
    if (raw.website) return reported(wantsPage, back!, null);

    const photo = form.get("photo");
    const file = photo instanceof Blob && photo.size > 0 ? photo : null;
    let photoType = null;
    if (file) {
      const check = checkPhoto(file.size, new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      if (!check.ok) throw new ReportRefused(check.error);
      photoType = check.type;
    }

    const fields = parsed.data;
    const found = await findProductByGtin(deps.db, fields.gtin);
    if (!found) throw new ReportRefused("unknown_product");
    const [record, scan] = await Promise.all([
      fields.serial ? findUnit(deps.db, fields.gtin, fields.serial) : Promise.resolve(undefined),
      fields.ref ? findRecentScan(deps.db, fields.ref, now) : Promise.resolve(null),
    ]);
    // A ref only counts for a scan of the same product: it cannot attach a report to someone else's scan.
    const ownScan = scan && scan.gtin === fields.gtin ? scan : null;

    const photos = [];
    if (file && photoType) {
      const name = `${randomUUID()}.${photoType.extension}`;
      await mkdir(deps.uploadsDir, { recursive: true });
      await writeFile(path.join(deps.uploadsDir, name), new Uint8Array(await file.arrayBuffer()), { flag: "wx" });
      photos.push({ key: `uploads/${name}`, mediaType: photoType.mediaType, bytes: file.size });
    }
    const [row] = await deps.db
      .insert(consumerReports)
      .values({
        organisationId: found.brand.id,
        unitId: record && record.unit.organisationId === found.brand.id ? record.unit.id : null,
        scanId: ownScan?.id ?? null,
        gtin: fields.gtin,
        serial: fields.serial,
        message: fields.problem,
        purchasePlace: fields.place,
        photos,
        contactEmail: fields.email,
        country: ownScan?.country ?? null,
        createdAt: now,
      })
      .returning({ id: consumerReports.id });
    return reported(wantsPage, back!, row!.id);
  } catch (error) {
    const refused = error instanceof ReportRefused ? error : null;
    if (wantsPage && back && (refused || !(error instanceof AppError))) {
      if (!refused) console.error("genuine: a consumer report failed", error);
      return redirectBack(back, { report_error: refused?.code ?? "failed" }, refused?.headers);
    }
    if (refused) return problemResponse(new AppError(problemOf[refused.code], undefined, { reason: refused.code }, refused.headers), "/api/reports");
    return problemResponse(error, "/api/reports");
  }
}

function reported(wantsPage: boolean, back: NonNullable<Parameters<typeof redirectBack>[0]>, id: string | null): Response {
  if (wantsPage) return redirectBack(back, { reported: "1" });
  return Response.json({ received: true, ...(id ? { id } : {}) }, { status: 201, headers: { "cache-control": "no-store" } });
}

function redirectBack(
  back: { fields: Pick<ReportFields, "gtin" | "lot" | "serial" | "lang">; expiry: string | null },
  outcome: Record<string, string>,
  headers: Record<string, string> = {},
): Response {
  const query = new URLSearchParams();
  if (back.expiry) query.set("17", back.expiry);
  if (back.fields.lang) query.set("lang", back.fields.lang);
  for (const [key, value] of Object.entries(outcome)) query.set(key, value);
  // A path built from checked fields, never one the client sent: no open redirect.
  const location = `${verificationPath(back.fields)}?${query.toString()}#report`;
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store", ...headers } });
}
