import type { Payload } from 'payload'

type Id = number | string

const PER_SHOWCASE = 12

/**
 * 作品精选: for every edition with awarded entries, its excellent works in
 * the order of their numbers (seed 002's online showcase of the release
 * ceremony's cases, seed 004's case library); and the latest year's best
 * across campaigns. Made after the results, from what they awarded; an
 * existing slug is left as it is.
 */
export async function seedShowcases(payload: Payload): Promise<number> {
  const awarded = await payload.find({
    collection: 'entries',
    where: { status: { equals: 'awarded' } },
    select: { campaign: true, number: true, award: true },
    depth: 0,
    pagination: false,
    sort: 'number',
  })
  const byCampaign = new Map<Id, Id[]>()
  for (const entry of awarded.docs) {
    const campaign = entry.campaign as Id
    byCampaign.set(campaign, [...(byCampaign.get(campaign) ?? []), entry.id])
  }
  let created = 0
  const latest: { year: number; ids: Id[] } = { year: 0, ids: [] }
  for (const [campaignId, ids] of byCampaign) {
    const campaign = await payload.findByID({ collection: 'campaigns', id: campaignId, depth: 0 })
    if (campaign.year > latest.year) {
      latest.year = campaign.year
      latest.ids = []
    }
    if (campaign.year === latest.year) {
      latest.ids.push(...ids.slice(0, 4))
    }
    created += await createShowcase(payload, {
      slug: `${campaign.slug}-excellent`,
      title: `${campaign.title}优秀作品`,
      campaign: campaignId,
      intro: `经专家评审与公众投票、公示期满，${campaign.title}评出的优秀作品，按作品编号排列。`,
      entries: ids.slice(0, PER_SHOWCASE),
    })
  }
  if (latest.ids.length > 0) {
    created += await createShowcase(payload, {
      slug: `excellent-${latest.year}`,
      title: `${latest.year} 年度优秀案例`,
      campaign: null,
      intro: `${latest.year} 年各征集活动中的优秀案例与作品选编，由组委会推荐。`,
      entries: latest.ids.slice(0, PER_SHOWCASE),
    })
  }
  return created
}

async function createShowcase(
  payload: Payload,
  data: { slug: string; title: string; campaign: Id | null; intro: string; entries: Id[] },
): Promise<number> {
  const found = await payload.find({
    collection: 'showcases',
    where: { slug: { equals: data.slug } },
    limit: 1,
    depth: 0,
    draft: true,
  })
  if (found.docs.length > 0) {
    return 0
  }
  await payload.create({
    collection: 'showcases',
    data: {
      slug: data.slug,
      title: data.title,
      campaign: data.campaign as number | null,
      intro: data.intro,
      entries: data.entries.map((entry, i) => ({
        entry: entry as number,
        note: i === 0 ? '组委会推荐：选题贴近基层，方法可复制。' : null,
      })),
      _status: 'published',
    },
    depth: 0,
    draft: false,
  })
  return 1
}
