import { ACTIVE_REVIEW_STATUSES } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { notFound, Refusal } from './refusal'
import { refId, sameId, storedDoc, userIdOf, type Doc, type Id } from './lookups'

/** Answers a 403 for anyone who is not a reviewer (editors assign; they do not hold tasks). */
export function requireReviewer(req: PayloadRequest, options: ResolvedReviewOptions): Id {
  const id = userIdOf(req)
  if (id === undefined || !options.isReviewer(req.user)) {
    throw new Refusal(403, { code: 'forbidden', message: '只有评审专家有评审任务' })
  }
  return id
}

/**
 * The caller's own review row, or 404 — the same answer whether the row is
 * someone else's or does not exist, so ids tell nothing. `active` also
 * requires the reviewer still to hold the entry (not declined, not stepped back).
 */
export async function ownTask(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  id: Id,
  { active = true }: { active?: boolean } = {},
): Promise<Doc> {
  const me = requireReviewer(req, options)
  const row = await storedDoc(req, options.slugs.reviews, id)
  if (!row || !sameId(row.reviewer, me)) {
    throw notFound('评审任务', id)
  }
  if (active && !ACTIVE_REVIEW_STATUSES.includes(row.status as never)) {
    throw new Refusal(409, {
      code: 'taskClosed',
      message: '你已拒评或申报回避该作品，不能再查看或评分',
    })
  }
  return row
}

export const entryIdOfTask = (row: Doc): Id => refId(row.entry)!
