/** Showcases (作品精选): an editor's named, ordered collections of entries. */
import type { Showcase } from '@exemplar/cms/payload-types'

import { cached, CACHE_TTL_MS, readKey } from './cache'
import { cms } from './client'
import { NotFound } from './errors'

const SHOWCASE_SUMMARY_SELECT = {
  title: true,
  slug: true,
  intro: true,
  campaign: true,
  updatedAt: true,
} as const

export type ShowcaseSummary = Pick<Showcase, 'id' | keyof typeof SHOWCASE_SUMMARY_SELECT>

/** The published showcases, newest change first. */
export async function listShowcases(limit = 24): Promise<ShowcaseSummary[]> {
  const options = {
    collection: 'showcases',
    select: SHOWCASE_SUMMARY_SELECT,
    depth: 0,
    limit,
    sort: '-updatedAt',
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  return result.docs
}

/** One published showcase; its entries arrive as ids, read apart as the public reads them. */
export async function getShowcaseBySlug(slug: string): Promise<Showcase> {
  const options = {
    collection: 'showcases',
    where: { slug: { equals: slug } },
    depth: 1,
    limit: 1,
    populate: { campaigns: { title: true, slug: true }, entries: { number: true } },
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  const showcase = result.docs[0]
  if (!showcase) {
    throw new NotFound(`showcase ${slug}`)
  }
  return showcase
}
