/**
 * All CMS I/O of the site. The CMS is the only process that opens the
 * database; the site reads its REST API anonymously, so access control on the
 * CMS decides what is public (published campaigns and posts, entries on
 * display). Never forward a reader's cookies or tokens from here.
 */
import type { Campaign, Entry, Post, Theme } from '@exemplar/cms/payload-types'

import { PUBLIC_ENTRY_STATES } from './labels'
import {
  leaderboardQuery,
  type Leaderboard,
  type LeaderboardParams,
  type VoteSeries,
} from './leaderboard'

export const cmsUrl = (): string =>
  (process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/$/, '')

/** A document that does not exist or is not public; pages answer 404. */
export class NotFound extends Error {
  constructor(what: string) {
    super(`Not found: ${what}`)
    this.name = 'NotFound'
  }
}

/** The CMS did not answer, or answered with an error; pages answer 503. */
export class CmsUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'CmsUnavailable'
  }
}

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

type QueryValue = string | number | boolean | readonly (string | number)[] | QueryObject | undefined
interface QueryObject {
  [key: string]: QueryValue
}

/**
 * Payload parses query strings with `qs`, so nested objects become bracket
 * keys: { where: { slug: { equals: 'x' } } } → where[slug][equals]=x. Arrays
 * are sent comma-separated, which Payload splits for `in` on every adapter.
 */
export function toSearchParams(query: QueryObject): URLSearchParams {
  const params = new URLSearchParams()
  const walk = (prefix: string, value: QueryValue) => {
    if (value === undefined) {
      return
    }
    if (Array.isArray(value)) {
      params.append(prefix, value.join(','))
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as QueryObject)) {
        walk(prefix ? `${prefix}[${key}]` : key, inner)
      }
    } else {
      params.append(prefix, String(value))
    }
  }
  walk('', query)
  return params
}

// A page view makes a handful of identical reads; ten seconds of reuse makes
// it cheap without showing stale phases for long (the HTTP cache adds 30 s).
const CACHE_TTL_MS = 10_000
const CACHE_MAX = 500
const cache = new Map<string, { expires: number; value: Promise<unknown> }>()

/** Forget cached reads (tests, or after a write the site itself made). */
export function clearCache(): void {
  cache.clear()
}

