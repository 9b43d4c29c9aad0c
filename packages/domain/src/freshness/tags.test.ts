import { describe, expect, it } from 'vitest'

import {
  campaignTag,
  certificateTag,
  entryTag,
  PAGE_TAG_PATTERN,
  secondsUntilNextBoundary,
  showcaseTag,
} from './tags'

const now = Date.parse('2026-12-03T10:00:00Z')

describe('page tags', () => {
  it('should name each thing a page shows by a tag the pattern accepts', () => {
    for (const tag of [
      entryTag(12),
      campaignTag('65a1f'),
      showcaseTag(3),
      certificateTag('EX2026000017'),
      'gallery',
    ]) {
      expect(tag).toMatch(PAGE_TAG_PATTERN)
    }
    expect('entry:1 2').not.toMatch(PAGE_TAG_PATTERN)
  })
})

describe('secondsUntilNextBoundary', () => {
  it('should keep a page until the next phase starts or ends, whichever is first', () => {
    const phases = [
      { startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-03T10:05:00Z' },
      { startsAt: '2026-12-03T10:02:30Z', endsAt: '2026-12-10T00:00:00Z' },
    ]
    expect(secondsUntilNextBoundary(phases, now)).toBe(150)
  })

  it('should ignore boundaries already past and cap the rest', () => {
    const phases = [{ startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-11-02T00:00:00Z' }]
    expect(secondsUntilNextBoundary(phases, now, 600)).toBe(600)
    expect(secondsUntilNextBoundary([], now, 600)).toBe(600)
    expect(secondsUntilNextBoundary([{ startsAt: null, endsAt: 'not a date' }], now, 60)).toBe(60)
  })

  it('should keep at least a second, rounding a boundary part-way through one up', () => {
    expect(secondsUntilNextBoundary([{ startsAt: now + 200, endsAt: null }], now)).toBe(1)
    expect(secondsUntilNextBoundary([{ startsAt: now + 1_200, endsAt: null }], now)).toBe(2)
  })
})
