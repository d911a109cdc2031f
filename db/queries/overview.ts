// Headline figures for an organisation's console overview.
import { and, count, eq, gte, inArray } from "drizzle-orm";
import type { Executor } from "../database";
import { cases, contentPages, memberships, products, scans, units } from "../schema";

export async function organisationFigures(db: Executor, organisationId: string, now = new Date()) {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const one = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  const [productCount, unitCount, openCases, scansThisWeek, publishedPages, memberCount] = await Promise.all([
    one(db.select({ n: count() }).from(products).where(eq(products.organisationId, organisationId))),
    one(db.select({ n: count() }).from(units).where(eq(units.organisationId, organisationId))),
    one(
      db
        .select({ n: count() })
        .from(cases)
        .where(and(eq(cases.organisationId, organisationId), inArray(cases.status, ["open", "investigating"]))),
    ),
    one(
      db
        .select({ n: count() })
        .from(scans)
        .where(and(eq(scans.organisationId, organisationId), gte(scans.scannedAt, weekAgo))),
    ),
    one(
      db
        .select({ n: count() })
        .from(contentPages)
        .where(and(eq(contentPages.organisationId, organisationId), eq(contentPages.status, "published"))),
    ),
    one(db.select({ n: count() }).from(memberships).where(eq(memberships.organisationId, organisationId))),
  ]);
  return { productCount, unitCount, openCases, scansThisWeek, publishedPages, memberCount };
}
