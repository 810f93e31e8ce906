import { LRUCache } from 'lru-cache';
import type { CompiledEmail } from './email-compiler';

export interface CompileCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_COMPILE_CACHE_LIMITS: CompileCacheLimits = { maxEntries: 2000, maxBytes: 128 * 1024 * 1024 };

/**
 * Compiled emails by (campaign version, asset, brand-kit revision). Keys name immutable
 * inputs, so a change to either makes a new key and the old entry simply ages out: the
 * cache is bounded by entries and bytes. Concurrent misses for one key compile once.
 */
export class CompiledEmailCache {
  private readonly cache: LRUCache<string, CompiledEmail>;
  private readonly pending = new Map<string, Promise<CompiledEmail>>();
  hits = 0;
  misses = 0;

  constructor(limits: CompileCacheLimits = DEFAULT_COMPILE_CACHE_LIMITS) {
    this.cache = new LRUCache<string, CompiledEmail>({
      max: limits.maxEntries,
      maxSize: limits.maxBytes,
      sizeCalculation: (e) => e.size,
    });
  }

  static key(versionId: string, assetId: string, brandRevision: string | number): string {
    return `${versionId}:${assetId}:${brandRevision}`;
  }

  async get(key: string, compile: () => Promise<CompiledEmail>): Promise<CompiledEmail> {
    const hit = this.cache.get(key);
    if (hit) {
      this.hits++;
      return hit;
    }
    const inflight = this.pending.get(key);
    // Served without compiling again: a hit, though it waits for the first caller's compile.
    if (inflight) {
      this.hits++;
      return inflight;
    }
    this.misses++;
    const promise = compile()
      .then((compiled) => {
        this.cache.set(key, compiled);
        return compiled;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.cache.size;
  }

  get bytes(): number {
    return this.cache.calculatedSize;
  }
}
