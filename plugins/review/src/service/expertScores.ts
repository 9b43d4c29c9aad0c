import { normalizeScores, type NormalizationMethod, type NormalizedEntry } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import { reviewOptionsOf } from '../options'
import { allDocs, campaignForReview, refId, type Id } from './lookups'

/**
 * A campaign's expert scores for whoever ranks its results: every entry's
 * mean normalized score by the campaign's frozen method, from submitted
 * reviews only. Normalization is per reviewer across the whole campaign.
 */
export async function campaignExpertScores(
  req: PayloadRequest,
  campaignId: Id,
): Promise<{ method: NormalizationMethod; entries: NormalizedEntry[] }> {
  const options = reviewOptionsOf(req.payload.config)
  const campaign = await campaignForReview(req, options, campaignId)
  const method = campaign?.normalization ?? 'none'
  const rows = await allDocs(
    req,
    options.slugs.reviews,
    { campaign: { equals: campaignId }, status: { equals: 'submitted' } },
    ['entry', 'reviewer', 'total'],
  )
  const normalized = normalizeScores(
    rows.map((r) => ({
      entryId: refId(r.entry)!,
      reviewerId: refId(r.reviewer)!,
      total: Number(r.total),
    })),
    method,
  )
  return { method, entries: normalized.entries }
}
