import { gzipSync } from 'node:zlib'

import { displayTally } from './lib/display'
import type { BoardGrouping } from './lib/params'
import type { CampaignVoting } from './lib/rules'
import { sha } from './respond'
import type { LeaderboardRow, SeriesPoint } from './store/types'

/** When a cached answer derived from votes was computed: what the service checks it against. */
export interface Stamp {
  /** The service's vote version when the computation started. */
  version: number
  /** The edit generation (lib/generation) when it started. */
  generation: number
  at: number
}

export interface CachedBoard extends Stamp {
  etag: string
  /** UTF-8 and gzip bodies, encoded once per board rather than once per read. */
  bytes: Buffer
  gzip: Buffer
  /** Response headers as flat name/value lists, built once per board for the fast path. */
  head: { plain: string[]; gzip: string[]; notModified: string[] }
}

/** A flat name/value header list as a record, for the Payload endpoint's Response. */
export function headerRecord(flat: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i + 1 < flat.length; i += 2) {
    out[flat[i]!] = flat[i + 1]!
  }
  return out
}

/** Equal counts share a rank (1, 2, 2, 4); counts as the campaign displays them. */
function ranked(rows: LeaderboardRow[], campaign: CampaignVoting) {
  let rank = 0
  let previous: number | undefined
  return rows.map((row, i) => {
    if (row.votes !== previous) {
      rank = i + 1
      previous = row.votes
    }
    return { rank, ...row, votes: displayTally(row.votes, campaign.display, campaign.roundTo) }
  })
}

/** A leaderboard encoded once: JSON and gzip bytes, its ETag and the headers of each answer. */
export function encodeBoard(
  campaign: CampaignVoting,
  by: BoardGrouping,
  rows: LeaderboardRow[],
  stamp: Stamp,
): CachedBoard {
  const content = {
    campaign: { slug: campaign.slug, title: campaign.title },
    by,
    display: campaign.display,
  }
  const list = ranked(rows, campaign)
  // The ETag covers what a reader sees, not when it was computed.
  const etag = `"${sha(JSON.stringify({ ...content, rows: list }))}"`
  const raw = JSON.stringify({ ...content, generatedAt: new Date().toISOString(), rows: list })
  const bytes = Buffer.from(raw, 'utf8')
  const gzip = gzipSync(raw)
  const notModified = [
    'etag',
    etag,
    'cache-control',
    'public, max-age=2',
    'vary',
    'Accept-Encoding',
  ]
  const json = ['content-type', 'application/json; charset=utf-8']
  return {
    ...stamp,
    etag,
    bytes,
    gzip,
    head: {
      notModified,
      plain: [...notModified, ...json, 'content-length', String(bytes.length)],
      gzip: [
        ...notModified,
        ...json,
        'content-encoding',
        'gzip',
        'content-length',
        String(gzip.length),
      ],
    },
  }
}

const HOUR_MS = 3_600_000

/**
 * Hourly points as cumulative lines per top entry, showing no more than the
 * board does: a delayed campaign's whole hours before the cut-off only, a
 * rounded campaign's counts rounded.
 */
export function shapeSeries(
  campaign: CampaignVoting,
  rows: LeaderboardRow[],
  points: SeriesPoint[],
  cutoff: number | undefined,
) {
  const shown = points.filter((p) => cutoff === undefined || Date.parse(p.hour) + HOUR_MS <= cutoff)
  return rows.map((row) => {
    let total = 0
    return {
      entryId: row.entryId,
      number: row.number,
      label: row.label,
      points: shown
        .filter((p) => String(p.entryId) === String(row.entryId))
        .map((p) => ({
          t: p.hour,
          votes: displayTally((total += p.votes), campaign.display, campaign.roundTo),
        })),
    }
  })
}
