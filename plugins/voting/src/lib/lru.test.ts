import { describe, expect, it } from 'vitest'

import { LruCache } from './lru'

describe('LruCache', () => {
  it('should drop the least recently used key when a write passes the cap', () => {
    const cache = new LruCache<string, number>(2)
    cache.set('a', 1).set('b', 2)
    expect(cache.get('a')).toBe(1)
    cache.set('c', 3)
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true])
    expect(cache.size).toBe(2)
  })

  it('should hold at most its cap after 100,000 distinct keys and keep a key that is read', () => {
    const cache = new LruCache<string, number>(1_000)
    cache.set('known', 0)
    for (let i = 0; i < 100_000; i++) {
      cache.set(`unknown-${i}`, i)
      cache.get('known')
    }
    expect(cache.size).toBe(1_000)
    expect(cache.get('known')).toBe(0)
  })

  it('should keep a stored undefined or null as a hit', () => {
    const cache = new LruCache<string, null | undefined>(2)
    cache.set('none', null).set('missing', undefined)
    expect([cache.has('none'), cache.has('missing'), cache.get('none')]).toEqual([true, true, null])
  })

  it('should refuse a cap that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow('positive integer')
  })
})
