import { NORMALIZATION_LABELS, type NormalizationMethod, type Phase } from '@exemplar/domain'
import { keepMessage } from '@exemplar/http'
import { APIError, type CollectionBeforeChangeHook } from 'payload'

import type { ResolvedReviewOptions } from '../types'

type Doc = Record<string, unknown> & { id?: number | string }

const methodOf = (doc: Doc | undefined) =>
  ((doc?.review as { normalization?: string } | undefined)?.normalization ?? 'none') as string

/**
 * The normalization is chosen before review opens and then frozen: a method
 * changed after the first score would re-rank entries by a rule nobody
 * announced. Frozen once the campaign's review phase has started or any
 * review of it is submitted.
 */
export function freezeNormalization(options: ResolvedReviewOptions): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, operation, req }) => {
    if (operation !== 'update' || !originalDoc || data.review === undefined) {
      return data
    }
    const before = methodOf(originalDoc as Doc)
    const after = methodOf(data as Doc)
    if (before === after) {
      return data
    }
    const phases = ((originalDoc[options.fields.phases] ?? []) as Phase[]).filter(Boolean)
    const opens = phases.find((p) => p.kind === options.reviewPhaseKind)?.startsAt
    const opened = opens !== undefined && opens !== null && new Date(opens).getTime() <= Date.now()
    const { totalDocs } = await req.payload.count({
      collection: options.slugs.reviews,
      where: { campaign: { equals: originalDoc.id }, status: { equals: 'submitted' } },
      overrideAccess: true,
      req,
    })
    if (opened || totalDocs > 0) {
      throw keepMessage(
        new APIError(
          `评审${opened ? '阶段已开始' : '已有评分提交'}，分数标准化方法已冻结，不能再更改（现为“${NORMALIZATION_LABELS[before as NormalizationMethod]?.zh ?? before}”）`,
          409,
          undefined,
          true,
        ),
      )
    }
    return data
  }
}
