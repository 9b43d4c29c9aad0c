import { describe, expect, it } from 'vitest'

import { displayTally } from './display'

describe('displayTally', () => {
  it('should show exact counts by default and round down when asked', () => {
    expect(displayTally(1234, 'exact', 100)).toBe(1234)
    expect(displayTally(1234, 'rounded', 100)).toBe(1200)
    expect(displayTally(99, 'rounded', 100)).toBe(0)
    expect(displayTally(1234, 'rounded', 0)).toBe(1234)
  })
})
