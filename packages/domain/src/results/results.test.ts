import { describe, expect, it } from 'vitest'

import { mulberry32 } from '../review/random'
import {
  describeFormula,
  rankTrack,
  totalScore,
  voteScores,
  type ResultCandidate,
  type ResultFormula,
  type TieRule,
} from './formula'
import { assignTiers, checkTiers, tierLimit, type AwardTier } from './quotas'
import { computeResults } from './results'

const candidate = (
  n: number,
  expert: number | null,
  votes: number,
  extra: Partial<ResultCandidate> = {},
) =>
  ({
    entryId: n,
    number: `2026-YZ${String(n).padStart(4, '0')}`,
    expert,
    reviews: expert === null ? 0 : 3,
    votes,
    ...extra,
  }) satisfies ResultCandidate

const formula = (over: Partial<ResultFormula> = {}): ResultFormula => ({
  expertShare: 70,
  voteScale: 'max',
  tieRule: 'expert',
  ...over,
})

describe('vote scores', () => {
  it('should scale votes by the track maximum', () => {
    expect(voteScores([50, 100, 0, 33], 'max')).toEqual([50, 100, 0, 33])
    expect(voteScores([1, 3], 'max')).toEqual([33.3333, 100])
    expect(voteScores([0, 0], 'max')).toEqual([0, 0])
  })

  it('should scale votes by percentile rank, equal votes sharing the mean', () => {
    expect(voteScores([10, 20, 30], 'rank')).toEqual([0, 50, 100])
    expect(voteScores([10, 20, 20, 5], 'rank')).toEqual([33.3333, 83.3333, 83.3333, 0])
    expect(voteScores([7], 'rank')).toEqual([100])
  })
})

describe('the total', () => {
  it('should mix the rounded components by the expert share', () => {
    expect(totalScore(80, 50, 70)).toBe(71)
    expect(totalScore(null, 50, 0)).toBe(50)
    expect(totalScore(null, 50, 70)).toBeNull()
    expect(totalScore(91.23456, 0, 100)).toBe(91.2346)
  })
})

describe('ranking a track', () => {
  it('should rank by total, tie-breaking by expert score under the expert rule', () => {
    const rows = rankTrack(
      [candidate(1, 80, 50), candidate(2, 60, 100), candidate(3, 90, 0), candidate(4, null, 80)],
      formula(),
    )
    // 1: 56 + 15 = 71; 2: 42 + 30 = 72; 3: 63 + 0 = 63.
    expect(rows.map((r) => [r.entryId, r.total, r.rank])).toEqual([
      [2, 72, 1],
      [1, 71, 2],
      [3, 63, 3],
      [4, null, null],
    ])
    expect(rows[3]!.unranked).toBe('unreviewed')
  })

  it('should break equal totals by each rule, and share the rank under exclude', () => {
    // Equal totals 70: entry 1 by experts (100·0.7 + 0), entry 2 by votes.
    const tied = [candidate(1, 100, 0), candidate(2, 57.1429, 100)]
    const ranks = (rule: TieRule) =>
      rankTrack([candidate(1, 70, 70), candidate(2, 70, 70), candidate(3, 80, 40)], {
        ...formula(),
        expertShare: 50,
        tieRule: rule,
      }).map((r) => [r.entryId, r.rank])
    // 1, 2: 0.5·70 + 0.5·100 = 85 each; 3: 40 + 0.5·57.1429 = 68.5714.
    expect(ranks('expert')).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ])
    expect(ranks('exclude')).toEqual([
      [1, 1],
      [2, 1],
      [3, 3],
    ])
    const byVotes = rankTrack(
      [candidate(1, 90, 10), candidate(2, 70, 30), candidate(3, 50, 50)],
      formula({ expertShare: 50, voteScale: 'rank', tieRule: 'votes' }),
    )
    // Totals 45, 60, 75: votes only move ties, so the order is by total.
    expect(byVotes.map((r) => r.entryId)).toEqual([3, 2, 1])
    const equal = rankTrack(tied, formula({ tieRule: 'votes' }))
    expect(equal.map((r) => r.total)).toEqual([70, 70])
    expect(equal.map((r) => r.entryId)).toEqual([2, 1])
    expect(rankTrack(tied, formula({ tieRule: 'expert' })).map((r) => r.entryId)).toEqual([1, 2])
  })

  it('should break a tie on expert score and votes by the lower entry number', () => {
    const rows = rankTrack(
      [candidate(2, 80, 10), candidate(1, 80, 10)],
      formula({ tieRule: 'expert' }),
    )
    expect(rows.map((r) => [r.entryId, r.rank])).toEqual([
      [1, 1],
      [2, 2],
    ])
  })

  it('should drop a revoked entry so the next moves up, or keep its place empty', () => {
    const entries = [
      candidate(1, 95, 100, { revoked: true }),
      candidate(2, 90, 50),
      candidate(3, 80, 50),
    ]
    const moved = rankTrack(entries, formula(), { promoteNext: true })
    expect(moved.map((r) => [r.entryId, r.rank, r.unranked])).toEqual([
      [2, 1, undefined],
      [3, 2, undefined],
      [1, null, 'revoked'],
    ])
    // Votes are rescaled over the ranked entries: 2 now has the maximum.
    expect(moved[0]!.voteScore).toBe(100)
    const kept = rankTrack(entries, formula(), { promoteNext: false })
    expect(kept.map((r) => [r.entryId, r.rank, r.revoked])).toEqual([
      [1, 1, true],
      [2, 2, false],
      [3, 3, false],
    ])
    const tiers: AwardTier[] = [{ key: 'best', name: '最佳', kind: 'count', value: 1 }]
    expect(assignTiers(kept, tiers, 3).tierOf.get('1')).toBe('best')
    expect(assignTiers(moved, tiers, 3).tierOf.get('2')).toBe('best')
  })
})

