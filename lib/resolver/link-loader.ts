// How the link cache reads the database: the links and descriptions at some anchors, and for each
// primary-key anchor the deeper anchors that have links (so most serials need no link query at all).
import type { Executor } from "@/db/database";
import { deeperAnchors, linksAtAnchors } from "@/db/queries/resolver-links";
import type { AnchorLinks, LoadAnchors } from "./link-cache";

// A product with more deeper anchors than this is asked about each one (rare: per-serial links).
const DEEPER_LISTED = 1000;

export function linkLoader(db: Executor): LoadAnchors {
  return async (anchors, roots) => {
    const { links, descriptions } = await linksAtAnchors(db, anchors);
    const out = new Map<string, AnchorLinks>();
    for (const anchor of anchors) out.set(anchor, { links: links.filter((l) => l.anchor === anchor), description: descriptions.get(anchor) ?? null });
    for (const root of roots) {
      const [, ai = "", value = ""] = root.split("/");
      const deeper = await deeperAnchors(db, ai, decodeURIComponent(value), root, DEEPER_LISTED + 1);
      out.set(root, { ...out.get(root)!, deeper: deeper.length > DEEPER_LISTED ? null : new Set(deeper) });
    }
    return out;
  };
}
