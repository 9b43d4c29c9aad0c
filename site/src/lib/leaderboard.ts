/**
 * Leaderboards of the public vote (GET /api/voting/leaderboard and
 * /api/voting/series, plugins/voting/API.md): which ranking a page asks for,
 * the addresses for it, and the rows as the table shows them. One function
 * shapes the rows for the server's HTML and for the browser's live update, so
 * both always look the same. No I/O and no DOM here.
 */
import type { Campaign } from '@exemplar/cms/payload-types'
import { labelOf, PROVINCE_LABELS } from '@exemplar/domain'

import { formatNumber } from './format'
import { localePath, type Locale } from '../i18n'
import { tv, type VotingKey } from '../i18n/voting'

export const LEADERBOARD_BY = ['entry', 'organization', 'province'] as const
export type LeaderboardBy = (typeof LEADERBOARD_BY)[number]

/** Rows a page shows; the API allows up to 200. */
export const LEADERBOARD_LIMIT = 50
/** Entries drawn in the chart. */
export const SERIES_TOP = 5
/** How often an open leaderboard page asks whether the ranking changed. */
export const POLL_INTERVAL_MS = 5_000

/**
 * The chart counts votes by hour: it is redrawn this long after a ranking
 * change, once the site's cache of the series (10 s) has let the change through.
 */
export const CHART_REFRESH_MS = 12_000

export interface LeaderboardRow {
  rank: number
  key: string
  label: string
  votes: number
  number?: string | null
  entryId?: number | string
  organization?: string | null
  province?: string | null
}

export interface Leaderboard {
  campaign: { slug: string; title: string }
  by: LeaderboardBy
  display: 'exact' | 'rounded' | 'delayed'
  generatedAt: string
  rows: LeaderboardRow[]
}

export interface VoteSeries {
  entryId: number | string
  number?: string | null
  label: string
  /** Cumulative votes at the end of each hour that had votes, oldest first. */
  points: { t: string; votes: number }[]
}

export interface LeaderboardParams {
  by: LeaderboardBy
  track?: string
}

const BY_LABELS: Record<LeaderboardBy, VotingKey> = {
  entry: 'leaderboard.byEntry',
  organization: 'leaderboard.byOrganization',
  province: 'leaderboard.byProvince',
}

export function byLabel(by: LeaderboardBy, locale: Locale): string {
  return tv(locale, BY_LABELS[by])
}

export function isLeaderboardBy(value: unknown): value is LeaderboardBy {
  return LEADERBOARD_BY.includes(value as LeaderboardBy)
}

/**
 * ?by= and ?track= of a leaderboard page. An unknown ranking falls back to
 * entries and an unknown track is ignored, rather than showing an error or an
 * empty table for a mistyped link.
 */
export function leaderboardParams(
  search: URLSearchParams,
  campaign: Pick<Campaign, 'tracks'>,
): LeaderboardParams {
  const by = search.get('by')
  const track = search.get('track')
  const known = (campaign.tracks ?? []).some((t) => t.key === track)
  return {
    by: isLeaderboardBy(by) ? by : 'entry',
    ...(known && track ? { track } : {}),
  }
}

/** The API's query string, the same from the server and from the browser. */
export function leaderboardQuery(
  slug: string,
  params: LeaderboardParams,
  limit = LEADERBOARD_LIMIT,
): URLSearchParams {
  const query = new URLSearchParams({ campaign: slug, by: params.by })
  if (params.track) {
    query.set('track', params.track)
  }
  query.set('limit', String(limit))
  return query
}

/** The same-origin API address of a leaderboard (the site proxies /api/* to the CMS). */
export function leaderboardApiPath(slug: string, params: LeaderboardParams): string {
  return `/api/voting/leaderboard?${leaderboardQuery(slug, params).toString()}`
}

/** The address of a leaderboard page; the default ranking (entries) has no ?by=. */
export function leaderboardHref(locale: Locale, slug: string, params: LeaderboardParams): string {
  const path = localePath(locale, `/campaigns/${encodeURIComponent(slug)}/leaderboard`)
  const query = new URLSearchParams()
  if (params.by !== 'entry') {
    query.set('by', params.by)
  }
  if (params.track) {
    query.set('track', params.track)
  }
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

export interface Column {
  label: string
  numeric?: boolean
}

/** A table cell: the name is the row's header; numbers align right. */
export interface Cell {
  text: string
  href?: string
  rowHeader?: boolean
  numeric?: boolean
}

export interface RowView {
  key: string
  cells: Cell[]
}

export function leaderboardColumns(by: LeaderboardBy, locale: Locale): Column[] {
  const rank = { label: tv(locale, 'leaderboard.rank'), numeric: true }
  const votes = { label: tv(locale, 'leaderboard.votes'), numeric: true }
  if (by === 'entry') {
    return [
      rank,
      { label: tv(locale, 'leaderboard.entry') },
      { label: tv(locale, 'leaderboard.organization') },
      { label: tv(locale, 'leaderboard.province') },
      votes,
    ]
  }
  return [rank, { label: tv(locale, `leaderboard.${by}`) }, votes]
}

/** The rows of a leaderboard as cells, in the order of `leaderboardColumns`. */
export function leaderboardRows(
  board: Pick<Leaderboard, 'by' | 'rows'>,
  locale: Locale,
): RowView[] {
  return board.rows.map((row) => {
    const rank: Cell = { text: formatNumber(row.rank, locale), numeric: true }
    const votes: Cell = { text: formatNumber(row.votes, locale), numeric: true }
    if (board.by !== 'entry') {
      // A province board's rows are stored Chinese names; English pages name them in English.
      const text = board.by === 'province' ? labelOf(PROVINCE_LABELS, row.label, locale) : row.label
      return { key: row.key, cells: [rank, { text, rowHeader: true }, votes] }
    }
    const href = row.number
      ? localePath(locale, `/entries/${encodeURIComponent(row.number)}`)
      : undefined
    return {
      key: row.key,
      cells: [
        rank,
        { text: row.label, rowHeader: true, ...(href ? { href } : {}) },
        { text: row.organization ?? '' },
        { text: labelOf(PROVINCE_LABELS, row.province, locale) },
        votes,
      ],
    }
  })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/** A leaderboard answer in the expected shape; the live update ignores anything else. */
export function isLeaderboard(body: unknown): body is Leaderboard {
  return (
    isRecord(body) &&
    isLeaderboardBy(body.by) &&
    Array.isArray(body.rows) &&
    body.rows.every(
      (row) =>
        isRecord(row) &&
        typeof row.rank === 'number' &&
        typeof row.key === 'string' &&
        typeof row.label === 'string' &&
        typeof row.votes === 'number',
    )
  )
}

/**
 * The series counts vote records by hour, but a tally can also hold votes
 * that have no record here (carried over from an earlier system, or the
 * demo seed). Each line is lifted by that difference so that it ends at the
 * entry's tally on the board, and the chart agrees with the table.
 */
export function withBaseline(
  series: readonly VoteSeries[],
  rows: readonly LeaderboardRow[],
): VoteSeries[] {
  const tallies = new Map(rows.map((row) => [String(row.entryId ?? row.key), row.votes]))
  return series.map((line) => {
    const last = line.points.at(-1)?.votes ?? 0
    const tally = tallies.get(String(line.entryId))
    const baseline = tally === undefined ? 0 : Math.max(0, tally - last)
    return {
      ...line,
      points: line.points.map((p) => ({ t: p.t, votes: p.votes + baseline })),
    }
  })
}
