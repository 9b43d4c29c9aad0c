import { describe, expect, it } from 'vitest'

import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDay,
  formatDuration,
  formatHour,
  formatTime,
  inlineJson,
  phaseState,
} from './format'

describe('formatDateTime', () => {
  it('should show 2022-06-29T16:00:00Z as midnight of 30 June in Shanghai', () => {
    expect(formatDateTime('2022-06-29T16:00:00Z')).toBe('2022年6月30日 00:00')
  })

  it('should show the Shanghai day, not the UTC day', () => {
    expect(formatDate('2022-06-29T16:00:00Z')).toBe('2022年6月30日')
    expect(formatDate('2022-06-29T15:59:59Z')).toBe('2022年6月29日')
  })

  it('should format English dates in Shanghai time too', () => {
    expect(formatDateTime('2022-06-29T16:00:00Z', 'en')).toBe('30 Jun 2022, 00:00')
  })
})

describe('formatDay', () => {
  it('should show a Beijing day as that day, whatever zone the reader is in', () => {
    expect(formatDay('2021-05-20')).toBe('2021年5月20日')
    expect(formatDay('2021-12-31', 'en')).toBe('31 Dec 2021')
  })

  it('should show anything that is not YYYY-MM-DD as it came', () => {
    expect(formatDay('2021年5月')).toBe('2021年5月')
  })
})

describe('phaseState', () => {
  const phase = { startsAt: '2022-06-01T00:00:00Z', endsAt: '2022-06-29T16:00:00Z' }

  it.each([
    ['2022-05-31T23:59:59Z', 'upcoming'],
    ['2022-06-01T00:00:00Z', 'open'],
    ['2022-06-29T15:59:59Z', 'open'],
    ['2022-06-29T16:00:00Z', 'closed'],
  ])('should treat %s as %s (the end instant is exclusive)', (now, state) => {
    expect(phaseState(phase, new Date(now))).toBe(state)
  })
})

describe('formatBytes and formatDuration', () => {
  it.each([
    [2 * 1024 * 1024, '2MB'],
    [30 * 1024 * 1024, '30MB'],
    [1.5 * 1024 * 1024, '1.5MB'],
    [500 * 1024, '500KB'],
  ])('should write %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it.each([
    [180, '3分钟'],
    [90, '1分30秒'],
    [45, '45秒'],
  ])('should write %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text)
  })
})

describe('clock times in Beijing', () => {
  it('should show the time of day for "updated at"', () => {
    expect(formatTime('2026-11-23T08:05:03.120Z')).toBe('16:05:03')
  })

  it('should label a chart hour with its Beijing day', () => {
    expect(formatHour('2026-11-23T16:00:00Z')).toBe('11月24日 00时')
    expect(formatHour(Date.parse('2026-11-23T08:00:00Z'), 'en')).toBe('23 Nov 16:00')
  })

  it('should leave the day out when the axis stays within one day', () => {
    expect(formatHour('2026-11-23T16:00:00Z', 'zh', false)).toBe('00时')
    expect(formatHour('2026-11-23T08:00:00Z', 'en', false)).toBe('16:00')
  })
})

describe('inlineJson', () => {
  it('should keep an editor title from closing the script element, and parse back unchanged', () => {
    const value = { title: '</script><script>alert(1)</script>', note: 'a\u2028b' }
    const text = inlineJson(value)
    expect(text).not.toContain('</script')
    expect(text).not.toContain('\u2028')
    expect(JSON.parse(text)).toEqual(value)
  })
})
