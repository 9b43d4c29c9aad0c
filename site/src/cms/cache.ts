/**
 * A page view makes a handful of identical reads; ten seconds of reuse makes
 * it cheap. When the CMS says something changed (site/src/cache/changeFeed.ts)
 * every read is forgotten, so a page rendered after a change reads it.
 */
export const CACHE_TTL_MS = 10_000
const CACHE_MAX = 500
// A read in flight when the cache is cleared leaves with it: only the renders already waiting on it see it.
const cache = new Map<string, { expires: number; value: Promise<unknown> }>()

/** Forget cached reads (a change in the CMS, tests, or after a write the site itself made). */
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
  const entry = { expires: now + ttlMs, value }
  cache.set(key, entry)
  // A failed read must not be served from the cache (nor drop a newer read of the same key).
  value.catch(() => {
    if (cache.get(key) === entry) {
      cache.delete(key)
    }
  })
  return value
}

/** The cache key of a collection read: its options, which are all the SDK sends. */
export function readKey(options: { collection: string }): string {
  return JSON.stringify(options)
}
