import { ACTIVE_REVIEW_STATUSES, type ReviewStatus, type RubricCriterion } from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { entryForReviewer, pinnedContent, type TaskEntry } from './blindEntry'
import { allDocs, campaignForReview, refId, trackOf, type Doc, type Id } from './lookups'
import { notFound } from './refusal'
import { entryIdOfTask, ownTask, requireReviewer } from './task'

export interface TaskView {
  id: Id
  status: string
  scores: Record<string, number>
  total: number | null
  comment: string
  recommendation: string | null
  submittedAt: string | null
  dueAt: string | null
}

export const taskView = (row: Doc, dueAt: string | null): TaskView => ({
  id: row.id,
  status: String(row.status),
  scores: (row.scores && typeof row.scores === 'object' ? row.scores : {}) as Record<
    string,
    number
  >,
  total: typeof row.total === 'number' ? row.total : null,
  comment: typeof row.comment === 'string' ? row.comment : '',
  recommendation: typeof row.recommendation === 'string' ? row.recommendation : null,
  submittedAt: typeof row.submittedAt === 'string' ? row.submittedAt : null,
  dueAt,
})

/**
 * The caller's tasks, newest campaign first, with only what is theirs: no
 * other reviewer's status, score or count appears anywhere.
 */
export async function listTasks(req: PayloadRequest, options: ResolvedReviewOptions) {
  const me = requireReviewer(req, options)
  const rows = await allDocs(req, options.slugs.reviews, { reviewer: { equals: me } })
  const entryIds = [...new Set(rows.map((r) => String(refId(r.entry))))]
  const { fields } = options
  const entries =
    entryIds.length === 0
      ? []
      : await allDocs(req, options.entries, { id: { in: entryIds } }, [
          fields.number,
          fields.title,
          fields.track,
        ])
  const campaigns = new Map<string, Awaited<ReturnType<typeof campaignForReview>>>()
  for (const row of rows) {
    const key = String(refId(row.campaign))
    if (!campaigns.has(key)) {
      campaigns.set(key, await campaignForReview(req, options, row.campaign))
    }
  }
  const tasks = rows.map((row) => {
    const entry = entries.find((e) => String(e.id) === String(refId(row.entry)))
    const campaign = campaigns.get(String(refId(row.campaign))) ?? null
    const track = String(entry?.[fields.track] ?? row.track ?? '')
    return {
      ...taskView(row, campaign?.dueAt ?? null),
      entry: {
        id: refId(row.entry),
        number: String(entry?.[fields.number] ?? ''),
        title: String(entry?.[fields.title] ?? ''),
        track,
        trackName: (campaign && trackOf(campaign, track)?.name) || track,
      },
      campaign: campaign ? { id: campaign.id, title: campaign.title } : null,
    }
  })
  const active = tasks.filter((t) => ACTIVE_REVIEW_STATUSES.includes(t.status as ReviewStatus))
  return {
    tasks,
    progress: {
      assigned: active.length,
      submitted: active.filter((t) => t.status === 'submitted').length,
    },
  }
}

/** One task with the blind entry, read from its pinned version, and the track's rubric. */
export async function readTask(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  id: Id,
): Promise<{ task: TaskView; entry: TaskEntry; rubric: RubricCriterion[]; blind: boolean }> {
  const row = await ownTask(req, options, id)
  const campaign = await campaignForReview(req, options, row.campaign)
  const content = await pinnedContent(req, options, entryIdOfTask(row))
  if (!campaign || !content) {
    throw notFound('评审任务', id)
  }
  const entry = await entryForReviewer(req, options, campaign, content, row.id)
  return {
    task: taskView(row, campaign.dueAt),
    entry,
    rubric: trackOf(campaign, entry.track)?.rubric ?? [],
    blind: campaign.blind,
  }
}
