import {
  OPEN_REVIEW_STATUSES,
  RECOMMENDATION_LABELS,
  REVIEW_COMMENT_MAX,
  REVIEWABLE_ENTRY_STATES,
  weightedTotal,
  type RubricCriterion,
} from '@exemplar/domain'
import type { Problem } from '@exemplar/http'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { refreshEntryScore } from './entryScore'
import { campaignForReview, storedDoc, trackOf, type Doc, type Id } from './lookups'
import { notFound, Refusal } from './refusal'
import { entryIdOfTask, ownTask } from './task'
import { taskView, type TaskView } from './tasks'
import { inTransaction } from './transaction'

interface ScoreInput {
  scores: Record<string, number>
  comment: string | undefined
  recommendation: string | undefined
}

/** The body's scores, comment and recommendation, each checked against the rubric; partial scores pass. */
function readScoreInput(body: Record<string, unknown>, rubric: RubricCriterion[]): ScoreInput {
  const problems: Problem[] = []
  const scores: Record<string, number> = {}
  const given = body.scores ?? {}
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    problems.push({ field: 'scores', code: 'invalid', message: '评分须为“标准: 分数”的对象' })
  } else {
    for (const [key, value] of Object.entries(given)) {
      const criterion = rubric.find((c) => c.key === key)
      if (!criterion) {
        problems.push({
          field: `scores.${key.slice(0, 40)}`,
          code: 'unknown',
          message: `评分标准“${key.slice(0, 40)}”不在该类别的评审细则中`,
        })
        continue
      }
      if (value === null || value === '') {
        continue
      }
      const n = typeof value === 'number' ? value : Number.NaN
      if (!Number.isFinite(n) || n < 0 || n > criterion.scaleMax) {
        problems.push({
          field: `scores.${key}`,
          code: 'range',
          message: `“${criterion.label}”的得分须为 0 到 ${criterion.scaleMax} 之间的数`,
          limit: criterion.scaleMax,
        })
        continue
      }
      scores[key] = n
    }
  }
  const comment = body.comment
  if (comment !== undefined && typeof comment !== 'string') {
    problems.push({ field: 'comment', code: 'invalid', message: '评语须为文字' })
  } else if (typeof comment === 'string' && [...comment].length > REVIEW_COMMENT_MAX) {
    problems.push({
      field: 'comment',
      code: 'tooLong',
      message: `评语最多 ${REVIEW_COMMENT_MAX} 字，现为 ${[...comment].length} 字`,
      limit: REVIEW_COMMENT_MAX,
    })
  }
  const recommendation = body.recommendation
  if (
    recommendation !== undefined &&
    recommendation !== null &&
    (typeof recommendation !== 'string' || !Object.hasOwn(RECOMMENDATION_LABELS, recommendation))
  ) {
    problems.push({
      field: 'recommendation',
      code: 'invalid',
      message: '推荐意见须为“推荐”“中立”或“不推荐”',
    })
  }
  if (problems.length > 0) {
    throw new Refusal(400, problems)
  }
  return {
    scores,
    comment: typeof comment === 'string' ? comment : undefined,
    recommendation: typeof recommendation === 'string' ? recommendation : undefined,
  }
}

async function openTask(req: PayloadRequest, options: ResolvedReviewOptions, id: Id) {
  const row = await ownTask(req, options, id)
  if (!OPEN_REVIEW_STATUSES.includes(row.status as never)) {
    throw new Refusal(409, {
      code: 'submitted',
      message: '评分已提交；如需修改，请联系组委会重新开放',
    })
  }
  const campaign = await campaignForReview(req, options, row.campaign)
  if (!campaign) {
    throw notFound('评审任务', id)
  }
  const rubric = trackOf(campaign, row.track)?.rubric ?? []
  return { row, campaign, rubric }
}

async function writeTask(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  row: Doc,
  data: Record<string, unknown>,
): Promise<Doc> {
  return (await req.payload.update({
    collection: options.slugs.reviews,
    id: row.id,
    data: data as never,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as Doc
}

/** Saves what the reviewer has so far; scores may be partial. */
export async function saveDraft(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  id: Id,
  body: Record<string, unknown>,
): Promise<TaskView> {
  const { row, campaign, rubric } = await openTask(req, options, id)
  const input = readScoreInput(body, rubric)
  const saved = await writeTask(req, options, row, {
    status: 'draft',
    scores: { ...((row.scores as object | null) ?? {}), ...input.scores },
    ...(input.comment !== undefined ? { comment: input.comment } : {}),
    ...(input.recommendation !== undefined ? { recommendation: input.recommendation } : {}),
  })
  return taskView(saved, campaign.dueAt)
}

/**
 * Submits a review: every criterion scored within its scale, a
 * recommendation, the weighted total computed here (never taken from the
 * client), the entry's raw summary refreshed — one transaction.
 */
export async function submitReview(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  id: Id,
  body: Record<string, unknown>,
): Promise<TaskView> {
  const { row, campaign, rubric } = await openTask(req, options, id)
  const entry = await storedDoc(req, options.entries, entryIdOfTask(row))
  if (!REVIEWABLE_ENTRY_STATES.includes(entry?.[options.fields.status] as never)) {
    throw new Refusal(409, {
      code: 'notInReview',
      message: '该作品尚未进入专家评审阶段，可先保存草稿，评审开始后再提交',
    })
  }
  if (rubric.length === 0) {
    throw new Refusal(409, { code: 'noRubric', message: '该类别尚未设置评审细则，请联系组委会' })
  }
  const input = readScoreInput(body, rubric)
  const scores = { ...((row.scores as Record<string, number> | null) ?? {}), ...input.scores }
  const total = weightedTotal(rubric, scores)
  const recommendation = input.recommendation ?? (row.recommendation as string | undefined)
  const problems: Problem[] = []
  if (!total.ok) {
    problems.push({ field: `scores.${total.criterion}`, code: 'required', message: total.message })
  }
  if (!recommendation) {
    problems.push({ field: 'recommendation', code: 'required', message: '请选择推荐意见' })
  }
  if (!total.ok || problems.length > 0) {
    throw new Refusal(400, problems)
  }
  const saved = await inTransaction(req, async () => {
    const out = await writeTask(req, options, row, {
      status: 'submitted',
      scores,
      total: total.total,
      recommendation,
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      submittedAt: new Date().toISOString(),
    })
    await refreshEntryScore(req, options, entryIdOfTask(row))
    return out
  })
  return taskView(saved, campaign.dueAt)
}
