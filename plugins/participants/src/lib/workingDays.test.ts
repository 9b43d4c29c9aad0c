import { describe, expect, it } from 'vitest'

import { addWorkingDays, isWorkingDay, shanghaiDate } from './workingDays'

describe('shanghaiDate', () => {
  it('should read the date in Asia/Shanghai, not UTC', () => {
    // 2026-11-23 20:00 UTC is already Tuesday 04:00 in Shanghai.
    expect(shanghaiDate(new Date('2026-11-23T20:00:00Z'))).toBe('2026-11-24')
  })
})

describe('isWorkingDay', () => {
  it('should treat Saturdays and Sundays as days off', () => {
    expect(isWorkingDay('2026-11-21')).toBe(false)
    expect(isWorkingDay('2026-11-22')).toBe(false)
    expect(isWorkingDay('2026-11-23')).toBe(true)
  })

  it('should follow a configured holiday and a configured weekend working day', () => {
    const calendar = { holidays: ['2026-10-01'], workdays: ['2026-10-10'] }
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false)
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true)
  })
})

describe('addWorkingDays', () => {
  it('should land two calendar weeks later when started on a Monday', () => {
    const due = addWorkingDays(new Date('2026-11-23T02:00:00Z'), 10)
    expect(due.toISOString()).toBe('2026-12-07T02:00:00.000Z')
  })

  it('should count from the next Monday when started on a Saturday', () => {
    // Saturday 2026-11-21 10:00 Shanghai → 10th working day is Friday 2026-12-04.
    const due = addWorkingDays(new Date('2026-11-21T02:00:00Z'), 10)
    expect(shanghaiDate(due)).toBe('2026-12-04')
  })

  it('should use the Shanghai date when UTC is still on the previous day', () => {
    // Friday 2026-11-20 23:30 UTC is Saturday 07:30 in Shanghai.
    const due = addWorkingDays(new Date('2026-11-20T23:30:00Z'), 1)
    expect(shanghaiDate(due)).toBe('2026-11-23')
  })

  it('should skip configured holidays and count a configured weekend working day', () => {
    const calendar = {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-10-10'],
    }
    // From Wednesday 30 September: Oct 8, 9, 10 (worked Saturday), 12 → the 4th is Oct 12.
    const due = addWorkingDays(new Date('2026-09-30T01:00:00Z'), 4, calendar)
    expect(shanghaiDate(due)).toBe('2026-10-12')
  })
})
