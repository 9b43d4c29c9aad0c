import type { Payload } from 'payload'

import { CACHE_CAPS, CACHE_MS } from './cacheCaps'
import type { TallyDisplay } from './lib/display'
import { currentGeneration } from './lib/generation'
import { LruCache } from './lib/lru'
import { MAX_SLUG_LENGTH } from './lib/params'
import type { CampaignVoting, EntryInfo } from './lib/rules'
import { normalizeId } from './respond'
import type { Id } from './store/types'
import type { ResolvedVotingOptions } from './types'

interface Cached<T> {
  at: number
  generation: number
  value: Promise<T>
}

/**
 * A cached lookup: valid while no entry or campaign was edited in this
 * process (lib/generation) and for at most CACHE_MS; concurrent misses share
 * one promise, and a failed lookup is forgotten.
 */
function cachedLookup<T>(cache: LruCache<string, Cached<T>>, key: string, load: () => Promise<T>) {
  const now = Date.now()
  const generation = currentGeneration()
  const hit = cache.get(key)
  if (hit && hit.generation === generation && now - hit.at < CACHE_MS) {
    return hit.value
  }
  const value = load()
  const entry = { at: now, generation, value }
  cache.set(key, entry)
  value.catch(() => {
    if (cache.get(key) === entry) {
      cache.delete(key)
    }
  })
  return value
}

/**
 * The facts the vote path checks on every vote — an entry's campaign and
 * state, a campaign's window and rule — read through Payload once and
 * cached in bounded LRUs.
 */
export class VotingFacts {
  private entries = new LruCache<string, Cached<EntryInfo | undefined>>(CACHE_CAPS.entries)
  private campaigns = new LruCache<string, Cached<CampaignVoting | undefined>>(CACHE_CAPS.campaigns)
  private slugs = new LruCache<string, Cached<CampaignVoting | undefined>>(CACHE_CAPS.slugs)

  constructor(
    private readonly payload: Payload,
    private readonly options: ResolvedVotingOptions,
  ) {}

  sizes() {
    return { entries: this.entries.size, campaigns: this.campaigns.size, slugs: this.slugs.size }
  }

  /** The entry's voting facts, cached; concurrent misses share one lookup. */
  entry(key: string): Promise<EntryInfo | undefined> {
    return cachedLookup(this.entries, key, () => this.loadEntry(key))
  }

  private async loadEntry(key: string): Promise<EntryInfo | undefined> {
    const byNumber = !/^\d+$/.test(key) && !/^[a-f0-9]{24}$/i.test(key)
    const { docs } = await this.payload.find({
      collection: this.options.entries,
      where: byNumber ? { number: { equals: key } } : { id: { equals: normalizeId(key) } },
      depth: 0,
      limit: 1,
      pagination: false,
      select: { number: true, title: true, campaign: true, status: true } as never,
    })
    const doc = docs[0] as unknown as
      { id: Id; number?: string; title?: string; campaign: Id; status: string } | undefined
    const info = doc
      ? {
          id: doc.id,
          number: doc.number ?? null,
          title: doc.title ?? '',
          campaignId: doc.campaign,
          status: doc.status,
        }
      : undefined
    return info
  }

  /** The campaign's voting rule, cached like entries. */
  campaign(id: Id): Promise<CampaignVoting | undefined> {
    return cachedLookup(this.campaigns, String(id), () => this.loadCampaign(id))
  }

  private async loadCampaign(id: Id): Promise<CampaignVoting | undefined> {
    const doc = (await this.payload.findByID({
      collection: this.options.campaigns,
      id,
      depth: 0,
      disableErrors: true,
    })) as unknown as {
      id: Id
      slug: string
      title: string
      phases?: { kind: string; startsAt: string; endsAt: string }[]
      voting?: {
        perEntryPerDay?: number | null
        dailyCap?: number | null
        allowAnonymous?: boolean | null
        anonymousDailyCap?: number | null
        display?: TallyDisplay | null
        roundTo?: number | null
        delayMinutes?: number | null
      }
      _status?: string
    } | null
    const voting: CampaignVoting | undefined =
      doc && doc._status !== 'draft'
        ? {
            id: doc.id,
            slug: doc.slug,
            title: doc.title,
            windows: (doc.phases ?? [])
              .filter((p) => p.kind === this.options.votingPhase)
              .map((p) => ({ startsAt: Date.parse(p.startsAt), endsAt: Date.parse(p.endsAt) }))
              .sort((a, b) => a.startsAt - b.startsAt),
            perEntryPerDay: doc.voting?.perEntryPerDay || 1,
            dailyCap: doc.voting?.dailyCap ?? 0,
            anonymous: {
              enabled: Boolean(doc.voting?.allowAnonymous),
              dailyCap: doc.voting?.anonymousDailyCap ?? 3,
            },
            display: doc.voting?.display ?? 'exact',
            roundTo: doc.voting?.roundTo ?? 10,
            delayMinutes: doc.voting?.delayMinutes ?? 60,
          }
        : undefined
    return voting
  }

  /** The campaign named in a leaderboard or report URL, cached like entries (one lookup a second per board otherwise). */
  campaignBySlug(slug: string): Promise<CampaignVoting | undefined> {
    if (slug === '' || slug.length > MAX_SLUG_LENGTH) {
      return Promise.resolve(undefined)
    }
    return cachedLookup(this.slugs, slug, async () => {
      const { docs } = await this.payload.find({
        collection: this.options.campaigns,
        where: { slug: { equals: slug } },
        depth: 0,
        limit: 1,
        pagination: false,
        select: { slug: true } as never,
      })
      const found = docs[0] as unknown as { id: Id } | undefined
      return found ? this.campaign(found.id) : undefined
    })
  }
}
