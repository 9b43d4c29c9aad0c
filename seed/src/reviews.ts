import {
  autoAssign,
  campaignForReview,
  reviewOptionsOf,
  saveDraft,
  submitReview,
} from '@exemplar/plugin-review'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Random } from './random'
import type { CampaignDef } from './types'

type Id = number | string

export interface ReviewSeedInput {
  campaign: CampaignDef
  campaignId: Id
  /** Entries created in review this run, with how good the demo says they are (0–1). */
  entries: { id: Id; quality: number }[]
  reviewerIds: Id[]
  editorId: Id
  now: Date
  random: Random
}

export interface ReviewSeedResult {
  assigned: number
  submitted: number
  drafts: number
}

const COMMENTS = [
  '做法具体，数据翔实，建议在推广部分补充可复制的操作细节。',
  '选题贴近基层实际，成效表述清楚，个别数据缺少对比口径。',
  '结构完整，图文配合较好；创新点可以再提炼。',
  '实践基础扎实，示范意义较强。',
  '内容较为常规，亮点不够突出，建议补充量化成效。',
]

/**
 * How each demo reviewer scores, in points per criterion against the
 * entry's merit: some are harsh, some generous, one spreads wide — the
 * differences a per-reviewer normalization exists to take out.
 */
const REVIEWER_HABITS = [
  { bias: -1.2, spread: 1 },
  { bias: 0.8, spread: 1 },
  { bias: 0, spread: 1.6 },
  { bias: -0.4, spread: 0.8 },
  { bias: 1.4, spread: 0.9 },
  { bias: 0.2, spread: 1.2 },
]

async function userReq(payload: Payload, id: Id): Promise<PayloadRequest> {
  const user = await payload.findByID({ collection: 'users', id, depth: 0 })
  return createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
}

/** The campaign's pool, found by its name or made once: every demo reviewer, every track. */
async function ensurePool(payload: Payload, input: ReviewSeedInput): Promise<void> {
  const name = `${input.campaign.title} 评审专家库`
  const found = await payload.count({
    collection: 'review-pools',
    where: { and: [{ campaign: { equals: input.campaignId } }, { name: { equals: name } }] },
  })
  if (found.totalDocs === 0) {
    await payload.create({
      collection: 'review-pools',
      data: {
        name,
        campaign: input.campaignId as number,
        reviewers: input.reviewerIds as number[],
      },
      depth: 0,
    })
  }
}

/**
 * Expert review of one campaign's entries through the review plugin's own
 * code: its pool, the automatic assignment, and each expert's scores saved
 * and submitted as the workspace would. A review phase that has ended is
 * fully scored; one still running has some tasks done, some in draft and
 * some not started, for every reviewer.
 */
export async function seedReviews(
  payload: Payload,
  input: ReviewSeedInput,
): Promise<ReviewSeedResult> {
  const result: ReviewSeedResult = { assigned: 0, submitted: 0, drafts: 0 }
  if (input.entries.length === 0) {
    return result
  }
  const options = reviewOptionsOf(payload.config)
  await ensurePool(payload, input)
  const editorReq = await userReq(payload, input.editorId)
  const campaign = await campaignForReview(editorReq, options, input.campaignId)
  if (!campaign) {
    throw new Error(`campaign ${input.campaign.slug} is missing`)
  }
  const { added } = await autoAssign(editorReq, options, campaign, { seed: input.campaign.slug })
  result.assigned = added.length

  const phase = input.campaign.phases.find((p) => p.kind === 'review')
  const finished = phase !== undefined && new Date(phase.endsAt) <= input.now
  const quality = new Map(input.entries.map((e) => [String(e.id), e.quality]))
  for (const [index, reviewerId] of input.reviewerIds.entries()) {
    const habit = REVIEWER_HABITS[index % REVIEWER_HABITS.length]!
    const { docs: tasks } = await payload.find({
      collection: 'reviews',
      where: {
        and: [{ campaign: { equals: input.campaignId } }, { reviewer: { equals: reviewerId } }],
      },
      sort: 'id',
      depth: 0,
      pagination: false,
    })
    if (tasks.length === 0) {
      continue
    }
    const req = await userReq(payload, reviewerId)
    for (const [n, task] of tasks.entries()) {
      // While review runs, each reviewer has tasks not started (every third) and one in draft.
      const plan = finished ? 'submit' : n % 3 === 2 ? 'open' : n % 5 === 3 ? 'draft' : 'submit'
      if (plan === 'open') {
        continue
      }
      const rubric = campaign.tracks.find((t) => t.key === task.track)?.rubric ?? []
      const merit = quality.get(String(task.entry)) ?? 0.6
      const scores = Object.fromEntries(
        rubric.map((c) => {
          const raw = merit * c.scaleMax + habit.bias + (input.random.next() * 2 - 1) * habit.spread
          return [c.key, Math.max(1, Math.min(c.scaleMax, Math.round(raw)))]
        }),
      )
      const body = {
        scores,
        comment: input.random.pick(COMMENTS),
        recommendation: merit >= 0.8 ? 'recommend' : merit >= 0.6 ? 'neutral' : 'against',
      }
      if (plan === 'draft') {
        await saveDraft(req, options, task.id, { scores: body.scores })
        result.drafts += 1
      } else {
        await submitReview(req, options, task.id, body)
        result.submitted += 1
      }
    }
  }
  if (finished && phase) {
    // Scored when that edition's review ran, not on the day the demo was made.
    const end = new Date(phase.endsAt).getTime()
    const start = new Date(phase.startsAt).getTime()
    await payload.update({
      collection: 'reviews',
      where: {
        and: [{ campaign: { equals: input.campaignId } }, { status: { equals: 'submitted' } }],
      },
      data: { submittedAt: new Date(start + (end - start) * 0.8).toISOString() },
      depth: 0,
    })
  }
  return result
}
