/**
 * A page view makes a handful of identical reads; ten seconds of reuse makes
 * it cheap without showing stale phases for long (the HTTP cache adds 30 s).
 */
export const CACHE_TTL_MS = 10_000
const CACHE_MAX = 500
const cache = new Map<string, { expires: number; value: Promise<unknown> }>()

/** Forget cached reads (tests, or after a write the site itself made). */
export function clearCache(): void {
  cache.clear()
}

/** A read shared by identical requests for `ttlMs`; a failure is never reused. */
export function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now()
  const hit = cache.get(key)
  if (hit && hit.expires > now) {
    return hit.value as Promise<T>
  }
  const value = load()
  if (cache.size >= CACHE_MAX) {
    for (const [k, entry] of cache) {
      if (entry.expires <= now || cache.size >= CACHE_MAX) {
        cache.delete(k)
      }
    }
  }
  cache.set(key, { expires: now + ttlMs, value })
  // A failed read must not be served from the cache.
  value.catch(() => cache.delete(key))
  return value
}

/** The cache key of a collection read: its options, which are all the SDK sends. */
export function readKey(options: { collection: string }): string {
  return JSON.stringify(options)
}
