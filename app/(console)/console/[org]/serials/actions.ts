"use server";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { products } from "@/db/schema";
import { orgAction } from "@/lib/access/org-action";
import { issueSerials } from "@/lib/serials/issue-serials";

export const issueSerialsAction = orgAction(
  "issueSerials",
  "serials:write",
  z.object({
    gtin: z.string().regex(/^\d{14}$/, "Choose a product"),
    lot: z.string().trim().min(1, "Enter the lot").max(20),
    expiryDate: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional()),
    quantity: z.coerce.number().int().min(1, "At least 1").max(1_000_000, "At most 1,000,000 at once"),
  }),
  async (ctx, input) => {
    const [product] = await ctx.db.select({ id: products.id }).from(products).where(and(eq(products.organisationId, ctx.organisationId), eq(products.gtin, input.gtin)));
    if (!product) return { ok: false, status: 404, message: "No such product in your organisation." };
    const issued = await issueSerials(ctx.db, { organisationId: ctx.organisationId, productId: product.id, ...input, createdBy: ctx.userId });
    await ctx.audit({ action: "serials.issued", targetType: "serial_batch", targetId: issued.batch.id, metadata: { gtin: input.gtin, lot: input.lot, quantity: issued.batch.quantity, newBatch: issued.created } });
    return { ok: true, message: `${issued.batch.quantity.toLocaleString("en")} serials issued as commissioned units (guess probability ${issued.guessProbability.toExponential(1)}). Export them below.` };
  },
);
