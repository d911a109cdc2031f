// The resolver's in-process cache of link data. A scan asks for a few anchors (serial → lot → product);
// hits cost nothing, misses for one request are loaded together, and concurrent scans of the same
// identifier share one in-flight load. Absent anchors are cached too, and the product anchor remembers
// which deeper anchors (lots, serials) have links at all — so a scan of a serial without links of its
// own costs no link query once the product is cached. Writes invalidate locally at once; other
// instances see them within the TTL.
import type { ResolverLinkRow } from "./types";

export interface AnchorLinks {
  readonly links: readonly ResolverLinkRow[];
  readonly description: string | null;
  /** On a primary-key anchor: the deeper anchors that have links (null: too many to list — ask each time). */
  readonly deeper?: ReadonlySet<string> | null;
}

export type LoadAnchors = (anchors: readonly string[], rootsNeedingDeeper: readonly string[]) => Promise<Map<string, AnchorLinks>>;

interface Entry {
  value: AnchorLinks;
  expires: number;
}

const EMPTY: AnchorLinks = { links: [], description: null };

export class LinkCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<AnchorLinks>>();
  private generation = 0;
  loads = 0;

  constructor(
    private readonly load: LoadAnchors,
    private readonly options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
  ) {}

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  private fresh(anchor: string): AnchorLinks | undefined {
    const entry = this.entries.get(anchor);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(anchor);
      return undefined;
    }
    // Least-recently-used order: a hit moves to the end.
    this.entries.delete(anchor);
    this.entries.set(anchor, entry);
    return entry.value;
  }

  private store(anchor: string, value: AnchorLinks) {
    this.entries.set(anchor, { value, expires: this.now() + (this.options.ttlMs ?? 30_000) });
    const max = this.options.maxEntries ?? 100_000;
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value as string);
  }

  /**
   * Links at the candidate anchors of one request, most specific first; the last candidate is the
   * primary-key anchor (the walk-up's root).
   */
  async get(candidates: readonly string[]): Promise<Map<string, AnchorLinks>> {
    const result = new Map<string, AnchorLinks>();
    const root = candidates[candidates.length - 1];
    if (root === undefined) return result;
    const rootValue = this.fresh(root) ?? (await this.fetch([root], [root])).get(root) ?? EMPTY;
    result.set(root, rootValue);
    const missing: string[] = [];
    for (const anchor of candidates) {
      if (anchor === root) continue;
      // The root knows its deeper anchors: one it does not list has no links, no query needed.
      if (rootValue.deeper && !rootValue.deeper.has(anchor)) {
        result.set(anchor, EMPTY);
        continue;
      }
      const hit = this.fresh(anchor);
      if (hit) result.set(anchor, hit);
      else missing.push(anchor);
    }
    if (missing.length) for (const [anchor, value] of await this.fetch(missing, [])) result.set(anchor, value);
    return result;
  }

  private async fetch(anchors: readonly string[], roots: readonly string[]): Promise<Map<string, AnchorLinks>> {
    const out = new Map<string, AnchorLinks>();
    const toLoad = anchors.filter((a) => !this.inflight.has(a));
    if (toLoad.length) {
      const generation = this.generation;
      const batch = this.load(toLoad, roots.filter((r) => toLoad.includes(r))).then((loaded) => {
        this.loads++;
        // A write during the load may have changed what was read: do not cache a stale answer.
        if (generation === this.generation) for (const a of toLoad) this.store(a, loaded.get(a) ?? EMPTY);
        return loaded;
      });
      for (const a of toLoad) {
        const one = batch.then((loaded) => loaded.get(a) ?? EMPTY);
        this.inflight.set(a, one);
        void one.finally(() => this.inflight.delete(a)).catch(() => undefined);
      }
    }
    // Take every promise now: a finished load removes itself from the in-flight map.
    const pending = anchors.map((a) => [a, this.inflight.get(a) ?? Promise.resolve(this.fresh(a) ?? EMPTY)] as const);
    for (const [a, promise] of pending) out.set(a, await promise);
    return out;
  }

  /** Forget anchors after a write (and their primary-key roots, whose list of deeper anchors changed). */
  invalidate(anchors: readonly string[] | "all"): void {
    this.generation++;
    if (anchors === "all") {
      this.entries.clear();
      return;
    }
    for (const anchor of anchors) {
      this.entries.delete(anchor);
      const root = anchor.split("/").slice(0, 3).join("/");
      this.entries.delete(root);
    }
  }
}
