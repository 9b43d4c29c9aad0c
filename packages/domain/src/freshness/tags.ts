import { toMs, type Instant } from '../time'

/**
 * What a reading page shows, named so that a change in the CMS finds every
 * page showing it: the CMS records a change's tags in the same transaction
 * as the change, and every site process drops the pages carrying one of
 * them (the page cache in site/src/cache).
 */
export const GALLERY_TAG = 'gallery'
/** The home page: what is open now and the year's numbers. */
export const HOME_TAG = 'home'
export const SHOWCASES_TAG = 'showcases'

type Id = number | string

export const entryTag = (id: Id): string => `entry:${String(id)}`
/** The campaign itself: its title, phases, terms, themes and news (every page that names it). */
export const campaignTag = (id: Id): string => `campaign:${String(id)}`
/** The campaign's entries as a list: its page, listings, themes, leaderboard. */
export const campaignEntriesTag = (id: Id): string => `entries:${String(id)}`
/** The campaign's frozen results and certificates: its results page. */
export const resultsTag = (id: Id): string => `results:${String(id)}`
export const showcaseTag = (id: Id): string => `showcase:${String(id)}`
export const certificateTag = (number: string): string => `certificate:${number}`

/** A tag is short and plain: it travels in query results and headers. */
export const PAGE_TAG_PATTERN = /^[a-z]{1,24}(:[A-Za-z0-9_-]{1,64})?$/

/** How often a site process asks the CMS what changed: the "fresh within 5 s" budget's largest part. */
export const FRESHNESS_POLL_MS = 1_000
/**
 * Each poll reaches this far back before the last answer's time, so a change
 * committed late, or stamped by a CMS process whose clock runs behind, is
 * still seen; changes already applied are known by id.
 */
export const FRESHNESS_OVERLAP_MS = 10_000
/** How long the CMS keeps a change; a site process that missed more than this drops every page. */
export const FRESHNESS_RETENTION_MS = 15 * 60_000

/** A warm page is rendered again at least this often, whatever its tags say. */
export const WARM_PAGE_MAX_AGE_S = 3_600
/** A page showing a live tally (voting open) is rendered again this often; votes carry no tag. */
export const LIVE_TALLY_MAX_AGE_S = 10

/**
 * Seconds a page may stay warm given the phases it shows: until the next
 * phase start or end (a campaign opens or closes by the clock, not by an
 * edit), at least 1 and at most `cap`.
 */
export function secondsUntilNextBoundary(
  phases: readonly { startsAt?: Instant | null; endsAt?: Instant | null }[],
  instant: Instant = Date.now(),
  cap: number = WARM_PAGE_MAX_AGE_S,
): number {
  const now = toMs(instant)
  let next = now + cap * 1000
  for (const phase of phases) {
    for (const edge of [phase.startsAt, phase.endsAt]) {
      if (edge === null || edge === undefined) {
        continue
      }
      const t = toMs(edge)
      if (Number.isFinite(t) && t > now && t < next) {
        next = t
      }
    }
  }
  return Math.max(1, Math.ceil((next - now) / 1000))
}
