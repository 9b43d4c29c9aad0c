/**
 * A Map kept in recency order with a size cap: a read moves its key to the
 * newest end, a write past the cap drops the oldest key. Every voting cache
 * keyed by something a client sends (entry keys, slugs, board URLs, tokens)
 * sits behind one of these, so a client inventing keys evicts old ones
 * instead of growing the process.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>()

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) {
      throw new Error(`LruCache: the size cap must be a positive integer, not ${max}`)
    }
  }

  get size(): number {
    return this.map.size
  }

  has(key: K): boolean {
    return this.map.has(key)
  }

  get(key: K): V | undefined {
    if (!this.map.has(key)) {
      return undefined
    }
    const value = this.map.get(key) as V
    this.map.delete(key)
    this.map.set(key, value)
    return value
  }

  set(key: K, value: V): this {
    this.map.delete(key)
    this.map.set(key, value)
    if (this.map.size > this.max) {
      // A Map iterates in insertion order: the first key is the least recently used.
      this.map.delete(this.map.keys().next().value as K)
    }
    return this
  }

  delete(key: K): boolean {
    return this.map.delete(key)
  }

  clear(): void {
    this.map.clear()
  }
}
