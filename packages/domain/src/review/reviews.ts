import type { EntryState } from '../entryStates'
import type { Label } from '../label'

/** Where one reviewer's work on one entry stands. */
export const REVIEW_STATUS_LABELS = {
  assigned: { zh: '待评', en: 'To review' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  declined: { zh: '已拒评', en: 'Declined' },
  conflicted: { zh: '已回避', en: 'Conflict declared' },
} as const satisfies Record<string, Label>

export type ReviewStatus = keyof typeof REVIEW_STATUS_LABELS

export const REVIEW_STATUSES = Object.keys(REVIEW_STATUS_LABELS) as ReviewStatus[]

/** Rows that still hold the reviewer to the entry (and let them read it). */
export const ACTIVE_REVIEW_STATUSES: readonly ReviewStatus[] = ['assigned', 'draft', 'submitted']

/** Rows the reviewer may still change. */
export const OPEN_REVIEW_STATUSES: readonly ReviewStatus[] = ['assigned', 'draft']

export const RECOMMENDATION_LABELS = {
  recommend: { zh: '推荐', en: 'Recommend' },
  neutral: { zh: '中立', en: 'Neutral' },
  against: { zh: '不推荐', en: 'Do not recommend' },
} as const satisfies Record<string, Label>

export type Recommendation = keyof typeof RECOMMENDATION_LABELS

export const ASSIGNMENT_METHOD_LABELS = {
  manual: { zh: '手动分配', en: 'Manual' },
  bulk: { zh: '批量分配', en: 'Bulk' },
  auto: { zh: '自动分配', en: 'Automatic' },
} as const satisfies Record<string, Label>

export type AssignmentMethod = keyof typeof ASSIGNMENT_METHOD_LABELS

/** Whether a campaign's reviewers see who made an entry. */
export const BLIND_MODE_LABELS = {
  blind: { zh: '盲评（隐去作者与单位）', en: 'Blind to reviewers' },
  open: { zh: '公开评审', en: 'Open' },
} as const satisfies Record<string, Label>

export type BlindMode = keyof typeof BLIND_MODE_LABELS

/** Entries an editor may give reviewers: on display, in voting, or already in review. */
export const ASSIGNABLE_ENTRY_STATES: readonly EntryState[] = ['accepted', 'voting', 'review']

/** Entries a reviewer may score: only once the editor has moved them into expert review. */
export const REVIEWABLE_ENTRY_STATES: readonly EntryState[] = ['review']

/** Reminders go out this many hours before the review is due, each once. */
export const REVIEW_REMINDER_HOURS = [72, 24] as const

/** Reviewers per entry when a campaign names none. */
export const DEFAULT_REVIEWERS_PER_ENTRY = 3

/** The longest comment a reviewer writes. */
export const REVIEW_COMMENT_MAX = 2_000

/**
 * The reminder due at `now` for a task due at `dueAt`, if any: the tightest
 * window already entered that was not sent yet (a reminder missed while the
 * CMS was down is sent late, once, rather than two at a time).
 */
export function reminderDue(
  dueAt: Date,
  now: Date,
  sent: readonly number[],
): (typeof REVIEW_REMINDER_HOURS)[number] | null {
  const hoursLeft = (dueAt.getTime() - now.getTime()) / 3_600_000
  if (hoursLeft <= 0) {
    return null
  }
  const entered = REVIEW_REMINDER_HOURS.filter((h) => hoursLeft <= h)
  const tightest = entered.at(-1)
  if (tightest === undefined || sent.includes(tightest)) {
    return null
  }
  return tightest
}
