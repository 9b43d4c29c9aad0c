import { OPEN_REVIEW_STATUSES } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { changeEntryReviewers } from './entryReviewers'
import { refreshEntryScore } from './entryScore'
import { refId, storedDoc, userIdOf, type Id } from './lookups'
import { notFound, Refusal } from './refusal'
import { reasonOf } from './stepBack'
import { inTransaction } from './transaction'

/** Answers a 403 for anyone but an editor. */
export function requireEditor(req: PayloadRequest, options: ResolvedReviewOptions): void {
  if (!options.isEditor(req.user)) {
    throw new Refusal(403, { code: 'forbidden', message: '只有组委会可以分配评审和查看评审进度' })
  }
}

/** A submitted review back to draft, so its reviewer may change it; the entry's summary drops it meanwhile. */
export async function reopenReview(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  id: Id,
  body: Record<string, unknown>,
): Promise<{ id: Id; status: string }> {
  requireEditor(req, options)
  const reason = reasonOf(body.reason, '重新开放评分')
  const row = await storedDoc(req, options.slugs.reviews, id)
  if (!row) {
    throw notFound('评审', id)
  }
  if (row.status !== 'submitted') {
    throw new Refusal(409, { code: 'notSubmitted', message: '只有已提交的评分可以重新开放' })
  }
  await inTransaction(req, async () => {
    await req.payload.update({
      collection: options.slugs.reviews,
      id,
      data: {
        status: 'draft',
        reopened: { by: userIdOf(req) ?? null, at: new Date().toISOString(), reason },
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await refreshEntryScore(req, options, refId(row.entry)!)
  })
  return { id, status: 'draft' }
}

/** Takes an unfinished task away: the row goes, and the reviewer leaves the entry. */
export async function unassignReview(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  id: Id,
): Promise<{ id: Id }> {
  requireEditor(req, options)
  const row = await storedDoc(req, options.slugs.reviews, id)
  if (!row) {
    throw notFound('评审', id)
  }
  if (!OPEN_REVIEW_STATUSES.includes(row.status as never)) {
    throw new Refusal(409, {
      code: 'notOpen',
      message: '只能撤销尚未提交的分配；已提交的评分请先重新开放',
    })
  }
  await inTransaction(req, async () => {
    await req.payload.delete({
      collection: options.slugs.reviews,
      id,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await changeEntryReviewers(req, options, refId(row.entry)!, {
      remove: [refId(row.reviewer)!],
    })
  })
  return { id }
}
