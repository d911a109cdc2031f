// Products as choices in the console's forms.
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../database";
import { products } from "../schema";

export async function listProductChoices(db: Executor, organisationId: string) {
  return db.select({ gtin: products.gtin, name: products.name }).from(products).where(eq(products.organisationId, organisationId)).orderBy(asc(products.gtin));
}
