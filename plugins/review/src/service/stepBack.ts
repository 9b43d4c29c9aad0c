import { OPEN_REVIEW_STATUSES } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { changeEntryReviewers } from './entryReviewers'
import { type Id } from './lookups'
import { Refusal } from './refusal'
import { entryIdOfTask, ownTask } from './task'
import { inTransaction } from './transaction'

export const REASON_MAX = 1_000

export function reasonOf(value: unknown, what: string): string {
  const reason = typeof value === 'string' ? value.trim() : ''
  if (reason === '') {
    throw new Refusal(400, { field: 'reason', code: 'required', message: `请填写${what}的原因` })
  }
  if ([...reason].length > REASON_MAX) {
    throw new Refusal(400, {
      field: 'reason',
      code: 'tooLong',
      message: `${what}的原因最多 ${REASON_MAX} 字，现为 ${[...reason].length} 字`,
      limit: REASON_MAX,
    })
  }
  return reason
}

/**
 * A reviewer declines a task or declares a conflict on it: the row keeps the
 * reason, the reviewer leaves the entry's reviewers (so they read it no
 * more), and a conflict is recorded so no later run assigns the pair — one
 * transaction. Not after submitting: a submitted score is withdrawn only by
 * an editor reopening it.
 */
export async function stepBack(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  id: Id,
  kind: 'declined' | 'conflicted',
  body: Record<string, unknown>,
): Promise<{ id: Id; status: string }> {
  const row = await ownTask(req, options, id)
  if (!OPEN_REVIEW_STATUSES.includes(row.status as never)) {
    throw new Refusal(409, {
      code: 'submitted',
      message: '评分已提交，不能再拒评或申报回避；如有利益冲突请联系组委会',
    })
  }
  const reason = reasonOf(body.reason, kind === 'declined' ? '拒绝评审' : '申报回避')
  const entryId = entryIdOfTask(row)
  await inTransaction(req, async () => {
    await req.payload.update({
      collection: options.slugs.reviews,
      id: row.id,
      data: { status: kind, reason } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    await changeEntryReviewers(req, options, entryId, { remove: [row.reviewer as Id] })
    if (kind === 'conflicted') {
      await req.payload.create({
        collection: options.slugs.conflicts,
        data: { reviewer: row.reviewer, entry: entryId, reason } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
  })
  return { id: row.id, status: kind }
}
