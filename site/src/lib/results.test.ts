import type { Campaign } from '@exemplar/cms/payload-types'
import { computeResults } from '@exemplar/domain'
import { describe, expect, it } from 'vitest'

import { formulaLines, othersCount, resultsStage, scoreText, tierViews } from './results'

const day = 86_400_000
const now = new Date('2026-12-02T04:00:00Z')
const at = (days: number) => new Date(now.getTime() + days * day).toISOString()

const campaign = (phases: { kind: string; startsAt: string; endsAt: string }[], extra = {}) =>
  ({ id: 1, title: '示例', slug: 'demo', year: 2026, phases, ...extra }) as unknown as Campaign

describe('results stage', () => {
  it('should be in publicity while the publicity phase is open, final after it', () => {
    const publicity = { kind: 'publicity', startsAt: at(-1), endsAt: at(6) }
    expect(resultsStage(campaign([publicity]), now)).toBe('publicity')
    expect(resultsStage(campaign([{ ...publicity, startsAt: at(-9), endsAt: at(-2) }]), now)).toBe(
      'final',
    )
    expect(resultsStage(campaign([{ ...publicity, startsAt: at(2), endsAt: at(9) }]), now)).toBe(
      'pending',
    )
    expect(
      resultsStage(campaign([{ kind: 'results', startsAt: at(-1), endsAt: at(5) }]), now),
    ).toBe('final')
  })
})

describe('the formula on the page', () => {
  it('should read the campaign’s shares and normalization, or the defaults', () => {
    const lines = formulaLines(
      campaign([], { results: { expertShare: 100 }, review: { normalization: 'zscore' } }),
      'zh',
    ).join('')
    expect(lines).toContain('公众投票不计入总分')
    expect(lines).toContain('z 分数')
    expect(formulaLines(campaign([]), 'en')[0]).toBe('Total = experts 70% + public votes 30%.')
    const withOrganizers = formulaLines(
      campaign([], {
        results: { organizers: { enabled: true, minEntries: 2, minAwarded: 1, limit: 5 } },
      }),
      'zh',
    )
    expect(withOrganizers.at(-1)).toContain('优秀组织机构：通过形式审查的报送作品不少于 2 件')
    expect(formulaLines(campaign([]), 'zh').join('')).not.toContain('优秀组织机构')
  })
})

describe('tiers on the page', () => {
  it('should list each tier’s holders in rank order and count the others', () => {
    const body = computeResults({
      campaign: { id: 1, slug: 'demo', title: '示例' },
      normalization: 'none',
      formula: { expertShare: 100, voteScale: 'max', tieRule: 'expert' },
      promoteNext: true,
      tracks: [
        {
          key: 'case',
          name: '案例',
          tiers: [
            { key: 'best', name: '最佳', nameEn: 'Best', kind: 'count', value: 1 },
            { key: 'excellent', name: '优秀', kind: 'count', value: 2 },
          ],
          entries: [60, 90, 70, 80, 50].map((expert, i) => ({
            entryId: i + 1,
            number: `N${i + 1}`,
            expert,
            reviews: 3,
            votes: 0,
            title: `案例 ${i + 1}`,
            institution: '',
            province: '',
            pinnedVersion: null,
            pinnedSha256: null,
          })),
        },
      ],
    })
    const views = tierViews(body.tracks[0]!, 'en')
    expect(views.map((v) => [v.name, v.rows.map((r) => r.title)])).toEqual([
      ['Best', ['案例 2']],
      ['优秀', ['案例 4', '案例 3']],
    ])
    expect(othersCount(body.tracks[0]!)).toBe(2)
    expect(scoreText(88.1)).toBe('88.1')
    expect(scoreText(null)).toBe('—')
  })
})
