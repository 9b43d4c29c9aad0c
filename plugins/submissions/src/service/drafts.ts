import { ENTRY_STATE_LABELS, labelOf } from '@exemplar/domain'

import { formatBeijing, submissionWindow } from '../lib/deadline'
import { entryShapeProblems } from '../lib/entryShape'
import { SubmissionError, refuse } from '../lib/errors'
import { idOf } from '../lib/ids'
import { retryUniqueClash } from '../lib/retryUniqueClash'
import { UNTITLED_DRAFT, isUntouchedDraft } from '../lib/untouchedDraft'
import { DELETABLE_STATES, EDITABLE_STATES, WITHDRAWABLE_STATES } from '../options'
import { screenContent } from '../screening'
import { deadlineProblem, entryProblems, refuseForeignFiles } from './checks'
import { confirmEntry } from './confirm'
import { campaignFor, ownEntry, requireParticipant, screeningWords, trackIn } from './lookups'
import type { Campaign, Doc, SubmissionsContext, SubmissionsOutput } from './types'

/** Fields the submitter writes; everything else (status, number, submitter, flags) is the server's. */
const WRITABLE_FIELDS = [
  'title',
  'abstract',
  'theme',
  'sections',
  'attachments',
  'authors',
  'province',
  'city',
  'channel',
  'recommendingUnit',
  'informationSource',
  'declarations',
] as const

const stateName = (s: unknown) => labelOf(ENTRY_STATE_LABELS, String(s))

function lockedMessage(status: unknown) {
  return `作品当前状态为“${stateName(status)}”，已进入审核流程，不能再修改（作品经审核后将无法修改）`
}

/** The submitter's fields of a request body, in the shape the entries collection stores. */
function pick(body: Record<string, unknown>): Record<string, unknown> {
  const problems = entryShapeProblems(body)
  if (problems.length > 0) {
    throw new SubmissionError(400, problems)
  }
  const data: Record<string, unknown> = {}
  for (const key of WRITABLE_FIELDS) {
    if (key in body) {
      data[key] = body[key]
    }
  }
  if (Array.isArray(data.attachments)) {
    data.attachments = (data.attachments as Record<string, unknown>[]).map((a) => ({
      file: idOf(a?.file) ?? null,
      caption: typeof a?.caption === 'string' ? a.caption : null,
    }))
  }
  return data
}

/**
 * The caller's latest draft in this campaign and track that holds nothing
 * they wrote (`isUntouchedDraft`), among their 20 drafts there changed last:
 * each visit to the form opens a draft, and an empty one is taken up again
 * instead of another. Found like `listMine` (the own-entries filter, with
 * overrideAccess); the answer is then read with the caller's access.
 */
async function untouchedDraftOf(
  s: SubmissionsContext,
  user: unknown,
  campaign: number | string,
  track: string,
): Promise<Doc | undefined> {
  const { docs } = await s.payload.find({
    collection: s.options.entries,
    where: {
      and: [
        { submittedBy: { equals: idOf(user) } },
        { campaign: { equals: campaign } },
        { track: { equals: track } },
        { status: { equals: 'draft' } },
      ],
    },
    depth: 0,
    limit: 20,
    sort: '-updatedAt',
    overrideAccess: true,
  })
  const defaults = fieldDefaults(s)
  return (docs as unknown as Doc[]).find((doc) => isUntouchedDraft(doc, defaults))
}

/** The entries collection's plain default values by field name (a draft starts with them). */
function fieldDefaults(s: SubmissionsContext): Record<string, unknown> {
  const fields = s.payload.collections[s.options.entries]?.config.flattenedFields ?? []
  const defaults: Record<string, unknown> = {}
  for (const field of fields) {
    if ('defaultValue' in field && typeof field.defaultValue !== 'function') {
      defaults[field.name] = field.defaultValue
    }
  }
  return defaults
}

