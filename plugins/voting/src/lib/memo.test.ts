import { describe, expect, it } from 'vitest'

import { memoize } from './memo'

describe('memoize', () => {
  it('should compute once per key and start over when full', () => {
    const calls: string[] = []
    const upper = memoize((key) => {
      calls.push(key)
      return key.toUpperCase()
    }, 2)
    expect([upper('a'), upper('a'), upper('b')]).toEqual(['A', 'A', 'B'])
    expect(calls).toEqual(['a', 'b'])
    expect(upper('c')).toBe('C')
    expect(upper('a')).toBe('A')
    expect(calls).toEqual(['a', 'b', 'c', 'a'])
  })
})
