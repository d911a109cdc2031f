// What Digital Links resolve to: the links at each anchor, written per anchor in one transaction, and
// read for resolution by a handful of anchors at once (the walk-up candidates).
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { resolverAnchors, resolverLinks } from "../schema";

export interface LinkRowInput {
  linkType: string;
  href: string;
  title: string;
  hreflang: string;
  context: string | null;
  mediaType: string | null;
  isDefault: boolean;
  forwardQuery: boolean;
}

export interface AnchorInput {
  anchor: string;
  primaryKey: string;
  primaryValue: string;
  itemDescription: string;
  links: readonly LinkRowInput[];
}

const linkColumns = {
  anchor: resolverLinks.anchor,
  linkType: resolverLinks.linkType,
  href: resolverLinks.href,
  title: resolverLinks.title,
  hreflang: resolverLinks.hreflang,
  context: resolverLinks.context,
  mediaType: resolverLinks.mediaType,
  isDefault: resolverLinks.isDefault,
  forwardQuery: resolverLinks.forwardQuery,
};

/** The organisation that holds an anchor already, if any (another brand's anchor is never overwritten). */
export async function anchorOwners(db: Executor, anchors: readonly string[]): Promise<Map<string, string>> {
  if (anchors.length === 0) return new Map();
  const rows = await db.select({ anchor: resolverAnchors.anchor, organisationId: resolverAnchors.organisationId }).from(resolverAnchors).where(inArray(resolverAnchors.anchor, [...anchors]));
  return new Map(rows.map((r) => [r.anchor, r.organisationId]));
}

/**
 * Replace the links of each anchor (PUT semantics: what is sent is what remains). Run it inside a
 * transaction when several anchors must land together.
 */
export async function replaceAnchors(db: Executor, organisationId: string, userId: string | null, entries: readonly AnchorInput[]): Promise<void> {
  for (const entry of entries) {
    await db.delete(resolverLinks).where(and(eq(resolverLinks.organisationId, organisationId), eq(resolverLinks.anchor, entry.anchor)));
    if (entry.links.length > 0) {
      await db.insert(resolverLinks).values(
        entry.links.map((l) => ({ ...l, organisationId, anchor: entry.anchor, primaryKey: entry.primaryKey, primaryValue: entry.primaryValue, createdBy: userId })),
      );
    }
    await db
      .insert(resolverAnchors)
      .values({ anchor: entry.anchor, organisationId, itemDescription: entry.itemDescription, updatedBy: userId })
      .onConflictDoUpdate({
        target: resolverAnchors.anchor,
        set: { itemDescription: entry.itemDescription, updatedBy: userId, updatedAt: new Date() },
        // Never take over another brand's anchor, even in a race with its own write.
        setWhere: sql`${resolverAnchors.organisationId} = ${organisationId}`,
      });
  }
}

export async function getAnchor(db: Executor, organisationId: string, anchor: string) {
  const [head] = await db.select().from(resolverAnchors).where(and(eq(resolverAnchors.organisationId, organisationId), eq(resolverAnchors.anchor, anchor)));
  if (!head) return null;
  const links = await db
    .select(linkColumns)
    .from(resolverLinks)
    .where(and(eq(resolverLinks.organisationId, organisationId), eq(resolverLinks.anchor, anchor)))
    .orderBy(asc(resolverLinks.linkType), asc(resolverLinks.hreflang), asc(resolverLinks.createdAt));
  return { anchor: head.anchor, itemDescription: head.itemDescription, updatedAt: head.updatedAt, links };
}

/** Delete an anchor and its links; false when the organisation has no such anchor. */
export async function deleteAnchor(db: Executor, organisationId: string, anchor: string): Promise<boolean> {
  await db.delete(resolverLinks).where(and(eq(resolverLinks.organisationId, organisationId), eq(resolverLinks.anchor, anchor)));
  const rows = await db
    .delete(resolverAnchors)
    .where(and(eq(resolverAnchors.organisationId, organisationId), eq(resolverAnchors.anchor, anchor)))
    .returning({ anchor: resolverAnchors.anchor });
  return rows.length > 0;
}

/** The organisation's anchors in order, a page at a time (keyset pagination by anchor). */
export async function listAnchors(db: Executor, organisationId: string, options: { after?: string; limit: number }) {
  return db
    .select({ anchor: resolverAnchors.anchor, itemDescription: resolverAnchors.itemDescription, updatedAt: resolverAnchors.updatedAt })
    .from(resolverAnchors)
    .where(and(eq(resolverAnchors.organisationId, organisationId), options.after ? gt(resolverAnchors.anchor, options.after) : undefined))
    .orderBy(asc(resolverAnchors.anchor))
    .limit(options.limit);
}

/** Resolution: the links and descriptions at these anchors, whoever owns them (resolution is public). */
export async function linksAtAnchors(db: Executor, anchors: readonly string[]) {
  if (anchors.length === 0) return { links: [], descriptions: new Map<string, string>() };
  const [links, heads] = await Promise.all([
    db.select(linkColumns).from(resolverLinks).where(inArray(resolverLinks.anchor, [...anchors])).orderBy(asc(resolverLinks.createdAt), asc(resolverLinks.id)),
    db.select({ anchor: resolverAnchors.anchor, itemDescription: resolverAnchors.itemDescription }).from(resolverAnchors).where(inArray(resolverAnchors.anchor, [...anchors])),
  ]);
  return { links, descriptions: new Map(heads.map((h) => [h.anchor, h.itemDescription])) };
}

/** Deeper anchors (lots, serials) under a primary key that have links, up to `limit`. */
export async function deeperAnchors(db: Executor, primaryKey: string, primaryValue: string, root: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ anchor: resolverLinks.anchor })
    .from(resolverLinks)
    .where(and(eq(resolverLinks.primaryKey, primaryKey), eq(resolverLinks.primaryValue, primaryValue), sql`${resolverLinks.anchor} <> ${root}`))
    .limit(limit);
  return rows.map((r) => r.anchor);
}