/** A new draft, or the caller's untouched one in the same campaign and track (200, `resumed`). */
export async function createDraft(
  s: SubmissionsContext,
  user: unknown,
  body: Record<string, unknown>,
): Promise<SubmissionsOutput> {
  requireParticipant(user)
  const campaign = await campaignFor(s, user, body.campaign)
  const track = trackIn(campaign, body.track)
  const closed = deadlineProblem(s.options, campaign, 'draft')
  if (closed) {
    throw new SubmissionError(422, [closed])
  }
  const data = pick(body)
  await refuseForeignFiles(s, user, data)
  const untouched = await untouchedDraftOf(s, user, campaign.id, track.key)
  if (untouched) {
    const entry =
      Object.keys(data).length > 0
        ? await s.payload.update({
            collection: s.options.entries,
            id: untouched.id,
            data: data as never,
            depth: 0,
            overrideAccess: false,
            user,
          })
        : await ownEntry(s, user, String(untouched.id))
    return { status: 200, body: { entry, resumed: true } }
  }
  // The submitting institution is stamped by the host's entries hook from the account.
  const entry = await retryUniqueClash(s.payload, s.options.entries, () =>
    s.payload.create({
      collection: s.options.entries,
      data: {
        title: UNTITLED_DRAFT,
        ...data,
        campaign: campaign.id,
        track: track.key,
      } as never,
      depth: 0,
      overrideAccess: false,
      user,
    }),
  )
  return { status: 201, body: { entry } }
}

export async function getEntry(
  s: SubmissionsContext,
  user: unknown,
  id: string,
): Promise<SubmissionsOutput> {
  requireParticipant(user)
  // Depth 1: the form restores its uploaded files from the populated attachments.
  const entry = await ownEntry(s, user, id, 1)
  const campaign = await campaignFor(s, user, entry.campaign)
  const track = trackIn(campaign, entry.track)
  const window = submissionWindow(campaign.phases, s.options.submissionPhase)
  return {
    status: 200,
    body: {
      entry,
      rules: {
        track,
        requirements: track.requirements ?? {},
        closesAt: 'closesAt' in window ? window.closesAt.toISOString() : null,
        closesAtBeijing: 'closesAt' in window ? formatBeijing(window.closesAt) : null,
      },
    },
  }
}

export async function saveDraft(
  s: SubmissionsContext,
  user: unknown,
  id: string,
  body: Record<string, unknown>,
): Promise<SubmissionsOutput> {
  requireParticipant(user)
  const entry = await ownEntry(s, user, id)
  if (!EDITABLE_STATES.includes(String(entry.status))) {
    throw refuse(409, 'status', 'entry.locked', lockedMessage(entry.status))
  }
  const data = pick(body)
  await refuseForeignFiles(s, user, data)
  const updated = (await s.payload.update({
    collection: s.options.entries,
    id: entry.id,
    data: data as never,
    depth: 0,
    overrideAccess: false,
    user,
  })) as unknown as Doc
  const campaign = await campaignFor(s, user, updated.campaign)
  const problems = await entryProblems(s, updated, campaign, { complete: false, user })
  return { status: 200, body: { entry: updated, problems } }
}

/** Checks everything, then moves the entry into `submitted`; 422 leaves it as it was. */
async function submitChecked(
  s: SubmissionsContext,
  user: unknown,
  entry: Doc,
  campaign: Campaign,
  from: unknown,
): Promise<Doc> {
  const problems = await entryProblems(s, entry, campaign, { complete: true, user })
  const late = deadlineProblem(s.options, campaign, from)
  if (late) {
    problems.unshift(late)
  }
  if (problems.length > 0) {
    throw new SubmissionError(422, problems)
  }
  const flags = screenContent(
    entry as Parameters<typeof screenContent>[0],
    await screeningWords(s),
  ).map(({ kind, field, excerpt }) => ({ kind, field: field ?? null, excerpt }))
  // The status field is editor-only (field access), so the change is written
  // with overrideAccess — but only after the caller's ownership and the
  // entry's state were checked with their own access above. The rules were
  // checked just now, so the entries hook need not check them twice.
  return (await s.payload.update({
    collection: s.options.entries,
    id: entry.id,
    data: { status: 'submitted', screeningFlags: flags } as never,
    depth: 0,
    overrideAccess: true,
    user,
    context: {
      submissionsChecked: true,
      statusReason: from === 'returned' ? '修改后重新提交' : null,
    },
  })) as unknown as Doc
}

