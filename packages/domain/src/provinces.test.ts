import { describe, expect, it } from 'vitest'

import { PROVINCE_LABELS, PROVINCES } from './provinces'

describe('PROVINCE_LABELS', () => {
  it('should name each of the 34 provinces, keyed and labelled in Chinese by its stored name', () => {
    expect(PROVINCES).toHaveLength(34)
    expect(Object.keys(PROVINCE_LABELS)).toEqual([...PROVINCES])
    for (const province of PROVINCES) {
      expect(PROVINCE_LABELS[province].zh).toBe(province)
    }
  })

  it('should give each an English name of its own, in Latin letters', () => {
    const english = PROVINCES.map((p) => PROVINCE_LABELS[p].en)
    expect(new Set(english).size).toBe(34)
    for (const name of english) {
      expect(name).toMatch(/^[A-Z][A-Za-z ]+$/)
    }
  })
})
