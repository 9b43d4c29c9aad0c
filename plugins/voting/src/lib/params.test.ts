import { describe, expect, it } from 'vitest'

import { boardParams, MAX_SLUG_LENGTH, seriesParams } from './params'

const q = (init: Record<string, string>) => new URLSearchParams(init)

describe('leaderboard parameters', () => {
  it('should default and clamp what the site sends', () => {
    expect(boardParams(q({ campaign: 'c' }))).toEqual({
      slug: 'c',
      by: 'entry',
      track: undefined,
      theme: undefined,
      limit: 50,
    })
    expect(boardParams(q({ campaign: 'c', limit: '5000', by: 'province' }))).toMatchObject({
      limit: 200,
      by: 'province',
    })
  })

  it.each([
    [{ campaign: 'x'.repeat(MAX_SLUG_LENGTH + 1) }, 'invalid_campaign'],
    [{ campaign: 'c', by: 'city' }, 'invalid_by'],
    [{ campaign: 'c', track: 't'.repeat(65) }, 'invalid_track'],
    [{ campaign: 'c', theme: 'abc' }, 'invalid_theme'],
    [{ campaign: 'c', theme: '1'.repeat(100_000) }, 'invalid_theme'],
  ])('should refuse %j with %s', (init, code) => {
    expect(boardParams(q(init))).toMatchObject({ code })
  })
})

describe('series parameters', () => {
  it('should take top 1–10, five by default', () => {
    expect(seriesParams(q({ campaign: 'c' }))).toEqual({ slug: 'c', top: 5 })
    expect(seriesParams(q({ campaign: 'c', top: '10' }))).toEqual({ slug: 'c', top: 10 })
  })

  it.each(['0', '11', '2.5', 'abc', '', '1e1'])('should refuse top=%s naming the range', (top) => {
    expect(seriesParams(q({ campaign: 'c', top }))).toEqual({
      code: 'invalid_top',
      error: '条数（top）须为 1 到 10 的整数。',
    })
  })
})