export async function submitEntry(
  s: SubmissionsContext,
  user: unknown,
  id: string,
): Promise<SubmissionsOutput> {
  requireParticipant(user)
  const entry = await ownEntry(s, user, id)
  if (!EDITABLE_STATES.includes(String(entry.status))) {
    throw refuse(
      409,
      'status',
      'entry.notSubmittable',
      entry.status === 'submitted' ? '作品已提交，无需重复提交' : lockedMessage(entry.status),
    )
  }
  const campaign = await campaignFor(s, user, entry.campaign)
  const submitted = await submitChecked(s, user, entry, campaign, entry.status)
  await confirmEntry(s, user, submitted, campaign)
  return {
    status: 200,
    body: { entry: summaryOf(submitted) },
  }
}

/** One step: everything is checked before anything is written; a failed write leaves nothing behind. */
export async function createAndSubmit(
  s: SubmissionsContext,
  user: unknown,
  body: Record<string, unknown>,
): Promise<SubmissionsOutput> {
  requireParticipant(user)
  const campaign = await campaignFor(s, user, body.campaign)
  const track = trackIn(campaign, body.track)
  const data = { ...pick(body), campaign: campaign.id, track: track.key }
  await refuseForeignFiles(s, user, data)
  const problems = await entryProblems(s, data, campaign, { complete: true, user })
  const late = deadlineProblem(s.options, campaign, 'draft')
  if (late) {
    problems.unshift(late)
  }
  if (problems.length > 0) {
    throw new SubmissionError(422, problems)
  }
  const draft = (await retryUniqueClash(s.payload, s.options.entries, () =>
    s.payload.create({
      collection: s.options.entries,
      data: data as never,
      depth: 0,
      overrideAccess: false,
      user,
    }),
  )) as unknown as Doc
  let submitted: Doc
  try {
    submitted = await submitChecked(s, user, draft, campaign, 'draft')
  } catch (err) {
    await s.payload.delete({
      collection: s.options.entries,
      id: draft.id,
      overrideAccess: true,
    })
    throw err
  }
  await confirmEntry(s, user, submitted, campaign)
  return {
    status: 201,
    body: { entry: summaryOf(submitted) },
  }
}

/** What a write answers about the entry it wrote. */
const summaryOf = (doc: Doc) => ({ id: doc.id, number: doc.number, status: doc.status })

/** The participant's own entry, refused (409, the state named) unless it is in one of `states`. */
async function ownEntryIn(
  s: SubmissionsContext,
  user: unknown,
  id: string,
  states: readonly string[],
  code: string,
  refusal: (state: string) => string,
): Promise<Doc> {
  requireParticipant(user)
  const entry = await ownEntry(s, user, id)
  if (!states.includes(String(entry.status))) {
    throw refuse(409, 'status', code, refusal(stateName(entry.status)))
  }
  return entry
}

export async function withdrawEntry(
  s: SubmissionsContext,
  user: unknown,
  id: string,
): Promise<SubmissionsOutput> {
  const entry = await ownEntryIn(
    s,
    user,
    id,
    WITHDRAWABLE_STATES,
    'entry.notWithdrawable',
    (state) => `作品当前状态为“${state}”，审核开始后不能撤回；如需撤回请联系组委会`,
  )
  // Ownership and state were checked with the caller's access; the status
  // field itself is editor-only, hence overrideAccess for this one write.
  // The history row (from, to, action, when, who) comes from the workflow plugin's hook.
  const updated = (await s.payload.update({
    collection: s.options.entries,
    id: entry.id,
    data: { status: 'withdrawn' } as never,
    depth: 0,
    overrideAccess: true,
    user,
    context: { statusReason: '提交人撤回' },
  })) as unknown as Doc
  return {
    status: 200,
    body: { entry: summaryOf(updated) },
  }
}

/**
 * The submitter deletes their own draft, never anything submitted (that is
 * withdrawn instead, and its history kept). Its uploads stay until the
 * sweep finds nothing refers to them (`sweepOrphanMedia`).
 */
export async function deleteDraft(
  s: SubmissionsContext,
  user: unknown,
  id: string,
): Promise<SubmissionsOutput> {
  const entry = await ownEntryIn(
    s,
    user,
    id,
    DELETABLE_STATES,
    'entry.notDeletable',
    (state) => `作品当前状态为“${state}”，只有草稿可以删除`,
  )
  // Entries are deleted by editors only (the access table); ownership and
  // state were checked with the caller's access above, so this one delete
  // overrides it.
  await s.payload.delete({
    collection: s.options.entries,
    id: entry.id,
    depth: 0,
    overrideAccess: true,
    user,
  })
  return { status: 200, body: { deleted: { id: entry.id } } }
}
