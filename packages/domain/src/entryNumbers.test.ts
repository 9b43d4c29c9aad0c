import { describe, expect, it } from 'vitest'

import {
  FALLBACK_ENTRY_NUMBER_CODE,
  formatEntryNumber,
  isEntryNumberCode,
  nextEntrySerial,
  parseEntryNumber,
} from './entryNumbers'

describe('formatEntryNumber', () => {
  it.each([
    [2026, 'YZ', 42, '2026-YZ0042'],
    [2026, 'YGJD', 1, '2026-YGJD0001'],
    [2027, 'NX', 9999, '2027-NX9999'],
    [2027, 'NX', 10000, '2027-NX10000'],
    [2026, FALLBACK_ENTRY_NUMBER_CODE, 7, '2026-X0007'],
  ])('should write %i, %s, %i as %s', (year, code, serial, number) => {
    expect(formatEntryNumber(year, code, serial)).toBe(number)
  })

  it.each([
    [26, 'YZ', 1],
    [2026, 'yz', 1],
    [2026, 'Y', 1],
    [2026, 'ABCDE', 1],
    [2026, 'Y1', 1],
    [2026, 'YZ', 0],
    [2026, 'YZ', 1.5],
  ])('should refuse year %i, code %s, serial %i', (year, code, serial) => {
    expect(() => formatEntryNumber(year, code, serial)).toThrow(RangeError)
  })
})

describe('parseEntryNumber', () => {
  it('should read back what formatEntryNumber wrote', () => {
    expect(parseEntryNumber(formatEntryNumber(2026, 'CJ', 314))).toEqual({
      year: 2026,
      code: 'CJ',
      serial: 314,
    })
  })

  it.each(['2026-EUGDRT', '2026-YZ042', '2026-yz0042', '2026-ABCDE0001', '', null, undefined])(
    'should not read %s as a number of the rule',
    (number) => {
      expect(parseEntryNumber(number)).toBeNull()
    },
  )
})

describe('isEntryNumberCode', () => {
  it.each([
    ['YZ', true],
    ['ABCD', true],
    ['X', false],
    ['ABCDE', false],
    ['Yz', false],
    [42, false],
  ])('should judge %s: %s', (code, ok) => {
    expect(isEntryNumberCode(code)).toBe(ok)
  })
})

describe('nextEntrySerial', () => {
  it('should follow the highest serial of the same year and code only', () => {
    const numbers = ['2026-YZ0002', '2026-YZ0010', '2026-YZA0099', '2025-YZ0500', '2026-EUGDRT']
    expect(nextEntrySerial(numbers, 2026, 'YZ')).toBe(11)
  })

  it('should start at 1 when the campaign has no number that year', () => {
    expect(nextEntrySerial(['2025-YZ0500', null], 2026, 'YZ')).toBe(1)
  })

  it('should pass 9999 by growing a digit', () => {
    expect(nextEntrySerial(['2026-YZ9999'], 2026, 'YZ')).toBe(10000)
    expect(nextEntrySerial(['2026-YZ9999', '2026-YZ10000'], 2026, 'YZ')).toBe(10001)
  })
})
