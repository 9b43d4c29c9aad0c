import type { CollectionSlug, Payload, Where } from 'payload'

import type { Id } from './store/types'

/**
 * A limit on documents created within a sliding window, counted in the
 * database through Payload (so the same on SQLite and MongoDB, and the same
 * for every CMS process on one database): one-time codes per address, per
 * network and per channel; new anonymous voters per network.
 */
export interface WindowRule {
  /** Which documents count against this limit. */
  where: Where
  limit: number
  windowMs: number
  /** The Chinese message naming the limit. */
  error: string
}

export interface WindowRefusal {
  rule: WindowRule
  /** Seconds until the oldest counted document leaves the window. */
  retryAfter: number
}

const since = (rule: WindowRule, now: number) => new Date(now - rule.windowMs).toISOString()

async function countInWindow(
  payload: Payload,
  collection: CollectionSlug,
  rule: WindowRule,
  now: number,
  upTo?: Id,
): Promise<number> {
  const and: Where[] = [rule.where, { createdAt: { greater_than: since(rule, now) } }]
  if (upTo !== undefined) {
    and.push({ id: { less_than_equal: upTo } })
  }
  return (await payload.count({ collection, where: { and } })).totalDocs
}

async function retryAfter(
  payload: Payload,
  collection: CollectionSlug,
  rule: WindowRule,
  now: number,
): Promise<number> {
  const { docs } = await payload.find({
    collection,
    where: { and: [rule.where, { createdAt: { greater_than: since(rule, now) } }] },
    sort: 'createdAt',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { createdAt: true } as never,
  })
  const oldest = Date.parse((docs[0] as { createdAt?: string } | undefined)?.createdAt ?? '')
  const wait = Number.isNaN(oldest) ? rule.windowMs : oldest + rule.windowMs - now
  return Math.max(1, Math.ceil(wait / 1000))
}

/**
 * Before writing: the first rule whose window is already full, or `null`.
 * Only reads, so a client hammering a full limit costs no writes.
 */
export async function fullRule(
  payload: Payload,
  collection: CollectionSlug,
  rules: readonly WindowRule[],
  now = Date.now(),
): Promise<WindowRefusal | null> {
  for (const rule of rules) {
    if ((await countInWindow(payload, collection, rule, now)) >= rule.limit) {
      return { rule, retryAfter: await retryAfter(payload, collection, rule, now) }
    }
  }
  return null
}

/**
 * After writing document `id`: the first rule it falls outside of, or `null`.
 * A document's rank is the number of counted documents up to and including
 * its own id, so of any number of racing requests (in one process or
 * several) exactly the first `limit` pass, and the check never refuses one
 * that fits. The caller removes a refused document.
 */
export async function exceededRule(
  payload: Payload,
  collection: CollectionSlug,
  rules: readonly WindowRule[],
  id: Id,
  now = Date.now(),
): Promise<WindowRefusal | null> {
  for (const rule of rules) {
    if ((await countInWindow(payload, collection, rule, now, id)) > rule.limit) {
      return { rule, retryAfter: await retryAfter(payload, collection, rule, now) }
    }
  }
  return null
}