async function fetchFromCms(path: string): Promise<Response> {
  let res: Response
  try {
    res = await fetch(`${cmsUrl()}${path}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    })
  } catch (error) {
    throw new CmsUnavailable(`CMS unreachable at ${cmsUrl()}: ${String(error)}`)
  }
  if (res.status === 404) {
    throw new NotFound(path)
  }
  if (!res.ok) {
    throw new CmsUnavailable(`CMS answered ${res.status} for ${path}`, res.status)
  }
  return res
}

async function fetchJson<T>(path: string): Promise<T> {
  return (await (await fetchFromCms(path)).json()) as T
}

/** A read shared by identical requests for `ttlMs`; a failure is never reused. */
function cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now()
  const hit = cache.get(key)
  if (hit && hit.expires > now) {
    return hit.value as Promise<T>
  }
  const value = load()
  if (cache.size >= CACHE_MAX) {
    for (const [k, entry] of cache) {
      if (entry.expires <= now || cache.size >= CACHE_MAX) {
        cache.delete(k)
      }
    }
  }
  cache.set(key, { expires: now + ttlMs, value })
  // A failed read must not be served from the cache.
  value.catch(() => cache.delete(key))
  return value
}

async function get<T>(collection: string, query: QueryObject): Promise<T> {
  const path = `/api/${collection}?${toSearchParams(query).toString()}`
  return cached(path, CACHE_TTL_MS, () => fetchJson<T>(path))
}

async function findOne<T>(collection: string, query: QueryObject, what: string): Promise<T> {
  const result = await get<Paginated<T>>(collection, { ...query, limit: 1 })
  const doc = result.docs[0]
  if (!doc) {
    throw new NotFound(what)
  }
  return doc
}

export async function listCampaigns(): Promise<Campaign[]> {
  const result = await get<Paginated<Campaign>>('campaigns', {
    depth: 0,
    limit: 100,
    sort: '-year',
  })
  return result.docs
}

export function getCampaignBySlug(slug: string): Promise<Campaign> {
  return findOne<Campaign>(
    'campaigns',
    { where: { slug: { equals: slug } }, depth: 0 },
    `campaign ${slug}`,
  )
}

export async function listThemes(campaignId: number): Promise<Theme[]> {
  const result = await get<Paginated<Theme>>('themes', {
    where: { campaign: { equals: campaignId } },
    depth: 0,
    limit: 100,
    sort: 'order',
  })
  return result.docs
}

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
}

export interface EntryQuery {
  campaign: number
  /** Entries of any of these themes (a theme and its sub-themes). */
  themes?: readonly number[]
  track?: string
  page?: number
  limit?: number
}

export function listEntries(query: EntryQuery): Promise<Paginated<Entry>> {
  return get<Paginated<Entry>>('entries', {
    where: {
      campaign: { equals: query.campaign },
      // Access control already filters anonymous reads; saying it here keeps the page honest.
      status: { in: PUBLIC_ENTRY_STATES },
      track: query.track ? { equals: query.track } : undefined,
      theme: query.themes?.length ? { in: query.themes } : undefined,
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
  })
}

export function getEntryByNumber(number: string): Promise<Entry> {
  return findOne<Entry>(
    'entries',
    {
      where: { number: { equals: number }, status: { in: PUBLIC_ENTRY_STATES } },
      depth: 1,
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
    },
    `entry ${number}`,
  )
}

export async function listPosts(campaignId: number, limit = 5): Promise<Post[]> {
  const result = await get<Paginated<Post>>('posts', {
    where: { campaign: { equals: campaignId } },
    select: { title: true, slug: true, publishedAt: true, excerpt: true },
    depth: 0,
    limit,
    sort: '-publishedAt',
  })
  return result.docs
}

export function getPostBySlug(slug: string): Promise<Post> {
  return findOne<Post>(
    'posts',
    {
      where: { slug: { equals: slug } },
      depth: 1,
      populate: { campaigns: { title: true, slug: true } },
    },
    `post ${slug}`,
  )
}

/** A populated relationship, or undefined when only its id came back. */
export function populated<T extends { id: number }>(
  value: number | T | null | undefined,
): T | undefined {
  return value !== null && typeof value === 'object' ? value : undefined
}

/** The id of a relationship, populated or not. */
export function relationId(value: number | { id: number } | null | undefined): number | undefined {
  if (value === null || value === undefined) {
    return undefined
  }
  return typeof value === 'object' ? value.id : value
}

/** The CMS keeps a leaderboard for about two seconds (`max-age=2`); so does the site. */
const LEADERBOARD_TTL_MS = 2_000

export interface Tagged<T> {
  data: T
  /** The CMS's ETag, so the page's live update starts from what it rendered. */
  etag?: string
}

export function getLeaderboard(
  slug: string,
  params: LeaderboardParams,
): Promise<Tagged<Leaderboard>> {
  const path = `/api/voting/leaderboard?${leaderboardQuery(slug, params).toString()}`
  return cached(path, LEADERBOARD_TTL_MS, async () => {
    const res = await fetchFromCms(path)
    return { data: (await res.json()) as Leaderboard, etag: res.headers.get('etag') ?? undefined }
  })
}

/** Hourly cumulative votes of the campaign's current top entries. */
export async function getVoteSeries(slug: string, top: number): Promise<VoteSeries[]> {
  const path = `/api/voting/series?${new URLSearchParams({ campaign: slug, top: String(top) }).toString()}`
  const result = await cached(path, CACHE_TTL_MS, () => fetchJson<{ series?: VoteSeries[] }>(path))
  return result.series ?? []
}

/**
 * A campaign's public pledge count, read fresh (a signer reloading the page
 * sees their signature counted); `undefined` when it cannot be read, so the
 * count never takes the campaign page down with it.
 */
export async function getPledgeCount(campaignId: number): Promise<number | undefined> {
  const path = `/api/participants/pledges/count?${new URLSearchParams({ campaign: String(campaignId) }).toString()}`
  try {
    const body = await fetchJson<{ count?: unknown }>(path)
    return typeof body.count === 'number' ? body.count : undefined
  } catch {
    return undefined
  }
}