describe('quota tiers', () => {
  it('should round a share down with integer arithmetic', () => {
    const share = (value: number): AwardTier => ({ key: 'x', name: '优秀', kind: 'share', value })
    expect(tierLimit(share(20), 35)).toBe(7)
    expect(tierLimit(share(20), 34)).toBe(6)
    expect(tierLimit(share(20), 4)).toBe(0)
    expect(tierLimit(share(12.5), 8)).toBe(1)
    expect(tierLimit({ key: 'x', name: '优秀', kind: 'count', value: 50 }, 3)).toBe(50)
  })

  it('should move a tie at the boundary whole to the next tier and show the shortfall', () => {
    const ranked = rankTrack(
      [
        candidate(1, 90, 0),
        candidate(2, 80, 0),
        candidate(3, 70, 0),
        candidate(4, 70, 0),
        candidate(5, 60, 0),
      ],
      formula({ expertShare: 100, tieRule: 'exclude' }),
    )
    const { tiers, tierOf } = assignTiers(
      ranked,
      [
        { key: 'best', name: '最佳', kind: 'count', value: 3 },
        { key: 'excellent', name: '优秀', kind: 'count', value: 2 },
      ],
      5,
    )
    expect(tiers.map((t) => [t.key, t.limit, t.filled, t.shortfall])).toEqual([
      ['best', 3, 2, 1],
      ['excellent', 2, 2, 0],
    ])
    expect([...tierOf.entries()]).toEqual([
      ['1', 'best'],
      ['2', 'best'],
      ['3', 'excellent'],
      ['4', 'excellent'],
    ])
  })

  it('should leave a tier empty when a tie is larger than the tier', () => {
    const ranked = rankTrack(
      [candidate(1, 70, 0), candidate(2, 70, 0), candidate(3, 70, 0), candidate(4, 50, 0)],
      formula({ expertShare: 100, tieRule: 'exclude' }),
    )
    const out = assignTiers(ranked, [{ key: 'best', name: '最佳', kind: 'count', value: 2 }], 4)
    expect(out.tiers[0]).toMatchObject({ limit: 2, filled: 0, shortfall: 2 })
    expect(out.tierOf.size).toBe(0)
  })

  it('should never exceed a quota, keep ties together and keep tiers in rank order', () => {
    const random = mulberry32(20261202)
    const rules: TieRule[] = ['expert', 'votes', 'exclude']
    for (let run = 0; run < 400; run += 1) {
      const n = 1 + Math.floor(random() * 40)
      const entries = Array.from({ length: n }, (_, i) =>
        candidate(
          i + 1,
          random() < 0.1 ? null : Math.round(random() * 8) * 10,
          Math.floor(random() * 5) * 10,
        ),
      )
      const tiers: AwardTier[] = [
        { key: 'best', name: '最佳', kind: 'count', value: Math.floor(random() * 5) },
        { key: 'excellent', name: '优秀', kind: 'share', value: 1 + Math.floor(random() * 40) },
        { key: 'finalist', name: '入围', kind: 'count', value: Math.floor(random() * 10) },
      ]
      const f = formula({
        expertShare: Math.floor(random() * 101),
        voteScale: random() < 0.5 ? 'max' : 'rank',
        tieRule: rules[run % 3]!,
      })
      const ranked = rankTrack(entries, f)
      const out = assignTiers(ranked, tiers, n)
      const order = new Map(tiers.map((t, i) => [t.key, i]))
      for (const t of out.tiers) {
        const holders = ranked.filter((r) => out.tierOf.get(String(r.entryId)) === t.key)
        expect(holders.length).toBe(t.filled)
        expect(t.filled).toBeLessThanOrEqual(t.limit)
        expect(t.filled + t.shortfall).toBe(t.limit)
      }
      for (const a of ranked) {
        for (const b of ranked) {
          const ta = out.tierOf.get(String(a.entryId))
          const tb = out.tierOf.get(String(b.entryId))
          if (a.rank !== null && a.rank === b.rank) {
            expect(ta).toBe(tb)
          }
          if (ta !== undefined && a.rank !== null && b.rank !== null && a.rank < b.rank) {
            // Better-ranked entries hold an equal or better tier, or the worse one holds none.
            expect(tb === undefined || order.get(ta)! <= order.get(tb)!).toBe(true)
          }
        }
        if (a.rank === null) {
          expect(out.tierOf.has(String(a.entryId))).toBe(false)
        }
      }
    }
  })

  it('should name the faulty tier', () => {
    expect(checkTiers([{ key: 'Best', name: '最佳', kind: 'count', value: 1 }])).toContain(
      '第 1 个奖项',
    )
    expect(
      checkTiers([
        { key: 'best', name: '最佳', kind: 'count', value: 1 },
        { key: 'best', name: '优秀', kind: 'share', value: 20 },
      ]),
    ).toContain('重复')
    expect(checkTiers([{ key: 'best', name: '最佳', kind: 'share', value: 120 }])).toContain(
      '0 到 100',
    )
    expect(checkTiers([{ key: 'best', name: '最佳', kind: 'count', value: 30 }])).toBeNull()
  })
})

