import { describe, expect, it } from 'vitest'

import { formatBeijing, submissionWindow, windowRefusal } from './deadline'

// 2026-06-30 00:00 in Beijing is 2026-06-29 16:00 UTC.
const phases = [
  { kind: 'registration', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' },
  { kind: 'submission', startsAt: '2026-03-31T16:00:00Z', endsAt: '2026-06-29T16:00:00Z' },
]

describe('formatBeijing', () => {
  it('should show the instant on a Beijing clock, whatever the server zone', () => {
    expect(formatBeijing('2026-06-29T16:00:00Z')).toBe('2026-06-30 00:00')
    expect(formatBeijing(new Date('2026-01-01T03:05:00Z'))).toBe('2026-01-01 11:05')
  })
})

describe('submissionWindow', () => {
  it('should be open one second before the closing instant', () => {
    const w = submissionWindow(phases, 'submission', new Date('2026-06-29T15:59:59Z'))
    expect(w.state).toBe('open')
    expect(windowRefusal(w)).toBeNull()
  })

  it('should be closed at the closing instant and name it in Beijing time', () => {
    const w = submissionWindow(phases, 'submission', new Date('2026-06-29T16:00:01Z'))
    expect(w.state).toBe('closed')
    expect(windowRefusal(w)).toBe('征集已于 2026-06-30 00:00（北京时间）截止')
    expect(submissionWindow(phases, 'submission', new Date('2026-06-29T16:00:00Z')).state).toBe(
      'closed',
    )
  })

  it('should be upcoming before the start and say when it opens', () => {
    const w = submissionWindow(phases, 'submission', new Date('2026-03-01T00:00:00Z'))
    expect(w.state).toBe('upcoming')
    expect(windowRefusal(w)).toContain('2026-04-01 00:00')
  })

  it('should refuse a campaign without a submission phase', () => {
    const w = submissionWindow(phases.slice(0, 1), 'submission')
    expect(w.state).toBe('none')
    expect(windowRefusal(w)).toMatch(/未设置作品征集时间/)
  })

  it('should prefer the open round when the window repeats', () => {
    const rounds = [
      ...phases,
      { kind: 'submission', startsAt: '2026-08-01T00:00:00Z', endsAt: '2026-09-01T00:00:00Z' },
    ]
    const w = submissionWindow(rounds, 'submission', new Date('2026-08-15T00:00:00Z'))
    expect(w).toEqual({ state: 'open', closesAt: new Date('2026-09-01T00:00:00Z') })
  })
})
