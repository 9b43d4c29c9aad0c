import { describe, expect, it } from 'vitest'

import { entryYear, newEntryNumber } from './assignEntryNumber'

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

describe('entryYear', () => {
  it.each([
    ['2026-12-31T15:59:59.999Z', 2026],
    ['2026-12-31T16:00:00.000Z', 2027],
    ['2027-01-01T10:00:00.000Z', 2027],
  ])('should take the year of %s in Beijing time: %i', (instant, year) => {
    expect(entryYear(new Date(instant))).toBe(year)
  })
})
