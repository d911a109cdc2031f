// A small in-process cache with expiry and in-flight de-duplication: concurrent misses for one key share
// one load. Used for per-GTIN product facts on the resolver's hot path.
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private readonly inflight = new Map<string, Promise<V>>();

  constructor(
    private readonly load: (key: string) => Promise<V>,
    private readonly options: { ttlMs: number; maxEntries: number; now?: () => number },
  ) {}

  async get(key: string): Promise<V> {
    const now = this.options.now?.() ?? Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.load(key).then((value) => {
        this.entries.set(key, { value, expires: now + this.options.ttlMs });
        if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
        return value;
      });
      this.inflight.set(key, pending);
      void pending.finally(() => this.inflight.delete(key)).catch(() => undefined);
    }
    return pending;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
