import { FRESHNESS_RETENTION_MS, PAGE_TAG_PATTERN } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import { freshnessOptionsOf } from './options'

/** At most one prune per process per minute: it is housekeeping, and every process may do it. */
const PRUNE_EVERY_MS = 60_000
let prunedAt = 0

/**
 * Record that the pages carrying `tags` changed, in the request's own
 * transaction: the row commits with the change or not at all, so a site
 * that sees the row reads the changed data.
 */
export async function recordPageChange(
  req: PayloadRequest,
  tags: readonly string[],
): Promise<void> {
  const unique = [...new Set(tags)].filter((tag) => PAGE_TAG_PATTERN.test(tag))
  if (unique.length === 0) {
    return
  }
  const { slug } = freshnessOptionsOf(req.payload.config)
  await req.payload.create({
    collection: slug,
    data: { tags: unique.join(' ') } as never,
    req,
    overrideAccess: true,
    depth: 0,
  })
  const now = Date.now()
  if (now - prunedAt >= PRUNE_EVERY_MS) {
    prunedAt = now
    await req.payload.delete({
      collection: slug,
      where: { createdAt: { less_than: new Date(now - FRESHNESS_RETENTION_MS).toISOString() } },
      req,
      overrideAccess: true,
      depth: 0,
    })
  }
}
