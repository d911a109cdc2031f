// Test-only: a GS1 linkset (e.g. the suite's modelLinkset.json) as the ResolverLinks it describes, so the suite's
// own expectations can be replayed against resolve().
import { normaliseLinkType } from "../link-types";
import type { ResolverLink } from "../types";

interface LinksetTargetJson {
  readonly href: string;
  readonly title: string;
  readonly type?: string;
  readonly hreflang?: readonly string[];
  readonly context?: readonly string[] | string;
}

export type LinksetJson = { readonly linkset: readonly Record<string, unknown>[] };

const DEFAULTS = /\/voc\/defaultLink(Multi)?$/;

export function linksFromLinkset(document: LinksetJson, stem: string): ResolverLink[] {
  const links: ResolverLink[] = [];
  for (const level of document.linkset) {
    const anchor = String(level.anchor).slice(stem.length);
    const defaults = (level["https://gs1.org/voc/defaultLink"] ?? level["https://ref.gs1.org/voc/defaultLink"] ?? []) as LinksetTargetJson[];
    for (const [key, value] of Object.entries(level)) {
      if (key === "anchor" || key === "itemDescription" || DEFAULTS.test(key)) continue;
      const type = normaliseLinkType(key);
      if (!type.ok) throw new Error(`Unknown link type ${key}`);
      for (const t of value as LinksetTargetJson[]) {
        const contexts = t.context === undefined ? [null] : Array.isArray(t.context) ? t.context : [t.context];
        for (const context of contexts) {
          links.push({
            anchor,
            linkType: type.value.key,
            href: t.href,
            title: t.title,
            hreflang: t.hreflang && t.hreflang.length > 0 ? t.hreflang : "und",
            context,
            mediaType: t.type ?? null,
            isDefault: defaults.some((d) => d.href === t.href && d.title === t.title),
            forwardQuery: true,
          });
        }
      }
    }
  }
  return links;
}
