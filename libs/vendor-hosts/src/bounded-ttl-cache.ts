/**
 * A small in-process cache: at most `size` entries, each kept `ttlMs`. A Map keeps insertion
 * order, so reading an entry moves it last and the first one is the least recently used,
 * which is the one dropped when the cache is full. Bounded because its keys may come from
 * anyone (the Host header of any request).
 */
export class BoundedTtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();

  constructor(
    private readonly maxSize: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value held for `key`, wrapped (a held value may itself be null), or undefined when none is fresh. */
  get(key: K): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= this.now()) return undefined;
    this.entries.set(key, entry);
    return { value: entry.value };
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
    while (this.entries.size > this.maxSize) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
