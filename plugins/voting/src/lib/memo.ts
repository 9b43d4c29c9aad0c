/**
 * A bounded memo for pure functions of a string on the vote hot path (token
 * checks, address and device hashes): the same few thousand voters and
 * networks repeat all day, and an HMAC per request showed up in profiles.
 * When full it starts over rather than tracking recency — cheap and enough.
 */
export function memoize<T>(fn: (key: string) => T, max = 50_000): (key: string) => T {
  let cache = new Map<string, T>()
  return (key) => {
    const hit = cache.get(key)
    if (hit !== undefined || cache.has(key)) {
      return hit as T
    }
    const value = fn(key)
    if (cache.size >= max) {
      cache = new Map()
    }
    cache.set(key, value)
    return value
  }
}
