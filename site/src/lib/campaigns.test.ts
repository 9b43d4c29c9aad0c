import { describe, expect, it } from 'vitest'

import type { Campaign, Theme } from '@exemplar/cms/payload-types'

import {
  splitCampaigns,
  themeTree,
  themeWithDescendants,
  phaseName,
  provinceName,
  trackName,
  trackQuota,
  trackRequirements,
} from './campaigns'

type Track = NonNullable<Campaign['tracks']>[number]

const campaign = (over: Partial<Campaign>): Campaign => ({
  id: 1,
  title: '活动',
  slug: 'c',
  year: 2022,
  updatedAt: '',
  createdAt: '',
  ...over,
})

const theme = (id: number, parent?: number): Theme => ({
  id,
  title: `主题${id}`,
  code: `t${id}`,
  campaign: 1,
  parent: parent ?? null,
  updatedAt: '',
  createdAt: '',
})

describe('splitCampaigns', () => {
  const now = new Date('2026-05-01T00:00:00Z')

  it('should put open and upcoming campaigns first and group the rest by year', () => {
    const open = campaign({ id: 1, year: 2026, openPhases: ['voting'] })
    const upcoming = campaign({
      id: 2,
      year: 2026,
      phases: [
        { kind: 'submission', startsAt: '2026-06-01T00:00:00Z', endsAt: '2026-07-01T00:00:00Z' },
      ],
    })
    const past = campaign({
      id: 3,
      year: 2022,
      phases: [
        { kind: 'submission', startsAt: '2022-06-01T00:00:00Z', endsAt: '2022-06-29T16:00:00Z' },
      ],
    })
    const older = campaign({ id: 4, year: 2020 })
    const { current, archive } = splitCampaigns([open, upcoming, older, past], now)
    expect(current.map((c) => c.id)).toEqual([1, 2])
    expect(archive.map((g) => [g.year, g.campaigns.map((c) => c.id)])).toEqual([
      [2022, [3]],
      [2020, [4]],
    ])
  })
})

describe('themeTree', () => {
  it('should nest sub-themes under their area and find descendants', () => {
    const themes = [theme(1), theme(2, 1), theme(3, 1), theme(4), theme(5, 99)]
    const tree = themeTree(themes)
    expect(tree.map((n) => [n.theme.id, n.children.map((c) => c.theme.id)])).toEqual([
      [1, [2, 3]],
      [4, []],
      [5, []],
    ])
    expect(themeWithDescendants(themes, themes[0]!).map((t) => t.id)).toEqual([1, 2, 3])
  })
})

describe('track rules', () => {
  const track = (over: Partial<Track>): Track => ({
    key: 'k',
    name: '类别',
    kind: 'text-image',
    ...over,
  })

  it('should spell out a text-and-image track in the notices’ wording', () => {
    const rules = trackRequirements(
      track({
        requirements: {
          bodyMaxChars: 2000,
          maxImages: 5,
          requiredSections: ['工作目标', '主要举措', '推广情况'],
        },
      }),
    )
    expect(rules).toEqual([
      '正文不超过2000字',
      '须包含章节：工作目标、主要举措、推广情况',
      '每个案例不超过5张图片',
    ])
  })

  it('should spell out photo, PDF and video limits', () => {
    expect(
      trackRequirements(
        track({
          kind: 'photo',
          requirements: { minFileBytes: 2 * 1024 * 1024, captionMaxChars: 150 },
        }),
      ),
    ).toEqual(['每张照片不小于2MB', '文字说明不超过150字'])
    expect(
      trackRequirements(track({ kind: 'print', requirements: { allowedFileKinds: ['pdf'] } })),
    ).toEqual(['仅限PDF'])
    expect(
      trackRequirements(
        track({
          kind: 'video',
          requirements: { maxDurationSeconds: 180, maxFileBytes: 30 * 1024 * 1024 },
        }),
      ),
    ).toEqual(['文件不超过30MB', '视频时长不超过3分钟'])
  })

  it('should state share and count quotas, tier by tier', () => {
    expect(
      trackQuota(
        track({ tiers: [{ key: 'excellent', name: '优秀作品', kind: 'share', value: 20 }] }),
      ),
    ).toBe('优秀作品不超过本类别参评作品总数的20%')
    expect(
      trackQuota(
        track({
          tiers: [
            { key: 'best', name: '最佳价值案例', kind: 'count', value: 10 },
            { key: 'excellent', name: '优秀价值案例', kind: 'count', value: 40 },
          ],
        }),
      ),
    ).toBe('评选最佳价值案例10个；评选优秀价值案例40个')
    expect(trackQuota(track({ tiers: [] }))).toBeUndefined()
  })

  it('should spell out requirements and quotas in English on English pages', () => {
    expect(
      trackRequirements(
        track({
          kind: 'photo',
          requirements: {
            minFileBytes: 2 * 1024 * 1024,
            captionMaxChars: 150,
            allowedFileKinds: ['image'],
          },
        }),
        'en',
      ),
    ).toEqual(['Each photo at least 2MB', 'Caption of at most 150 characters', 'Image only'])
    expect(
      trackRequirements(
        track({ kind: 'video', requirements: { maxDurationSeconds: 150, requiresText: true } }),
        'en',
      ),
    ).toEqual(['Video of at most 2 min 30 s', 'A written text is required'])
    expect(
      trackQuota(
        track({
          tiers: [
            { key: 'excellent', name: '优秀作品', nameEn: 'Excellent', kind: 'share', value: 20 },
          ],
        }),
        'en',
      ),
    ).toBe('Excellent: at most 20% of the track’s entries')
  })
})

describe('names on English pages', () => {
  it('should name phases by their kind in English and by the campaign’s own label in Chinese', () => {
    const phase = { kind: 'voting' as const, label: '公众点赞排行' }
    expect(phaseName(phase, 'zh')).toBe('公众点赞排行')
    expect(phaseName(phase, 'en')).toBe('Public voting')
    expect(phaseName({ kind: 'voting', label: null }, 'zh')).toBe('公众投票')
  })

  it('should lead a track’s Chinese name with its kind in English', () => {
    const photo = { kind: 'photo' as const, name: '最美抗疫瞬间（摄影图片）' }
    expect(trackName(photo, 'zh')).toBe('最美抗疫瞬间（摄影图片）')
    expect(trackName(photo, 'en')).toBe('Photo · 最美抗疫瞬间（摄影图片）')
  })

  it('should name provinces in English and leave unknown values as stored', () => {
    expect(provinceName('广西壮族自治区', 'en')).toBe('Guangxi')
    expect(provinceName('广西壮族自治区', 'zh')).toBe('广西壮族自治区')
    expect(provinceName('某地', 'en')).toBe('某地')
    expect(provinceName(null, 'en')).toBe('')
  })
})
