import { describe, expect, it } from 'vitest'

import { newEntryNumber } from './assignEntryNumber'

describe('newEntryNumber', () => {
  it('should be the year and six characters that cannot be misread', () => {
    for (let i = 0; i < 200; i++) {
      expect(newEntryNumber(2026)).toMatch(/^2026-[2-9A-HJ-NP-Z]{6}$/)
    }
  })

  it('should not repeat across a thousand draws', () => {
    const numbers = new Set(Array.from({ length: 1000 }, () => newEntryNumber(2026)))
    expect(numbers.size).toBe(1000)
  })
})
