import { FRESHNESS_RETENTION_MS } from '@exemplar/domain'
import { answerRefusals, jsonResponse, Refusal } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { freshnessOptionsOf } from '../options'

/** More changes than this in one answer: the site drops every page instead of reading on. */
export const CHANGES_PAGE_MAX = 500

export interface PageChange {
  id: number | string
  /** When the change's transaction stamped it, ms since the epoch. */
  at: number
  tags: string[]
}

export interface ChangesAnswer {
  /** This CMS process's clock: the next poll's `since` is taken from it, not from the site's. */
  now: number
  changes: PageChange[]
  /** Every page may be stale: no `since`, one older than the changes kept, or too many changes. */
  reset: boolean
}

const SINCE = /^\d{1,15}$/

/**
 * `GET /api/freshness/changes?since=<ms>` → the page changes stamped at or
 * after `since`, oldest first. Public: a change names only the tags of the
 * public pages it shows on.
 */
export const changesHandler: PayloadHandler = (req) =>
  answerRefusals(async () => {
    const raw = new URLSearchParams(req.url?.split('?')[1] ?? '').get('since')
    const now = Date.now()
    const answer = (changes: PageChange[], reset: boolean) =>
      jsonResponse(200, { now, changes, reset } satisfies ChangesAnswer)
    if (raw === null || raw === '') {
      return answer([], true)
    }
    if (!SINCE.test(raw)) {
      throw new Refusal(400, {
        code: 'since',
        field: 'since',
        message: 'since 须为毫秒时间戳（至多 15 位数字）',
      })
    }
    const since = Number(raw)
    if (since < now - FRESHNESS_RETENTION_MS) {
      return answer([], true)
    }
    const { slug } = freshnessOptionsOf(req.payload.config)
    const found = await req.payload.find({
      collection: slug,
      where: { createdAt: { greater_than_equal: new Date(since).toISOString() } },
      sort: 'createdAt',
      limit: CHANGES_PAGE_MAX + 1,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    if (found.docs.length > CHANGES_PAGE_MAX) {
      return answer([], true)
    }
    const changes = found.docs.map((doc) => {
      const row = doc as unknown as { id: number | string; createdAt: string; tags: string }
      return { id: row.id, at: Date.parse(row.createdAt), tags: row.tags.split(' ') }
    })
    return answer(changes, false)
  })
