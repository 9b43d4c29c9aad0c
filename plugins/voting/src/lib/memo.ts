import { LruCache } from './lru'

/** How many results a memo keeps: the voters and networks active at once on a busy day. */
export const MEMO_MAX = 50_000
/**
 * Longer keys are computed every time and never stored. Tokens, hashes'
 * inputs (user agents) are a few hundred characters at most; a client sending
 * 16 KB headers must not fill the memo with them.
 */
export const MEMO_MAX_KEY_LENGTH = 512

/**
 * A bounded memo for pure functions of a string on the vote hot path (token
 * checks, address and device hashes): the same few thousand voters and
 * networks repeat all day, and an HMAC per request showed up in profiles.
 * Least recently used results go first when it is full.
 */
export function memoize<T>(fn: (key: string) => T, max = MEMO_MAX): (key: string) => T {
  const cache = new LruCache<string, T>(max)
  return (key) => {
    if (key.length > MEMO_MAX_KEY_LENGTH) {
      return fn(key)
    }
    if (cache.has(key)) {
      return cache.get(key) as T
    }
    const value = fn(key)
    cache.set(key, value)
    return value
  }
}
