import { describe, expect, it } from 'vitest'

import { MEMO_MAX_KEY_LENGTH, memoize } from './memo'

describe('memoize', () => {
  it('should compute once per key and drop the least recently used when full', () => {
    const calls: string[] = []
    const upper = memoize((key) => {
      calls.push(key)
      return key.toUpperCase()
    }, 2)
    expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B'])
    expect(calls).toEqual(['a', 'b'])
    expect(upper('a')).toBe('A')
    expect(upper('c')).toBe('C')
    expect(upper('a')).toBe('A')
    expect(upper('b')).toBe('B')
    expect(calls).toEqual(['a', 'b', 'c', 'b'])
  })

  it('should remember a null result', () => {
    let calls = 0
    const check = memoize(() => {
      calls += 1
      return null
    })
    expect([check('x'), check('x')]).toEqual([null, null])
    expect(calls).toBe(1)
  })

  it('should compute a key longer than the key cap every time without storing it', () => {
    let calls = 0
    const length = memoize((key) => {
      calls += 1
      return key.length
    })
    const long = 'x'.repeat(MEMO_MAX_KEY_LENGTH + 1)
    expect([length(long), length(long)]).toEqual([long.length, long.length])
    expect(calls).toBe(2)
  })
})
