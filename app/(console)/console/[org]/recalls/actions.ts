"use server";
import { z } from "zod";
import { orgAction } from "@/lib/access/org-action";
import { closeRecall, publishRecall } from "@/lib/recalls/publish-recall";
import { recallInputSchema } from "@/lib/recalls/recall-input";

const list = (v: unknown) => (typeof v === "string" ? v.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean) : v);
const LANGUAGES = ["en", "fr", "de"] as const;

// The form posts one field per language ("title_en", "message_fr", …); folded into the recall input.
const form = z
  .object({
    gtin: z.string(),
    lots: z.preprocess(list, z.array(z.string())),
    serials: z.preprocess(list, z.array(z.string())),
    recallClass: z.string(),
    reason: z.string().optional(),
    moreInfoUrl: z.string().optional(),
  })
  .passthrough();

export const publishRecallAction = orgAction("publishRecall", "recalls:manage", form, async (ctx, input) => {
  const texts = (field: string) =>
    Object.fromEntries(LANGUAGES.map((l) => [l, String((input as Record<string, unknown>)[`${field}_${l}`] ?? "").trim()]).filter(([, v]) => v));
  const parsed = recallInputSchema.safeParse({
    gtin: input.gtin,
    lots: input.lots,
    serials: input.serials,
    recallClass: input.recallClass,
    reason: input.reason || undefined,
    moreInfoUrl: input.moreInfoUrl || undefined,
    title: texts("title"),
    message: texts("message"),
    action: texts("action"),
  });
  if (!parsed.success) {
    return {
      ok: false,
      status: 400,
      message: "Please correct the highlighted fields.",
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])),
    };
  }
  const recall = await publishRecall(ctx.db, ctx.organisationId, parsed.data, ctx.userId);
  await ctx.audit({ action: "recall.published", targetType: "recall", targetId: recall.id, metadata: { gtin: recall.gtin, lots: recall.lots, affectedUnits: recall.affectedUnits } });
  return { ok: true, message: `Recall published: ${recall.affectedUnits} unit(s) recalled. Every scan of them now shows the notice.` };
});

export const closeRecallAction = orgAction("closeRecall", "recalls:manage", z.object({ recallId: z.uuid() }), async (ctx, input) => {
  if (!(await closeRecall(ctx.db, ctx.organisationId, input.recallId))) return { ok: false, status: 404, message: "No open recall with this id." };
  await ctx.audit({ action: "recall.closed", targetType: "recall", targetId: input.recallId });
  return { ok: true, message: "Recall closed. The units stay recalled." };
});
