/** Campaigns, their themes and their public pledge count. */
import type { Campaign, Theme } from '@exemplar/cms/payload-types'

import { cached, CACHE_TTL_MS, readKey } from './cache'
import { cms, getEndpoint } from './client'
import { NotFound } from './errors'

export async function listCampaigns(): Promise<Campaign[]> {
  const options = { collection: 'campaigns', depth: 0, limit: 100, sort: '-year' } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  return result.docs
}

export async function getCampaignBySlug(slug: string): Promise<Campaign> {
  const options = {
    collection: 'campaigns',
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  const campaign = result.docs[0]
  if (!campaign) {
    throw new NotFound(`campaign ${slug}`)
  }
  return campaign
}

export async function listThemes(campaignId: number): Promise<Theme[]> {
  const options = {
    collection: 'themes',
    where: { campaign: { equals: campaignId } },
    depth: 0,
    limit: 100,
    sort: 'order',
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  return result.docs
}

/**
 * A campaign's public pledge count, read fresh (a signer reloading the page
 * sees their signature counted); `undefined` when it cannot be read, so the
 * count never takes the campaign page down with it.
 */
export async function getPledgeCount(campaignId: number): Promise<number | undefined> {
  const query = new URLSearchParams({ campaign: String(campaignId) })
  try {
    const res = await getEndpoint('/participants/pledges/count', query)
    const body = (await res.json()) as { count?: unknown }
    return typeof body.count === 'number' ? body.count : undefined
  } catch {
    return undefined
  }
}