describe('the formula in words', () => {
  it('should state the shares, the vote scale and the tie rule in Chinese and English', () => {
    const zh = describeFormula(formula(), 'zscore').join('')
    expect(zh).toContain('专家评分 × 70%')
    expect(zh).toContain('公众投票得分 × 30%')
    expect(zh).toContain('最高票数')
    expect(zh).toContain('z 分数')
    expect(zh).toContain('作品编号靠前')
    expect(describeFormula(formula({ expertShare: 100 }), 'none').join('')).not.toContain(
      '最高票数',
    )
    expect(describeFormula(formula(), 'none', 'en')[0]).toBe(
      'Total = experts 70% + public votes 30%.',
    )
  })
})

describe('computing results', () => {
  it('should rank each track and fill its tiers, carrying each entry’s facts', () => {
    const facts = {
      institution: '某医院',
      province: '浙江省',
      pinnedVersion: 'v1',
      pinnedSha256: 'ab',
    }
    const body = computeResults({
      campaign: { id: 7, slug: 'demo', title: '示例' },
      normalization: 'none',
      formula: formula({ expertShare: 100 }),
      promoteNext: true,
      tracks: [
        {
          key: 'case',
          name: '案例',
          tiers: [{ key: 'excellent', name: '优秀', kind: 'share', value: 20 }],
          entries: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({
            ...candidate(n, n * 5, 0),
            ...facts,
            title: `案例 ${n}`,
          })),
        },
      ],
    })
    expect(body.campaign.id).toBe('7')
    const track = body.tracks[0]!
    expect(track.base).toBe(10)
    expect(track.tiers[0]).toMatchObject({ limit: 2, filled: 2, shortfall: 0 })
    expect(track.rows.filter((r) => r.tier === 'excellent').map((r) => r.title)).toEqual([
      '案例 10',
      '案例 9',
    ])
    expect(track.rows[0]).toMatchObject({
      entryId: '10',
      institution: '某医院',
      pinnedVersion: 'v1',
    })
  })
})
