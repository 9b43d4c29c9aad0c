import {
  ACTIVE_REVIEW_STATUSES,
  ASSIGNABLE_ENTRY_STATES,
  DISAGREEMENT_LABELS,
  disagreementFlags,
  normalizeScores,
  type ReviewStatus,
  type SubmittedReview,
} from '@exemplar/domain'
import type { PayloadRequest } from 'payload'

import type { ResolvedReviewOptions } from '../types'
import { allDocs, refId, type CampaignReview, type Doc } from './lookups'

const count = (rows: Doc[], status: string) => rows.filter((r) => r.status === status).length

/** Who has done what, per reviewer and per track, for the editor. */
export async function reviewProgress(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
) {
  const { fields } = options
  const rows = await allDocs(req, options.slugs.reviews, { campaign: { equals: campaign.id } })
  const entries = await allDocs(
    req,
    options.entries,
    {
      [fields.campaign]: { equals: campaign.id },
      [fields.status]: { in: [...ASSIGNABLE_ENTRY_STATES] },
    },
    [fields.track],
  )
  const reviewerIds = [...new Set(rows.map((r) => String(refId(r.reviewer))))]
  const users =
    reviewerIds.length === 0
      ? []
      : await allDocs(req, options.users, { id: { in: reviewerIds } }, [fields.userName])
  const active = (r: Doc) => ACTIVE_REVIEW_STATUSES.includes(r.status as ReviewStatus)
  return {
    campaign: { id: campaign.id, title: campaign.title },
    dueAt: campaign.dueAt,
    reviewers: reviewerIds.map((id) => {
      const mine = rows.filter((r) => String(refId(r.reviewer)) === id)
      return {
        id: refId(users.find((u) => String(u.id) === id)?.id) ?? id,
        name: String(users.find((u) => String(u.id) === id)?.[fields.userName] ?? ''),
        assigned: mine.filter(active).length,
        submitted: count(mine, 'submitted'),
        declined: count(mine, 'declined'),
        conflicted: count(mine, 'conflicted'),
      }
    }),
    tracks: campaign.tracks.map((t) => {
      const mine = rows.filter((r) => r.track === t.key)
      return {
        track: t.key,
        name: t.name,
        entries: entries.filter((e) => e[fields.track] === t.key).length,
        assigned: mine.filter(active).length,
        submitted: count(mine, 'submitted'),
      }
    }),
  }
}

/**
 * The campaign's frozen normalization applied to every submitted review,
 * computed from the reviews each time (a z-score moves with every review its
 * reviewer submits), with the entries whose reviewers disagree flagged.
 */
export async function reviewScores(
  req: PayloadRequest,
  options: ResolvedReviewOptions,
  campaign: CampaignReview,
  track?: string,
) {
  const { fields } = options
  const rows = await allDocs(req, options.slugs.reviews, {
    campaign: { equals: campaign.id },
    status: { equals: 'submitted' },
  })
  // Normalization is per reviewer over all their reviews in the campaign, whatever the track asked.
  const submitted: SubmittedReview[] = rows.map((r) => ({
    entryId: refId(r.entry)!,
    reviewerId: refId(r.reviewer)!,
    total: Number(r.total),
  }))
  const normalized = normalizeScores(submitted, campaign.normalization)
  const flags = disagreementFlags(submitted)
  const ids = normalized.entries.map((e) => String(e.entryId))
  const entries =
    ids.length === 0
      ? []
      : await allDocs(req, options.entries, { id: { in: ids } }, [
          fields.number,
          fields.title,
          fields.track,
        ])
  const out = normalized.entries
    .map((e) => {
      const doc = entries.find((d) => String(d.id) === String(e.entryId))
      const flag = flags.find((f) => String(f.entryId) === String(e.entryId))
      return {
        entryId: e.entryId,
        number: String(doc?.[fields.number] ?? ''),
        title: String(doc?.[fields.title] ?? ''),
        track: String(doc?.[fields.track] ?? ''),
        mean: Math.round(e.mean * 100) / 100,
        rawMean: Math.round(e.rawMean * 100) / 100,
        reviews: e.reviews,
        flags: (flag?.reasons ?? []).map((reason) => ({
          reason,
          message: DISAGREEMENT_LABELS[reason].zh,
        })),
      }
    })
    .filter((e) => track === undefined || e.track === track)
    .sort((a, b) => b.mean - a.mean || a.number.localeCompare(b.number))
  return { method: campaign.normalization, entries: out }
}
