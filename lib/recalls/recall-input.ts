// What a recall says, as brands' systems and the console send it.
import { z } from "zod";
import { recallClasses } from "@/db/schema";

const localized = z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag"), z.string().trim().min(1).max(2000));

export const recallInputSchema = z
  .object({
    gtin: z.string().regex(/^\d{14}$/, "a GTIN-14"),
    lots: z.array(z.string().trim().min(1).max(20)).max(1000).default([]),
    serials: z.array(z.string().trim().min(1).max(20)).max(100_000).default([]),
    recallClass: z.enum(recallClasses),
    reason: z.string().trim().max(2000).optional(),
    title: localized.refine((t) => Object.keys(t).length > 0, "at least one language"),
    message: localized,
    action: localized.default({}),
    moreInfoUrl: z.url().refine((u) => u.startsWith("https://"), "must be https").optional(),
    startedAt: z.coerce.date().optional(),
  })
  .refine((r) => r.title.en !== undefined || Object.keys(r.title).length > 0, { path: ["title"], message: "a title" });

export type RecallInput = z.infer<typeof recallInputSchema>;
