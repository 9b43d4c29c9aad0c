/** Entries on display: a campaign's cards, and one entry's page. */
import type { Campaign, Entry, EntriesSelect } from '@exemplar/cms/payload-types'

import { PUBLIC_ENTRY_STATES } from '../lib/labels'
import { cached, CACHE_TTL_MS, readKey } from './cache'
import { cms } from './client'
import { NotFound } from './errors'

/** A page of documents, as the pages use it (Payload's answer carries more). */
export interface Paginated<T> {
  docs: T[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
}

export const ENTRIES_PER_PAGE = 24

/** The fields an entry card shows; depth 1 then populates only theme, institution and images. */
const ENTRY_CARD_SELECT = {
  number: true,
  title: true,
  track: true,
  theme: true,
  organization: true,
  province: true,
  city: true,
  status: true,
  voteCount: true,
  award: true,
  attachments: true,
} as const satisfies EntriesSelect<true>

/** An entry as a card shows it: the fields of ENTRY_CARD_SELECT. */
export type EntryCard = Pick<Entry, 'id' | keyof typeof ENTRY_CARD_SELECT>

export interface EntryQuery {
  campaign: number
  /** Entries of any of these themes (a theme and its sub-themes). */
  themes?: readonly number[]
  track?: string
  page?: number
  limit?: number
}

export async function listEntries(query: EntryQuery): Promise<Paginated<EntryCard>> {
  const options = {
    collection: 'entries',
    where: {
      campaign: { equals: query.campaign },
      // Access control already filters anonymous reads; saying it here keeps the page honest.
      status: { in: PUBLIC_ENTRY_STATES },
      ...(query.track ? { track: { equals: query.track } } : {}),
      ...(query.themes?.length ? { theme: { in: query.themes } } : {}),
    },
    select: ENTRY_CARD_SELECT,
    populate: {
      themes: { title: true, code: true },
      organizations: { name: true, province: true, city: true },
    },
    depth: 1,
    limit: query.limit ?? ENTRIES_PER_PAGE,
    page: Math.max(1, Math.floor(query.page ?? 1)),
    // The public may not sort by the exact tally (a delayed campaign hides the live order).
    sort: 'number',
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  // Payload always answers the page asked for; its type leaves it optional.
  return { ...result, page: result.page ?? options.page }
}

export async function getEntryByNumber(number: string): Promise<Entry> {
  const options = {
    collection: 'entries',
    where: { number: { equals: number }, status: { in: PUBLIC_ENTRY_STATES } },
    depth: 1,
    limit: 1,
    populate: {
      // phases feed the virtual openPhases (is the vote open?); voting is the campaign's rule.
      campaigns: {
        title: true,
        slug: true,
        year: true,
        tracks: true,
        phases: true,
        openPhases: true,
        voting: true,
      },
      themes: { title: true, code: true, parent: true },
      organizations: { name: true, province: true, city: true },
    },
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  const entry = result.docs[0]
  if (!entry) {
    throw new NotFound(`entry ${number}`)
  }
  return entry
}

/** A card with the campaign it belongs to (lists that span campaigns: showcases). */
export type EntryCardWithCampaign = EntryCard & { campaign: Campaign }

/**
 * The entries with these ids that the public may read, in the order given
 * (an editor's order); ids the public may not read are left out.
 */
export async function listEntriesByIds(ids: readonly number[]): Promise<EntryCardWithCampaign[]> {
  if (ids.length === 0) {
    return []
  }
  const options = {
    collection: 'entries',
    where: { id: { in: [...ids] }, status: { in: PUBLIC_ENTRY_STATES } },
    select: { ...ENTRY_CARD_SELECT, campaign: true },
    populate: {
      themes: { title: true, code: true },
      organizations: { name: true, province: true, city: true },
      campaigns: {
        title: true,
        slug: true,
        tracks: true,
        phases: true,
        openPhases: true,
        voting: true,
      },
    },
    depth: 1,
    limit: ids.length,
  } as const
  const result = await cached(readKey(options), CACHE_TTL_MS, () => cms().find(options))
  const byId = new Map(result.docs.map((doc) => [doc.id, doc]))
  return ids.flatMap((id) => {
    const doc = byId.get(id)
    return doc && typeof doc.campaign === 'object' && doc.campaign
      ? [doc as unknown as EntryCardWithCampaign]
      : []
  })
}
