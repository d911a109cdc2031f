import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { products } from "@/db/schema";
import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { issueSerials } from "@/lib/serials/issue-serials";

export const dynamic = "force-dynamic";

const body = z.object({
  gtin: z.string().regex(/^\d{8,14}$/),
  lot: z.string().min(1).max(20),
  expiryDate: z.iso.date().optional(),
  quantity: z.number().int().min(1).max(1_000_000),
  alphabet: z.string().min(2).max(82).optional(),
  length: z.number().int().min(1).max(20).optional(),
  requestKey: z.string().min(1).max(200).optional(),
});

/** Reserve N random serials for a GTIN + lot; the units are created as commissioned, in one transaction. */
export const POST = withApiRoute("POST /api/serials", { permission: "serials:write", scope: "serials:write" }, async (ctx, request) => {
  const parsed = body.safeParse(await readJsonBody(request, { maxBytes: 65_536, mediaTypes: ["application/json"] }));
  if (!parsed.success) {
    throw new AppError("bad_request", "The request is not valid.", { errors: parsed.error.issues.map((i) => ({ pointer: `/${i.path.join("/")}`, message: i.message })) });
  }
  const gtin14 = parsed.data.gtin.padStart(14, "0");
  const [product] = await ctx.db.select({ id: products.id }).from(products).where(and(eq(products.organisationId, ctx.organisation.id), eq(products.gtin, gtin14)));
  if (!product) throw new AppError("not_found", `No product with GTIN ${gtin14} in your organisation.`, { pointer: "/gtin" });
  const issued = await issueSerials(ctx.db, {
    organisationId: ctx.organisation.id,
    productId: product.id,
    ...parsed.data,
    createdBy: ctx.caller.kind === "user" ? ctx.caller.userId : null,
  });
  await ctx.audit({ action: "serials.issued", targetType: "serial_batch", targetId: issued.batch.id, metadata: { gtin: gtin14, lot: parsed.data.lot, quantity: issued.batch.quantity, newBatch: issued.created } });
  const exportBase = `/api/serials/${issued.batch.id}/export`;
  return Response.json(
    { batchId: issued.batch.id, quantity: issued.batch.quantity, newBatch: issued.created, guessProbability: issued.guessProbability, exports: { csv: `${exportBase}?format=csv`, html: `${exportBase}?format=html`, ndjson: `${exportBase}?format=ndjson` } },
    { status: issued.created ? 201 : 200, headers: { location: exportBase } },
  );
});
