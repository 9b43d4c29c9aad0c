import { describe, expect, it } from 'vitest'

import type { Campaign } from '@exemplar/cms/payload-types'

import {
  isLeaderboard,
  leaderboardApiPath,
  leaderboardColumns,
  leaderboardHref,
  leaderboardParams,
  leaderboardRows,
  withBaseline,
  type Leaderboard,
  type LeaderboardRow,
} from './leaderboard'

const campaign: Pick<Campaign, 'tracks'> = {
  tracks: [
    { key: 'case', name: '图文案例', kind: 'text-image' },
    { key: 'photo', name: '摄影', kind: 'photo' },
  ],
}

const entryRow = (over: Partial<LeaderboardRow> = {}): LeaderboardRow => ({
  rank: 1,
  key: '202',
  label: '雪峰县人民医院：健康小屋',
  votes: 1_493,
  entryId: 202,
  number: '2026-YZ0040',
  organization: '雪峰县人民医院',
  province: '西藏自治区',
  ...over,
})

const board = (over: Partial<Leaderboard> = {}): Leaderboard => ({
  campaign: { slug: 'c', title: '活动' },
  by: 'entry',
  display: 'exact',
  generatedAt: '2026-11-23T08:00:00.000Z',
  rows: [entryRow()],
  ...over,
})

describe('leaderboardParams', () => {
  it.each([
    ['', { by: 'entry' }],
    ['by=organization', { by: 'organization' }],
    ['by=province&track=photo', { by: 'province', track: 'photo' }],
    ['by=everything', { by: 'entry' }],
    ['track=nosuch', { by: 'entry' }],
  ])('should read "%s" as %j', (search, params) => {
    expect(leaderboardParams(new URLSearchParams(search), campaign)).toEqual(params)
  })
})

describe('addresses', () => {
  it('should ask the API for one campaign, ranking, track and page size', () => {
    expect(leaderboardApiPath('yizhe-xianxing-2026', { by: 'province', track: 'case' })).toBe(
      '/api/voting/leaderboard?campaign=yizhe-xianxing-2026&by=province&track=case&limit=50',
    )
  })

  it('should link the default ranking without a query, and keep the locale prefix', () => {
    expect(leaderboardHref('zh', 'c', { by: 'entry' })).toBe('/campaigns/c/leaderboard')
    expect(leaderboardHref('en', 'c', { by: 'organization', track: 'photo' })).toBe(
      '/en/campaigns/c/leaderboard?by=organization&track=photo',
    )
  })
})

describe('leaderboardRows', () => {
  it('should show an entry with its rank, linked title, institution, province and votes', () => {
    const rows = leaderboardRows(board(), 'zh')
    expect(rows).toEqual([
      {
        key: '202',
        cells: [
          { text: '1', numeric: true },
          { text: '雪峰县人民医院：健康小屋', rowHeader: true, href: '/entries/2026-YZ0040' },
          { text: '雪峰县人民医院' },
          { text: '西藏自治区' },
          { text: '1,493', numeric: true },
        ],
      },
    ])
    expect(rows[0]!.cells).toHaveLength(leaderboardColumns('entry', 'zh').length)
  })

  it('should link entries under /en on English pages and leave unnumbered ones unlinked', () => {
    const rows = leaderboardRows(
      board({ rows: [entryRow(), entryRow({ key: '9', number: null, organization: null })] }),
      'en',
    )
    expect(rows[0]!.cells[1]!.href).toBe('/en/entries/2026-YZ0040')
    expect(rows[1]!.cells[1]).toEqual({ text: '雪峰县人民医院：健康小屋', rowHeader: true })
    expect(rows[1]!.cells[2]).toEqual({ text: '' })
  })

  it.each(['organization', 'province'] as const)(
    'should show a %s with its rank, name and votes only',
    (by) => {
      const rows = leaderboardRows(
        board({ by, rows: [{ rank: 2, key: 'k', label: '福建省', votes: 2_653 }] }),
        'zh',
      )
      expect(rows[0]!.cells.map((c) => c.text)).toEqual(['2', '福建省', '2,653'])
      expect(leaderboardColumns(by, 'zh')).toHaveLength(3)
    },
  )

  it('should name provinces in English on English pages', () => {
    expect(leaderboardRows(board(), 'en')[0]!.cells[3]).toEqual({ text: 'Tibet' })
    const rows = leaderboardRows(
      board({ by: 'province', rows: [{ rank: 2, key: 'k', label: '福建省', votes: 2_653 }] }),
      'en',
    )
    expect(rows[0]!.cells[1]).toEqual({ text: 'Fujian', rowHeader: true })
  })

  it('should keep tied ranks as the server sent them', () => {
    const rows = leaderboardRows(
      board({
        rows: [
          entryRow({ key: 'a', rank: 1 }),
          entryRow({ key: 'b', rank: 1 }),
          entryRow({ key: 'c', rank: 3 }),
        ],
      }),
      'zh',
    )
    expect(rows.map((r) => r.cells[0]!.text)).toEqual(['1', '1', '3'])
  })
})

describe('isLeaderboard', () => {
  it('should accept an answer of the API', () => {
    expect(isLeaderboard(board())).toBe(true)
  })

  it.each([
    ['null', null],
    ['an error', { error: '找不到', code: 'campaign_not_found' }],
    ['an unknown ranking', { ...board(), by: 'city' }],
    ['a row without votes', { ...board(), rows: [{ rank: 1, key: 'a', label: 'x' }] }],
  ])('should refuse %s', (_what, body) => {
    expect(isLeaderboard(body)).toBe(false)
  })
})

describe('withBaseline', () => {
  const series = [
    {
      entryId: 202,
      label: 'a',
      points: [
        { t: '2026-11-23T07:00:00.000Z', votes: 1 },
        { t: '2026-11-23T08:00:00.000Z', votes: 3 },
      ],
    },
  ]

  it('should lift a line so that it ends at the entry’s tally on the board', () => {
    const lifted = withBaseline(series, [entryRow({ votes: 1_493 })])
    expect(lifted[0]!.points.map((p) => p.votes)).toEqual([1_491, 1_493])
  })

  it('should leave a line alone when the board does not list the entry or counts fewer', () => {
    expect(withBaseline(series, [])[0]!.points.map((p) => p.votes)).toEqual([1, 3])
    expect(withBaseline(series, [entryRow({ votes: 2 })])[0]!.points.map((p) => p.votes)).toEqual([
      1, 3,
    ])
  })
})
