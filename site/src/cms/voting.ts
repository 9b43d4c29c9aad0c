/** The voting plugin's public reads: the leaderboard and the hourly series. */
import {
  leaderboardQuery,
  type Leaderboard,
  type LeaderboardParams,
  type VoteSeries,
} from '../lib/leaderboard'
import { cached, CACHE_TTL_MS } from './cache'
import { getEndpoint } from './client'

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
  const query = leaderboardQuery(slug, params)
  return cached(`leaderboard ${query.toString()}`, LEADERBOARD_TTL_MS, async () => {
    const res = await getEndpoint('/voting/leaderboard', query)
    return { data: (await res.json()) as Leaderboard, etag: res.headers.get('etag') ?? undefined }
  })
}

/** Hourly cumulative votes of the campaign's current top entries. */
export async function getVoteSeries(slug: string, top: number): Promise<VoteSeries[]> {
  const query = new URLSearchParams({ campaign: slug, top: String(top) })
  const result = await cached(`series ${query.toString()}`, CACHE_TTL_MS, async () => {
    const res = await getEndpoint('/voting/series', query)
    return (await res.json()) as { series?: VoteSeries[] }
  })
  return result.series ?? []
}
