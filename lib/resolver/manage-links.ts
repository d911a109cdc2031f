// Link management for editors and ERP systems: GS1 Resolver CE v3 data-entry documents in, one
// transaction per request out. A brand may only write anchors under its own GS1 Company Prefixes, never
// another brand's anchor, and only https hrefs on its approved domains (checked by parseCeV3).
import type { Database } from "@/db/database";
import { findOrganisationById } from "@/db/queries/organisations";
import { anchorOwners, deleteAnchor, getAnchor, replaceAnchors, type AnchorInput } from "@/db/queries/resolver-links";
import { keyFromCompanyPrefix } from "@/lib/epcis/identifiers";
import { parseDigitalLink } from "@/lib/gs1";
import { AppError } from "@/lib/http/problem";
import { parseCeV3 } from "./ce-v3-import";
import { toLinkRows } from "./link-rows";
import { anchorPath } from "./walk-up";

/** The canonical anchor of "/01/…/10/…" (path segments from the URL), or a 400. */
export function anchorFromPath(segments: readonly string[]): string {
  const parsed = parseDigitalLink(`https://x/${segments.map(encodeURIComponent).join("/")}`);
  if (!parsed.ok) throw new AppError("bad_request", `The path is not a GS1 Digital Link identifier: ${parsed.error.message}.`, { code: parsed.error.code });
  if (parsed.value.attributes.length) throw new AppError("bad_request", "An anchor has no query attributes.");
  return anchorPath(parsed.value.primaryKey, parsed.value.qualifiers);
}

async function organisation(db: Database, organisationId: string) {
  const org = await findOrganisationById(db, organisationId);
  if (!org) throw new AppError("not_found");
  return org;
}

/**
 * Write CE v3 documents (one, or an array): each replaces the links of its anchor. With `anchor`, the
 * documents must be about that anchor (PUT /api/resolver/{anchor}); a document without one gets it.
 */
export async function writeLinkDocuments(db: Database, organisationId: string, userId: string | null, body: unknown, anchor?: string) {
  const org = await organisation(db, organisationId);
  const documents = Array.isArray(body) ? body : [body];
  const withAnchor = anchor
    ? documents.map((d) => (d && typeof d === "object" && !Array.isArray(d) && !("anchor" in d) ? { ...d, anchor } : d))
    : documents;
  const parsed = parseCeV3(Array.isArray(body) ? withAnchor : withAnchor[0], { approvedDomains: org.approvedDomains });
  if (!parsed.ok) {
    throw new AppError("bad_request", `The link data is not valid (${parsed.errors.length} problem${parsed.errors.length === 1 ? "" : "s"}).`, {
      errors: parsed.errors.slice(0, 200).map((e) => ({ pointer: e.path, code: e.code, message: e.message })),
    });
  }
  if (anchor && parsed.entries.some((e) => e.anchor !== anchor)) {
    throw new AppError("bad_request", `The document's anchor differs from the URL's (${anchor}).`);
  }
  const entries: AnchorInput[] = parsed.entries.map((entry) => {
    const [, ai = "", value = ""] = entry.anchor.split("/");
    const primaryValue = decodeURIComponent(value);
    if (!org.companyPrefixes.some((p) => p.length > 0 && keyFromCompanyPrefix({ ai, value: primaryValue }).startsWith(p))) {
      throw new AppError("forbidden", `${entry.anchor} is not under your GS1 Company Prefixes (${org.companyPrefixes.join(", ") || "none set"}).`);
    }
    return { anchor: entry.anchor, primaryKey: ai, primaryValue, itemDescription: entry.itemDescription, links: entry.links.flatMap(toLinkRows) };
  });
  const anchors = entries.map((e) => e.anchor);
  if (new Set(anchors).size !== anchors.length) throw new AppError("bad_request", "Each anchor may appear once per request.");
  await db.transaction(async (tx) => {
    const owners = await anchorOwners(tx, anchors);
    const taken = anchors.filter((a) => owners.has(a) && owners.get(a) !== organisationId);
    if (taken.length) throw new AppError("conflict", `Another organisation manages ${taken.slice(0, 5).join(", ")}.`);
    await replaceAnchors(tx, organisationId, userId, entries);
  });
  return { anchors, links: entries.reduce((n, e) => n + e.links.length, 0) };
}

/** An anchor as CE v3 shows it (links one per language row, grouped back by the reader if needed). */
export async function readLinkDocument(db: Database, organisationId: string, anchor: string) {
  const found = await getAnchor(db, organisationId, anchor);
  if (!found) throw new AppError("not_found", `No links at ${anchor}.`);
  const defaults = found.links.filter((l) => l.isDefault);
  return {
    anchor: found.anchor,
    itemDescription: found.itemDescription,
    ...(defaults[0] ? { defaultLinktype: defaults[0].linkType } : {}),
    links: found.links.map((l) => ({
      linktype: l.linkType,
      href: l.href,
      title: l.title,
      ...(l.mediaType ? { type: l.mediaType } : {}),
      hreflang: [l.hreflang],
      ...(l.context ? { context: [l.context] } : {}),
      fwqs: l.forwardQuery,
    })),
    updatedAt: found.updatedAt,
  };
}

export async function removeLinkDocument(db: Database, organisationId: string, anchor: string) {
  if (!(await deleteAnchor(db, organisationId, anchor))) throw new AppError("not_found", `No links at ${anchor}.`);
}
