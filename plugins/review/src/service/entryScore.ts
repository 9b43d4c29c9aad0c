import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { allDocs, type Id } from './lookups'

/**
 * The entry's raw score summary from its submitted reviews, rewritten in the
 * caller's transaction whenever one is submitted or reopened. Normalized
 * scores are computed when asked (they depend on every review of each
 * reviewer), so nothing stored can go stale.
 */
export async function refreshEntryScore(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  entryId: Id,
): Promise<void> {
  const submitted = await allDocs(
    req,
    options.slugs.reviews,
    { entry: { equals: entryId }, status: { equals: 'submitted' } },
    ['total'],
  )
  const totals = submitted.map((r) => Number(r.total)).filter(Number.isFinite)
  const average =
    totals.length === 0
      ? null
      : Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100
  await req.payload.update({
    collection: options.entries,
    id: entryId,
    data: { [options.fields.reviewScore]: { average, reviews: totals.length } } as never,
    depth: 0,
    overrideAccess: true,
    context: { reviewAssignment: true },
    req,
  })
}
