// A Map that forgets its oldest entry beyond a size. @upstash/ratelimit's ephemeral cache (identifiers
// known to be blocked, kept in this process to spare Redis calls) accepts any Map but never evicts expired
// entries, so a flood of distinct identifiers would otherwise grow it without bound.
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly maxSize: number) {
    super();
  }

  override set(key: K, value: V): this {
    // Re-insert so iteration order is least recently written first.
    super.delete(key);
    super.set(key, value);
    if (this.size > this.maxSize) {
      const oldest = this.keys().next();
      if (!oldest.done) super.delete(oldest.value);
    }
    return this;
  }
}
