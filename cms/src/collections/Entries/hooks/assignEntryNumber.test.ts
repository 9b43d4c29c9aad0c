import { describe, expect, it } from 'vitest'

import { entryYear } from './assignEntryNumber'

// The number's format is @exemplar/domain's (packages/domain/src/entryNumbers.test.ts); the
// serial's concurrency is tested on a real database (tests/int/entry-numbers.int.spec.ts).

describe('entryYear', () => {
  it.each([
    ['2026-12-31T15:59:59.999Z', 2026],
    ['2026-12-31T16:00:00.000Z', 2027],
    ['2027-01-01T10:00:00.000Z', 2027],
  ])('should take the year of %s in Beijing time: %i', (instant, year) => {
    expect(entryYear(new Date(instant))).toBe(year)
  })
})
