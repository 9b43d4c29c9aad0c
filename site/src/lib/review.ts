/**
 * The reviewer's workspace (/review, /review/<id>): the shapes the review
 * plugin's reviewer routes answer (plugins/review/API.md, "Reviewers") and
 * the pure decisions the pages make about them. No DOM here, so all of it is
 * unit-tested; the scripts in scripts/review only render what these return.
 */
import { weightedTotal, type RubricCriterion } from '@exemplar/domain'
import type { Problem } from '@exemplar/http'

export type { RubricCriterion }

/** Where one reviewer's work on one entry stands; the keys are the API's status values. */
export const REVIEW_STATUSES = ['assigned', 'draft', 'submitted', 'declined', 'conflicted'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const RECOMMENDATIONS = ['recommend', 'neutral', 'against'] as const
export type Recommendation = (typeof RECOMMENDATIONS)[number]

/** The longest comment the server keeps (its own limit; the textarea's maxlength says the same). */
export const COMMENT_MAX = 2000
/** The longest reason for a decline or a conflict. */
export const REASON_MAX = 1000
/** Due dates closer than this show the time left as well. */
export const DUE_SOON_HOURS = 72

export type Scores = Record<string, number | null | undefined>

/** One row of `GET /review/tasks`. */
export interface ReviewTaskSummary {
  id: number | string
  status: ReviewStatus
  entry: {
    id: number | string
    number?: string | null
    title?: string | null
    track?: string | null
    trackName?: string | null
  }
  campaign?: { id: number | string; title?: string | null } | null
  total?: number | null
  dueAt?: string | null
}

export interface ReviewProgress {
  assigned: number
  submitted: number
}

export interface ReviewTaskList {
  tasks: ReviewTaskSummary[]
  progress: ReviewProgress
}

/** The reviewer's own row as `GET/PUT /review/tasks/:id` and `…/submit` answer it. */
export interface ReviewTaskState {
  id: number | string
  status: ReviewStatus
  scores?: Record<string, number | null> | null
  total?: number | null
  comment?: string | null
  recommendation?: Recommendation | null
  dueAt?: string | null
}

export interface ReviewAttachment {
  index: number
  kind?: string | null
  mimeType?: string | null
  caption?: string | null
  /** Already the task's own file route, `/api/review/tasks/:id/files/:index`. */
  url: string
}

/** `GET /review/tasks/:id`: the task, the entry as pinned for review, and its rubric. */
export interface ReviewTaskDetail {
  task: ReviewTaskState
  entry: {
    number?: string | null
    title?: string | null
    track?: string | null
    trackName?: string | null
    abstract?: string | null
    sections?: { heading?: string | null; body?: string | null }[] | null
    attachments?: ReviewAttachment[] | null
  }
  rubric: RubricCriterion[]
  blind?: boolean
}

/** What the scoring form sends to save a draft or to submit. */
export interface ReviewBody {
  scores: Record<string, number>
  comment: string
  recommendation?: Recommendation
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0

/**
 * The task list from whatever the server answered: rows without an id or
 * entry are dropped rather than rendered as broken links, and a missing
 * progress is counted from the rows.
 */
export function readTaskList(data: unknown): ReviewTaskList {
  const rows = isRecord(data) && Array.isArray(data.tasks) ? data.tasks : []
  const tasks = rows.filter(
    (row): row is ReviewTaskSummary =>
      isRecord(row) &&
      (typeof row.id === 'number' || typeof row.id === 'string') &&
      isRecord(row.entry) &&
      typeof row.status === 'string',
  )
  const progress = isRecord(data) && isRecord(data.progress) ? data.progress : undefined
  return {
    tasks,
    progress: progress
      ? { assigned: count(progress.assigned), submitted: count(progress.submitted) }
      : {
          assigned: tasks.filter((t) => isActive(t.status)).length,
          submitted: tasks.filter((t) => t.status === 'submitted').length,
        },
  }
}

const isCriterion = (c: unknown): c is RubricCriterion =>
  isRecord(c) &&
  typeof c.key === 'string' &&
  c.key !== '' &&
  typeof c.weight === 'number' &&
  typeof c.scaleMax === 'number' &&
  c.scaleMax > 0

/**
 * One task from whatever the server answered, or undefined when it is not
 * one (a proxy's error page, a half-deployed CMS): the page then says so
 * instead of drawing a form that cannot be scored. Labels and descriptions
 * default to the key and nothing, since a criterion without them still scores.
 */
export function readTaskDetail(data: unknown): ReviewTaskDetail | undefined {
  if (!isRecord(data) || !isRecord(data.task) || !isRecord(data.entry)) {
    return undefined
  }
  const { task } = data
  if (
    (typeof task.id !== 'number' && typeof task.id !== 'string') ||
    typeof task.status !== 'string'
  ) {
    return undefined
  }
  const rubric = (Array.isArray(data.rubric) ? data.rubric : []).filter(isCriterion).map((c) => ({
    ...c,
    label: typeof c.label === 'string' && c.label.trim() ? c.label : c.key,
    description: typeof c.description === 'string' ? c.description : '',
  }))
  const entry = data.entry as ReviewTaskDetail['entry']
  return {
    task: task as unknown as ReviewTaskState,
    entry: {
      ...entry,
      sections: Array.isArray(entry.sections) ? entry.sections.filter(isRecord) : [],
      attachments: Array.isArray(entry.attachments)
        ? entry.attachments.filter(
            (a): a is ReviewAttachment => isRecord(a) && typeof a.url === 'string',
          )
        : [],
    },
    rubric,
    blind: data.blind === true,
  }
}

/** The reviewer may still change the scores: not yet submitted, declined or conflicted. */
export function isOpen(status: string): boolean {
  return status === 'assigned' || status === 'draft'
}

/** The task still holds the reviewer to the entry (and lets them read it). */
export function isActive(status: string): boolean {
  return isOpen(status) || status === 'submitted'
}

const STATUS_ORDER: Record<string, number> = {
  draft: 0,
  assigned: 0,
  submitted: 1,
  declined: 2,
  conflicted: 2,
}

/**
 * Work still to do first, soonest due first (no due date last), then what is
 * submitted, then what the reviewer left; the entry number breaks ties so the
 * order is stable between visits.
 */
export function sortTasks(tasks: readonly ReviewTaskSummary[]): ReviewTaskSummary[] {
  const due = (t: ReviewTaskSummary) => {
    const at = t.dueAt ? Date.parse(t.dueAt) : NaN
    return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at
  }
  return [...tasks].sort(
    (a, b) =>
      (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3) ||
      due(a) - due(b) ||
      String(a.entry.number ?? '').localeCompare(String(b.entry.number ?? '')),
  )
}

export type DueLeft = { unit: 'days' | 'hours'; n: number } | { unit: 'over' }

/**
 * The time left before a due date, when it is close enough to say: whole days
 * while a day or more remains (so 2 days 23 hours is "2 days", never a
 * promise of 3), hours under a day, rounded up so the last minutes still read
 * "1 hour"; nothing further out than DUE_SOON_HOURS.
 */
export function dueLeft(
  dueAt: string | null | undefined,
  now: Date,
  soonHours = DUE_SOON_HOURS,
): DueLeft | null {
  const at = dueAt ? Date.parse(dueAt) : NaN
  if (Number.isNaN(at)) {
    return null
  }
  const hours = (at - now.getTime()) / 3_600_000
  if (hours <= 0) {
    return { unit: 'over' }
  }
  if (hours > soonHours) {
    return null
  }
  return hours >= 24
    ? { unit: 'days', n: Math.floor(hours / 24) }
    : { unit: 'hours', n: Math.ceil(hours) }
}

/**
 * A score as typed: '' (not scored yet) and anything that is not a number
 * are null; a decimal comma, which some Chinese keyboards offer, reads as a
 * point.
 */
export function parseScore(raw: string | null | undefined): number | null {
  const text = (raw ?? '').trim().replace(/[,，]/, '.')
  if (text === '') {
    return null
  }
  const value = Number(text)
  return Number.isFinite(value) ? value : null
}

/**
 * The weighted total the form shows while the reviewer types,
 * Σwᵢ·(sᵢ/scaleMaxᵢ·100)/Σwᵢ rounded to 0.01: the domain's own function,
 * the one the server stores, so the number shown is the number submitted.
 * Null until every criterion has a score within its scale.
 */
export function liveTotal(rubric: readonly RubricCriterion[], scores: Scores): number | null {
  if (rubric.length === 0) {
    return null
  }
  const result = weightedTotal(rubric, scores)
  return result.ok ? result.total : null
}

/** 78.33 / 78.50 / 100.00: two decimals always, so totals line up; a dash for none. */
export function formatTotal(total: number | null | undefined): string {
  return typeof total === 'number' && Number.isFinite(total) ? total.toFixed(2) : '—'
}

export interface ScoreProblem {
  key: string
  label: string
  scaleMax: number
  problem: 'missing' | 'range'
}

/** Every criterion that stops a submit, in rubric order, so each input can say what is wrong. */
export function scoreProblems(rubric: readonly RubricCriterion[], scores: Scores): ScoreProblem[] {
  return rubric.flatMap((c): ScoreProblem[] => {
    const s = scores[c.key]
    const base = { key: c.key, label: c.label, scaleMax: c.scaleMax }
    if (typeof s !== 'number' || !Number.isFinite(s)) {
      return [{ ...base, problem: 'missing' }]
    }
    return s < 0 || s > c.scaleMax ? [{ ...base, problem: 'range' }] : []
  })
}

/**
 * The body of a save or a submit. A draft may be partial, so unscored
 * criteria are left out rather than sent as null; only the rubric's own
 * criteria are sent.
 */
export function reviewBody(
  rubric: readonly RubricCriterion[],
  scores: Scores,
  comment: string,
  recommendation: string | null | undefined,
): ReviewBody {
  const filled: Record<string, number> = {}
  for (const c of rubric) {
    const s = scores[c.key]
    if (typeof s === 'number' && Number.isFinite(s)) {
      filled[c.key] = s
    }
  }
  const chosen = RECOMMENDATIONS.find((r) => r === recommendation)
  return { scores: filled, comment: comment.trim(), ...(chosen ? { recommendation: chosen } : {}) }
}

/** The reason of a decline or a conflict, as the server will judge it. */
export function reasonProblem(reason: string): 'missing' | 'long' | null {
  const text = reason.trim()
  if (text === '') {
    return 'missing'
  }
  return text.length > REASON_MAX ? 'long' : null
}

/**
 * The server names a reason's error `reason`; the page has two reason
 * forms, so each form's problems are scoped to its own inputs
 * (`conflict.reason` → #field-conflict-reason).
 */
export function scopeProblems(problems: readonly Problem[], scope: string): Problem[] {
  return problems.map((p) => (p.field ? { ...p, field: `${scope}.${p.field}` } : p))
}

export type AttachmentView = 'image' | 'pdf' | 'video' | 'audio' | 'file'

const KIND_VIEWS: Record<string, AttachmentView> = {
  image: 'image',
  photo: 'image',
  pdf: 'pdf',
  video: 'video',
  mp4: 'video',
  audio: 'audio',
  mp3: 'audio',
  m4a: 'audio',
  wav: 'audio',
}

/**
 * How an attachment is shown inline: by its MIME type first (what the
 * browser will be given), by its kind when the type says nothing; anything
 * a browser cannot show (Word, PPT) is a download.
 */
export function attachmentView(
  attachment: Pick<ReviewAttachment, 'kind' | 'mimeType'>,
): AttachmentView {
  const mime = (attachment.mimeType ?? '').toLowerCase()
  if (mime.startsWith('image/')) {
    return 'image'
  }
  if (mime === 'application/pdf') {
    return 'pdf'
  }
  if (mime.startsWith('video/')) {
    return 'video'
  }
  if (mime.startsWith('audio/')) {
    return 'audio'
  }
  if (mime !== '' && mime !== 'application/octet-stream') {
    return 'file'
  }
  return KIND_VIEWS[(attachment.kind ?? '').toLowerCase()] ?? 'file'
}

/**
 * A task id as the route takes it: a positive integer (SQLite) or a 24-digit
 * hex ObjectId (MongoDB, the production engine); anything else is a 404
 * without asking the server.
 */
export function isTaskId(value: string | undefined): boolean {
  return /^(?:[1-9]\d{0,15}|[0-9a-f]{24})$/i.test(value ?? '')
}

/** The address of a task's page in the workspace. */
export function taskHref(reviewPath: string, id: number | string): string {
  return `${reviewPath.replace(/\/+$/, '')}/${encodeURIComponent(String(id))}`
}
