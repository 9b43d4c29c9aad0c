import { describe, expect, it } from 'vitest'

import { archiveCampaigns, currentCampaigns } from './campaigns'
import { SOURCE_NOTICES, sourceCitation } from './campaigns/notices'
import { buildEntries, type OrgRef } from './entries'
import { INSTITUTIONS } from './people'
import { seriesOf } from './plans'
import { campaignPosts } from './posts'
import { hashString, seededRandom } from './random'

/** The facts a reader checks on the demo site, from the same builders the seed writes with. */
const now = new Date('2026-12-02T01:00:00Z')
const editions = [
  ...archiveCampaigns.map((campaign) => ({ campaign, current: false })),
  ...currentCampaigns(now).map((campaign) => ({ campaign, current: true })),
]
const organizations: OrgRef[] = INSTITUTIONS.map((i, k) => ({ id: k + 1, ...i }))

function entriesOf({ campaign, current }: (typeof editions)[number]) {
  const series = seriesOf(campaign)
  return buildEntries(
    (current ? series.current : series.archive) ?? [],
    {
      campaign,
      campaignId: 1,
      now,
      random: seededRandom(
        hashString(campaign.slug.replace(/\d{4}$/, current ? 'current' : 'archive')),
      ),
      organizations: organizations.filter((o) => o.type !== 'media'),
      mediaOrganizations: organizations.filter((o) => o.type === 'media'),
      themes: [{ id: 1, title: '健康知识普及行动' }],
      images: [1, 2, 3],
      pdf: 4,
      participant: { id: 1, organization: organizations[0]! },
      editor: 1,
    },
    { year: campaign.year, code: current ? series.code : series.archiveCode },
  )
}

describe.each(editions)('the demo data of $campaign.slug', (edition) => {
  const { campaign } = edition
  const entries = entriesOf(edition)

  it('should give every entry a title no other entry of the campaign has', () => {
    const titles = entries.map((e) => e.title)
    expect(titles.length).toBeGreaterThan(0)
    expect(new Set(titles).size).toBe(titles.length)
  })

  it('should date photos inside the campaign’s own year, before its submission closed', () => {
    const closes = new Date(campaign.phases.find((p) => p.kind === 'submission')!.endsAt)
    const last = new Date(Math.min(closes.getTime(), now.getTime()) + 8 * 3_600_000)
    for (const entry of entries) {
      for (const { caption } of entry.attachments ?? []) {
        const date = /^(\d{4})年(\d{1,2})月/.exec(caption ?? '')
        if (!date) {
          continue
        }
        expect(Number(date[1])).toBe(campaign.year)
        expect(Number(date[2])).toBeLessThanOrEqual(last.getUTCMonth() + 1)
      }
    }
  })

  it('should open no news post by repeating its excerpt', () => {
    for (const post of campaignPosts(campaign, now)) {
      expect(post.paragraphs.length).toBeGreaterThan(0)
      expect(post.paragraphs[0]!.trim()).not.toBe(post.excerpt.trim())
    }
  })

  it('should cite the source notice by issuer and title on archived editions only', () => {
    const citation = sourceCitation(campaign.sourceNotice, edition.current)
    if (edition.current) {
      expect(citation).toBeNull()
    } else {
      expect(citation).toBe(SOURCE_NOTICES[campaign.sourceNotice])
      expect(citation).toMatch(/《.+》/)
    }
  })
})

it('should have photo entries to check, in the 2020 edition among others', () => {
  const photos = entriesOf(editions.find((e) => e.campaign.slug === 'nixingzhe-2020')!).filter(
    (e) => /^\d{4}年/.test(e.attachments?.[0]?.caption ?? ''),
  )
  expect(photos.length).toBeGreaterThan(10)
})
