// What the resolver needs to know of a GTIN, by its unique key: the product and its brand's resolver
// settings (cached per GTIN by the resolver, so a scan's answer waits for no query).
import { eq } from "drizzle-orm";
import type { Executor } from "../database";
import { organisations, products } from "../schema";

export async function findScanProduct(db: Executor, gtin: string) {
  const [row] = await db
    .select({ productId: products.id, organisationId: products.organisationId, settings: organisations.settings })
    .from(products)
    .innerJoin(organisations, eq(organisations.id, products.organisationId))
    .where(eq(products.gtin, gtin))
    .limit(1);
  if (!row) return null;
  return { productId: row.productId, organisationId: row.organisationId, serialDefaultLink: row.settings.serialDefaultLink ?? "verification" };
}

export type ScanProduct = NonNullable<Awaited<ReturnType<typeof findScanProduct>>>;
