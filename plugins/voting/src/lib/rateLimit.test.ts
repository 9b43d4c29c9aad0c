import { describe, expect, it } from 'vitest'

import { WindowLimiter } from './rateLimit'

describe('WindowLimiter', () => {
  it('should allow up to the limit per key and window, then refuse', () => {
    const limiter = new WindowLimiter(3, 60_000)
    const t = 120_000
    expect([1, 2, 3, 4].map(() => limiter.hit('a', t))).toEqual([true, true, true, false])
    expect(limiter.hit('b', t)).toBe(true)
  })

  it('should start counting again in the next window', () => {
    const limiter = new WindowLimiter(1, 60_000)
    expect(limiter.hit('a', 0)).toBe(true)
    expect(limiter.hit('a', 59_999)).toBe(false)
    expect(limiter.hit('a', 60_000)).toBe(true)
  })
})
