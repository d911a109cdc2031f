// What a consumer's "report a suspicious product" form may carry, checked before anything is stored.
// Pure: the route hands it the form's fields and the photo's first bytes; storage happens elsewhere.
import { z } from "zod";
import { isValidGtin } from "@/lib/gs1";
import { isUiLocale, type UiLocale } from "@/lib/i18n/locales";

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The photo plus the text fields and multipart overhead: anything larger is refused unread. */
export const MAX_REPORT_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

export const reportErrorCodes = ["invalid", "photo_too_large", "photo_type", "rate_limited", "unknown_product", "failed"] as const;
export type ReportErrorCode = (typeof reportErrorCodes)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

export const reportFieldsSchema = z.object({
  gtin: z.string().refine(isValidGtin, "not a GTIN-14"),
  // GS1 AI 21 / AI 10 are at most 20 characters; the page only ever sends what the code carried.
  serial: optionalText(20),
  lot: optionalText(20),
  ref: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((v) => v ?? null),
  lang: z.string().optional().transform((v): UiLocale | null => (isUiLocale(v) ? v : null)),
  problem: z.string().trim().min(3).max(2000),
  place: z.string().trim().min(2).max(200),
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, "not an e-mail address")
    .transform((v) => (v ? v.toLowerCase() : null)),
  // A field people never see: bots that fill every input give themselves away.
  website: z.string().max(0).optional(),
});
export type ReportFields = z.output<typeof reportFieldsSchema>;

export type PhotoType = { mediaType: "image/jpeg"; extension: "jpg" } | { mediaType: "image/png"; extension: "png" } | { mediaType: "image/webp"; extension: "webp" };

/**
 * The photo's type from its first bytes, never from its name or the browser's claim: a file that is
 * not really a JPEG, PNG or WebP image is refused, whatever it calls itself.
 */
export function detectPhotoType(head: Uint8Array): PhotoType | null {
  const starts = (bytes: readonly number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return { mediaType: "image/jpeg", extension: "jpg" };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: "image/png", extension: "png" };
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { mediaType: "image/webp", extension: "webp" };
  return null;
}

export type PhotoCheck = { ok: true; type: PhotoType } | { ok: false; error: ReportErrorCode };

export function checkPhoto(size: number, head: Uint8Array): PhotoCheck {
  if (size > MAX_PHOTO_BYTES) return { ok: false, error: "photo_too_large" };
  const type = detectPhotoType(head);
  return type ? { ok: true, type } : { ok: false, error: "photo_type" };
}

/** Form fields as strings: a File where text is expected (or the reverse) is simply absent. */
export function textFields(form: FormData, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}

export const reportFieldNames = ["gtin", "serial", "lot", "expiry", "ref", "lang", "problem", "place", "email", "website"] as const;
