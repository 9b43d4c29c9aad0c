import {
  campaignEntriesTag,
  campaignTag,
  resultsTag,
  LIVE_TALLY_MAX_AGE_S,
  secondsUntilNextBoundary,
  WARM_PAGE_MAX_AGE_S,
} from '@exemplar/domain'

import { isVotingOpen, type CampaignPhases } from './voting'

/** Astro's per-request cache (`Astro.cache`): only the part a page uses. */
interface PageCache {
  set(options: { maxAge?: number; tags?: string[] }): void
}

export interface WarmScope {
  /** What the page shows: entry:…, gallery, home (from @exemplar/domain's freshness tags). */
  tags: string[]
  /** The campaigns whose phases it shows: it is rendered again when one opens or closes. */
  campaigns?: readonly (CampaignPhases & { id: number | string })[]
  /** What else of those campaigns it shows: their entries as a list, their results. */
  shows?: readonly ('entries' | 'results')[]
  /** It shows a live tally of a vote that is open: votes carry no tag, so it stays warm briefly. */
  tallies?: boolean
  /** At most this many seconds, whatever else holds (an order that follows the tallies). */
  maxAge?: number
}

const SHOWN = { entries: campaignEntriesTag, results: resultsTag } as const

/**
 * Keep a reading page warm (src/cache/provider.ts): until the CMS records a
 * change to a tag it carries, the next phase boundary of a campaign it
 * shows, or, while a vote it tallies is open, a few seconds.
 */
export function keepWarm(cache: PageCache, scope: WarmScope): void {
  const campaigns = scope.campaigns ?? []
  const live = scope.tallies === true && campaigns.some((c) => isVotingOpen(c))
  const cap = Math.min(scope.maxAge ?? WARM_PAGE_MAX_AGE_S, WARM_PAGE_MAX_AGE_S)
  const maxAge = live
    ? Math.min(LIVE_TALLY_MAX_AGE_S, cap)
    : secondsUntilNextBoundary(
        campaigns.flatMap((c) => c.phases ?? []),
        Date.now(),
        cap,
      )
  const tags = campaigns.flatMap((c) => [
    campaignTag(c.id),
    ...(scope.shows ?? []).map((what) => SHOWN[what](c.id)),
  ])
  cache.set({ maxAge, tags: [...scope.tags, ...tags] })
}
