import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ENTRY_STATE_LABELS, labelOf } from '@exemplar/domain'
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'
import sharp from 'sharp'

import { SCREENING_WORDS_SLUG } from './collections'
import { idOf, sameId } from './lib/ids'
import {
  FileRefused,
  MAX_INPUT_PIXELS,
  inspectFile,
  pictureWork,
  reencodeImage,
  safeFileName,
  type InspectedFile,
} from './inspect'
import { formatBeijing, submissionWindow, windowRefusal } from './lib/deadline'
import { entryShapeProblems } from './lib/entryShape'
import { SubmissionError, refuse } from './lib/errors'
import { retryUniqueClash } from './lib/retryUniqueClash'
import { allNotifiers, emailNotifier, smsNotifier, type Notifier } from './notify'
import { EDITABLE_STATES, WITHDRAWABLE_STATES } from './options'
import {
  checkContent,
  checkFile,
  formatBytes,
  kindFromMime,
  type AllowedFileKind,
  type EntryContent,
  type FileFacts,
  type FileKind,
  type RuleProblem,
  type TrackRequirements,
} from './rules'
import { DEFAULT_PROMOTION_WORDS, screenContent } from './screening'
import type { ResolvedSubmissionsOptions } from './types'
import { uploadQuota } from './uploads/quota'
import { mediaDirOf } from './uploads/sweep'

type Doc = Record<string, unknown> & { id: number | string }

/** Image sizes being made, after the uploads that asked for them were answered. */
const sizesMaking = new Set<Promise<void>>()

/** Resolves once every image size started so far is written (tests, shutdown). */
export async function imageSizesSettled(): Promise<void> {
  while (sizesMaking.size > 0) {
    await Promise.all(sizesMaking)
  }
}

interface Track {
  key: string
  name?: string
  kind?: string
  requirements?: TrackRequirements & { allowedFileKinds?: AllowedFileKind[] | null }
}

interface Campaign extends Doc {
  title?: string
  slug?: string
  tracks?: Track[] | null
  phases?: { kind?: string; startsAt?: string; endsAt?: string }[] | null
}

/** Facts the plugin records on a media document (`submissionFacts`). */
export interface StoredFacts extends FileFacts {
  mimeType: string
  width?: number
  height?: number
  pdfPages?: number
}

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

/** A signed-in participant (institution account or individual author) may submit. */
function isParticipant(user: unknown): boolean {
  return Boolean(
    user && typeof user === 'object' && (user as { role?: unknown }).role === 'participant',
  )
}

function dedupe(problems: RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.field}|${p.code}`
    if (seen.has(key)) {
      return false
    }
    seen.add(key)
    return true
  })
}

/** The rules' view of a media document: the facts recorded at upload, else what Payload knows. */
export function factsOfMedia(media: Record<string, unknown>): FileFacts | undefined {
  const stored = media.submissionFacts as StoredFacts | null | undefined
  if (stored && stored.kind) {
    const { kind, bytes, format, durationSeconds, docx } = stored
    return {
      kind,
      bytes,
      ...(format ? { format } : {}),
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
      ...(docx ? { docx } : {}),
    }
  }
  // A participant's file that did not pass through the plugin's inspection (a direct
  // POST /api/media) has no facts: it is not a checked attachment. Editors' files are trusted.
  if (media.submissionUpload) {
    return undefined
  }
  const kind = kindFromMime(String(media.mimeType ?? ''))
  return kind ? { kind, bytes: Number(media.filesize ?? 0) } : undefined
}

export function trackOf(campaign: Campaign, key: unknown): Track | undefined {
  return (campaign.tracks ?? []).find((t) => t.key === key)
}

/** What a participant's request carries once the transport (Next or the bare Node server) is peeled off. */
export interface SubmissionsInput {
  method: string
  path: string
  headers: Headers
  user: unknown
  json: () => Promise<unknown>
  formData: () => Promise<FormData>
}

export interface SubmissionsOutput {
  status: number
  body: unknown
}

export class SubmissionsService {
  constructor(
    readonly payload: Payload,
    readonly options: ResolvedSubmissionsOptions,
  ) {}

  private channels: Notifier | undefined

  private get notifier(): Notifier {
    this.channels ??=
      this.options.notifier ??
      allNotifiers([emailNotifier(this.payload), smsNotifier(this.options.sendSms)])
    return this.channels
  }

  // ── lookups ────────────────────────────────────────────────────────────

  async campaignFor(user: unknown, id: unknown): Promise<Campaign> {
    const campaignId = idOf(id)
    if (campaignId === undefined || campaignId === '') {
      throw refuse(400, 'campaign', 'campaign.required', '请选择征集活动（campaign）')
    }
    try {
      return (await this.payload.findByID({
        collection: this.options.campaigns,
        id: campaignId,
        depth: 0,
        overrideAccess: false,
        user,
      })) as unknown as Campaign
    } catch {
      throw refuse(404, 'campaign', 'campaign.notFound', '征集活动不存在或未发布')
    }
  }

  trackIn(campaign: Campaign, key: unknown): Track {
    const track = trackOf(campaign, key)
    if (!track) {
      throw refuse(
        400,
        'track',
        'track.unknown',
        `作品类别“${String(key ?? '')}”不属于本活动，可选：${(campaign.tracks ?? []).map((t) => `${t.key}（${t.name ?? ''}）`).join('、')}`,
      )
    }
    return track
  }

  /** The caller's own entry, read with their access (so nobody reads another's draft). */
  async ownEntry(user: unknown, id: string, depth = 0): Promise<Doc> {
    let entry: Doc | undefined
    try {
      entry = (await this.payload.findByID({
        collection: this.options.entries,
        id,
        depth,
        overrideAccess: false,
        user,
      })) as unknown as Doc
    } catch {
      entry = undefined
    }
    if (!entry || !sameId(entry.submittedBy, user)) {
      throw refuse(404, 'id', 'entry.notFound', '作品不存在，或不是您报送的作品')
    }
    return entry
  }

  requireParticipant(user: unknown): void {
    if (!user) {
      throw refuse(401, 'user', 'auth.required', '请先登录后再报送作品')
    }
    if (!isParticipant(user)) {
      throw refuse(
        403,
        'user',
        'auth.participantOnly',
        '仅参与者账号（机构或个人作者）可以报送作品',
      )
    }
  }

  async screeningWords(): Promise<readonly string[]> {
    try {
      const global = (await this.payload.findGlobal({
        slug: SCREENING_WORDS_SLUG as never,
        depth: 0,
      })) as { words?: string[] | null }
      return global.words?.length ? global.words : DEFAULT_PROMOTION_WORDS
    } catch {
      return DEFAULT_PROMOTION_WORDS
    }
  }

  /** Media documents by id, only the caller's own (attaching someone else's file is refused). */
  async ownMedia(
    user: unknown,
    ids: (number | string)[],
  ): Promise<Map<string, Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown>>()
    if (ids.length === 0) {
      return found
    }
    const where: Where = { id: { in: ids } }
    const { docs } = await this.payload.find({
      collection: this.options.media,
      where,
      depth: 0,
      limit: ids.length,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      if (user === undefined || this.options.isEditor(user) || sameId(doc.owner, user)) {
        found.set(String(doc.id), doc)
      }
    }
    return found
  }

  // ── rules ──────────────────────────────────────────────────────────────

  /**
   * Every track rule for `entry` (a merged document: stored values plus the
   * change). `complete` at submit. Attachments are checked on the facts
   * recorded when the file was inspected, never on what the client says.
   */
  async entryProblems(
    entry: Record<string, unknown>,
    campaign: Campaign,
    { complete, user }: { complete: boolean; user: unknown },
  ): Promise<RuleProblem[]> {
    const track = this.trackIn(campaign, entry.track)
    const requirements = track.requirements ?? {}
    const attachments = (entry.attachments ?? []) as { file?: unknown; caption?: string | null }[]
    const ids = attachments.map((a) => idOf(a.file)).filter((x) => x !== undefined)
    const media = await this.ownMedia(user, ids)
    const problems: RuleProblem[] = []
    const content: EntryContent = {
      title: entry.title as string | undefined,
      abstract: entry.abstract as string | undefined,
      sections: (entry.sections ?? []) as EntryContent['sections'],
      channel: entry.channel as string | undefined,
      recommendingUnit: entry.recommendingUnit as string | undefined,
      informationSource: entry.informationSource as string | undefined,
      declarations: entry.declarations as EntryContent['declarations'],
      attachments: [],
    }
    for (const [i, a] of attachments.entries()) {
      const id = idOf(a.file)
      const doc = id === undefined ? undefined : media.get(String(id))
      const facts = doc ? factsOfMedia(doc) : undefined
      if (id !== undefined && !facts) {
        problems.push({
          field: `attachments.${i}.file`,
          code: 'file.notFound',
          message: `第 ${i + 1} 个附件的文件不存在或不是您上传的，请重新上传`,
        })
        continue
      }
      content.attachments!.push({ caption: a.caption ?? null, file: facts as FileFacts })
    }
    problems.push(
      ...checkContent(requirements, content, { complete, trackKind: track.kind ?? null }),
    )
    return dedupe(problems)
  }

  /** Refusal of a first submission outside the window; a returned entry may come back after it. */
  deadlineProblem(campaign: Campaign, from: unknown, now = new Date()): RuleProblem | null {
    if (from === 'returned') {
      return null
    }
    const window = submissionWindow(campaign.phases, this.options.submissionPhase, now)
    const message = windowRefusal(window)
    if (!message) {
      return null
    }
    return {
      field: 'campaign',
      code: window.state === 'upcoming' ? 'deadline.notOpen' : 'deadline.closed',
      message,
      ...('closesAt' in window ? { limit: window.closesAt.toISOString() } : {}),
    }
  }

  private pick(body: Record<string, unknown>): Record<string, unknown> {
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

  private async refuseForeignFiles(user: unknown, data: Record<string, unknown>): Promise<void> {
    const attachments = (data.attachments ?? []) as { file?: unknown }[]
    const ids = attachments.map((a) => idOf(a.file)).filter((x) => x !== undefined)
    const mine = await this.ownMedia(user, ids)
    const errors: RuleProblem[] = []
    for (const [i, a] of attachments.entries()) {
      const id = idOf(a.file)
      if (id === undefined || id === null) {
        errors.push({
          field: `attachments.${i}.file`,
          code: 'file.required',
          message: `第 ${i + 1} 个附件缺少文件，请上传或删除该项`,
        })
      } else if (!mine.has(String(id))) {
        errors.push({
          field: `attachments.${i}.file`,
          code: 'file.notFound',
          message: `第 ${i + 1} 个附件的文件不存在或不是您上传的，请重新上传`,
        })
      }
    }
    if (errors.length > 0) {
      throw new SubmissionError(422, errors)
    }
  }

  // ── drafts and entries ─────────────────────────────────────────────────

  async createDraft(user: unknown, body: Record<string, unknown>): Promise<SubmissionsOutput> {
    this.requireParticipant(user)
    const campaign = await this.campaignFor(user, body.campaign)
    const track = this.trackIn(campaign, body.track)
    const closed = this.deadlineProblem(campaign, 'draft')
    if (closed) {
      throw new SubmissionError(422, [closed])
    }
    const data = this.pick(body)
    await this.refuseForeignFiles(user, data)
    // The submitting institution is stamped by the host's entries hook from the account.
    const entry = await retryUniqueClash(this.payload, this.options.entries, () =>
      this.payload.create({
        collection: this.options.entries,
        data: {
          title: '未命名草稿',
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

  async getEntry(user: unknown, id: string): Promise<SubmissionsOutput> {
    this.requireParticipant(user)
    // Depth 1: the form restores its uploaded files from the populated attachments.
    const entry = await this.ownEntry(user, id, 1)
    const campaign = await this.campaignFor(user, entry.campaign)
    const track = this.trackIn(campaign, entry.track)
    const window = submissionWindow(campaign.phases, this.options.submissionPhase)
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

  private lockedMessage(status: unknown) {
    return `作品当前状态为“${stateName(status)}”，已进入审核流程，不能再修改（作品经审核后将无法修改）`
  }

  async saveDraft(
    user: unknown,
    id: string,
    body: Record<string, unknown>,
  ): Promise<SubmissionsOutput> {
    this.requireParticipant(user)
    const entry = await this.ownEntry(user, id)
    if (!EDITABLE_STATES.includes(String(entry.status))) {
      throw refuse(409, 'status', 'entry.locked', this.lockedMessage(entry.status))
    }
    const data = this.pick(body)
    await this.refuseForeignFiles(user, data)
    const updated = (await this.payload.update({
      collection: this.options.entries,
      id: entry.id,
      data: data as never,
      depth: 0,
      overrideAccess: false,
      user,
    })) as unknown as Doc
    const campaign = await this.campaignFor(user, updated.campaign)
    const problems = await this.entryProblems(updated, campaign, { complete: false, user })
    return { status: 200, body: { entry: updated, problems } }
  }

  /** Checks everything, then moves the entry into `submitted`; 422 leaves it as it was. */
  private async submitChecked(
    user: unknown,
    entry: Doc,
    campaign: Campaign,
    from: unknown,
  ): Promise<Doc> {
    const problems = await this.entryProblems(entry, campaign, { complete: true, user })
    const late = this.deadlineProblem(campaign, from)
    if (late) {
      problems.unshift(late)
    }
    if (problems.length > 0) {
      throw new SubmissionError(422, problems)
    }
    const flags = screenContent(
      entry as Parameters<typeof screenContent>[0],
      await this.screeningWords(),
    ).map(({ kind, field, excerpt }) => ({ kind, field: field ?? null, excerpt }))
    // The status field is editor-only (field access), so the change is written
    // with overrideAccess — but only after the caller's ownership and the
    // entry's state were checked with their own access above. The rules were
    // checked just now, so the entries hook need not check them twice.
    return (await this.payload.update({
      collection: this.options.entries,
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

  async submit(user: unknown, id: string): Promise<SubmissionsOutput> {
    this.requireParticipant(user)
    const entry = await this.ownEntry(user, id)
    if (!EDITABLE_STATES.includes(String(entry.status))) {
      throw refuse(
        409,
        'status',
        'entry.notSubmittable',
        entry.status === 'submitted'
          ? '作品已提交，无需重复提交'
          : this.lockedMessage(entry.status),
      )
    }
    const campaign = await this.campaignFor(user, entry.campaign)
    const submitted = await this.submitChecked(user, entry, campaign, entry.status)
    await this.confirm(user, submitted, campaign)
    return {
      status: 200,
      body: { entry: { id: submitted.id, number: submitted.number, status: submitted.status } },
    }
  }

  /** One step: everything is checked before anything is written; a failed write leaves nothing behind. */
  async createAndSubmit(user: unknown, body: Record<string, unknown>): Promise<SubmissionsOutput> {
    this.requireParticipant(user)
    const campaign = await this.campaignFor(user, body.campaign)
    const track = this.trackIn(campaign, body.track)
    const data = { ...this.pick(body), campaign: campaign.id, track: track.key }
    await this.refuseForeignFiles(user, data)
    const problems = await this.entryProblems(data, campaign, { complete: true, user })
    const late = this.deadlineProblem(campaign, 'draft')
    if (late) {
      problems.unshift(late)
    }
    if (problems.length > 0) {
      throw new SubmissionError(422, problems)
    }
    const draft = (await retryUniqueClash(this.payload, this.options.entries, () =>
      this.payload.create({
        collection: this.options.entries,
        data: data as never,
        depth: 0,
        overrideAccess: false,
        user,
      }),
    )) as unknown as Doc
    let submitted: Doc
    try {
      submitted = await this.submitChecked(user, draft, campaign, 'draft')
    } catch (err) {
      await this.payload.delete({
        collection: this.options.entries,
        id: draft.id,
        overrideAccess: true,
      })
      throw err
    }
    await this.confirm(user, submitted, campaign)
    return {
      status: 201,
      body: { entry: { id: submitted.id, number: submitted.number, status: submitted.status } },
    }
  }

  async withdraw(user: unknown, id: string): Promise<SubmissionsOutput> {
    this.requireParticipant(user)
    const entry = await this.ownEntry(user, id)
    if (!WITHDRAWABLE_STATES.includes(String(entry.status))) {
      throw refuse(
        409,
        'status',
        'entry.notWithdrawable',
        `作品当前状态为“${stateName(entry.status)}”，审核开始后不能撤回；如需撤回请联系组委会`,
      )
    }
    // Ownership and state were checked with the caller's access; the status
    // field itself is editor-only, hence overrideAccess for this one write.
    // The history row (from, to, when, who) comes from the core's hook.
    const updated = (await this.payload.update({
      collection: this.options.entries,
      id: entry.id,
      data: { status: 'withdrawn' } as never,
      depth: 0,
      overrideAccess: true,
      user,
      context: { statusReason: '提交人撤回' },
    })) as unknown as Doc
    return {
      status: 200,
      body: { entry: { id: updated.id, number: updated.number, status: updated.status } },
    }
  }

  async mine(user: unknown): Promise<SubmissionsOutput> {
    this.requireParticipant(user)
    // `submittedBy` is readable only per document, so Payload refuses to query
    // it with the caller's access. The filter below is exactly the own-entries
    // branch of the entries' read access, and only the fields listed here leave.
    const { docs } = await this.payload.find({
      collection: this.options.entries,
      where: { submittedBy: { equals: idOf(user) } },
      depth: 0,
      limit: 500,
      pagination: false,
      sort: '-updatedAt',
      overrideAccess: true,
    })
    const entries = docs as unknown as Doc[]
    const campaignIds = [
      ...new Set(entries.map((e) => idOf(e.campaign)).filter((x) => x !== undefined)),
    ]
    const campaigns = new Map<string, Record<string, unknown>>()
    const phases = new Map<string, Campaign['phases']>()
    if (campaignIds.length > 0) {
      const found = await this.payload.find({
        collection: this.options.campaigns,
        where: { id: { in: campaignIds } },
        depth: 0,
        limit: campaignIds.length,
        pagination: false,
        overrideAccess: false,
        user,
      })
      for (const c of found.docs as unknown as Campaign[]) {
        campaigns.set(String(c.id), { id: c.id, title: c.title, slug: c.slug })
        phases.set(String(c.id), c.phases)
      }
    }
    return {
      status: 200,
      body: {
        entries: entries.map((e) => ({
          id: e.id,
          number: e.number ?? null,
          title: e.title,
          campaign: campaigns.get(String(idOf(e.campaign))) ?? { id: idOf(e.campaign) },
          track: e.track,
          status: e.status,
          history: ((e.history ?? []) as Record<string, unknown>[]).map((h) => ({
            from: h.from ?? null,
            to: h.to,
            at: h.at,
            reason: h.reason ?? null,
          })),
          editable: this.editable(e.status, phases.get(String(idOf(e.campaign)))),
          withdrawable: WITHDRAWABLE_STATES.includes(String(e.status)),
          updatedAt: e.updatedAt,
        })),
      },
    }
  }

  /** Whether the submitter may still change an entry: a draft while the window is open, a returned one always. */
  private editable(status: unknown, phases: Campaign['phases'] | undefined): boolean {
    if (!EDITABLE_STATES.includes(String(status))) {
      return false
    }
    return this.deadlineProblem({ id: 0, phases }, status) === null
  }

  /** Email (and SMS when the account has a phone); a failure is logged, the submission stands. */
  private async confirm(user: unknown, entry: Doc, campaign: Campaign): Promise<void> {
    const u = (user ?? {}) as { email?: string; phone?: string; name?: string }
    const link = `${this.options.siteUrl}/my/entries/${entry.id}`
    const number = String(entry.number ?? entry.id)
    const subject = `作品已提交：${number}`
    const text = [
      `${u.name ?? '您好'}：`,
      '',
      `您报送至“${String(campaign.title ?? '')}”的作品《${String(entry.title ?? '')}》已提交成功。`,
      `作品编号：${number}`,
      `提交时间：${formatBeijing(new Date())}（北京时间）`,
      `查看进度：${link}`,
      '',
      '作品进入审核后将无法修改；审核开始前可在上面的页面撤回。',
    ].join('\n')
    try {
      await this.notifier.send({ email: u.email, phone: u.phone }, { subject, text })
    } catch (err) {
      this.payload.logger.error({ err, entry: entry.id }, '[submissions] confirmation not sent')
    }
  }

  // ── uploads ────────────────────────────────────────────────────────────

  /** The largest body the plain upload reads: the track's limit, never above the global cap. */
  plainLimit(requirements: TrackRequirements): number {
    const track = requirements.maxFileBytes ?? Infinity
    return Math.min(track, this.options.maxPlainUploadBytes)
  }

  async uploadTarget(user: unknown, campaignId: unknown, trackKey: unknown) {
    this.requireParticipant(user)
    const campaign = await this.campaignFor(user, campaignId)
    const track = this.trackIn(campaign, trackKey)
    return { campaign, track, requirements: track.requirements ?? {} }
  }

  /**
   * A multipart upload: refused on its declared length before a byte is
   * buffered, then written to a temp file, inspected by its bytes, checked
   * against the track and stored.
   */
  async upload(input: SubmissionsInput): Promise<SubmissionsOutput> {
    this.requireParticipant(input.user)
    const declared = Number(input.headers.get('content-length') ?? NaN)
    // The body is multipart: campaign and track come with it, so only the global
    // cap can be applied before reading; the track's own limit follows below.
    const slack = 64 * 1024
    if (!Number.isFinite(declared)) {
      throw refuse(
        411,
        'file',
        'file.lengthRequired',
        '上传请求缺少长度（Content-Length），请使用浏览器表单或断点续传上传',
      )
    }
    if (declared > this.options.maxPlainUploadBytes + slack) {
      throw refuse(
        413,
        'file',
        'file.tooLargeForPlain',
        `普通上传单个文件不超过 ${formatBytes(this.options.maxPlainUploadBytes)}，更大的音视频文件请使用断点续传上传（/api/submissions/tus）`,
        this.options.maxPlainUploadBytes,
      )
    }
    // Counted in flight while it is read and stored, so that every process sees these bytes.
    const reservation = await uploadQuota(this.payload, this.options).reserve(input.user, {
      kind: 'plain',
      declaredBytes: declared,
    })
    try {
      return await this.receivePlain(input)
    } finally {
      await reservation.release()
    }
  }

  /** The plain upload's body, once its length was checked and its bytes reserved. */
  private async receivePlain(input: SubmissionsInput): Promise<SubmissionsOutput> {
    let form: FormData
    try {
      form = await input.formData()
    } catch {
      throw refuse(400, 'file', 'file.badForm', '上传内容无法读取，请重新选择文件上传')
    }
    const file = form.get('file')
    if (!file || typeof file === 'string') {
      throw refuse(400, 'file', 'file.required', '请选择要上传的文件（file）')
    }
    const { requirements } = await this.uploadTarget(
      input.user,
      form.get('campaign'),
      form.get('track'),
    )
    const limit = this.plainLimit(requirements)
    if (file.size > limit) {
      const tooBig = checkFile(requirements, { kind: 'video', bytes: file.size }).find(
        (p) => p.code === 'file.tooLarge',
      )
      throw tooBig && requirements.maxFileBytes && file.size > requirements.maxFileBytes
        ? new SubmissionError(413, [
            { ...tooBig, message: tooBig.message.replace(/^每个?视频/, '文件') },
          ])
        : refuse(
            413,
            'file',
            'file.tooLargeForPlain',
            `普通上传单个文件不超过 ${formatBytes(limit)}，更大的音视频文件请使用断点续传上传`,
            limit,
          )
    }
    const tmp = path.join(os.tmpdir(), `exemplar-upload-${randomUUID()}`)
    await fs.promises.writeFile(tmp, Buffer.from(await file.arrayBuffer()))
    try {
      const caption = form.get('caption')
      const doc = await this.storeInspected(input.user, tmp, file.name, requirements, {
        caption: typeof caption === 'string' ? caption : undefined,
      })
      return { status: 201, body: { file: this.describe(doc) } }
    } finally {
      await fs.promises.rm(tmp, { force: true })
    }
  }

  /** Inspects a file on disk, checks it against the track, stores it; 422 stores nothing. */
  async inspectAndCheck(
    filePath: string,
    originalName: string,
    requirements: TrackRequirements & { allowedFileKinds?: AllowedFileKind[] | null },
  ): Promise<InspectedFile> {
    let inspected: InspectedFile
    try {
      inspected = await inspectFile(filePath, {
        originalName,
        allowedKinds: requirements.allowedFileKinds ?? null,
      })
    } catch (err) {
      if (err instanceof FileRefused) {
        throw refuse(422, 'file', err.code, err.message, err.limit)
      }
      throw err
    }
    const problems = checkFile(requirements, inspected)
    if (problems.length > 0) {
      throw new SubmissionError(422, problems)
    }
    return inspected
  }

  private factsToStore(inspected: InspectedFile): StoredFacts {
    return {
      kind: inspected.kind,
      bytes: inspected.bytes,
      mimeType: inspected.mimeType,
      ...(inspected.format ? { format: inspected.format } : {}),
      ...(inspected.width ? { width: inspected.width, height: inspected.height } : {}),
      ...(inspected.durationSeconds !== undefined
        ? { durationSeconds: inspected.durationSeconds }
        : {}),
      ...(inspected.docx ? { docx: inspected.docx } : {}),
      ...(inspected.pdfPages !== undefined ? { pdfPages: inspected.pdfPages } : {}),
    }
  }

  private storedName(originalName: string, ext: string): string {
    const safe = safeFileName(originalName)
    const base = safe.replace(/\.[^.]*$/, '') || 'file'
    return `${base}.${ext === 'jpeg' ? 'jpg' : ext}`
  }

  async storeInspected(
    user: unknown,
    filePath: string,
    originalName: string,
    requirements: TrackRequirements & { allowedFileKinds?: AllowedFileKind[] | null },
    { caption }: { caption?: string | undefined } = {},
  ): Promise<Record<string, unknown>> {
    const inspected = await this.inspectAndCheck(filePath, originalName, requirements)
    if (inspected.kind === 'image') {
      return this.storeImage(user, filePath, originalName, inspected, caption)
    }
    const data = await fs.promises.readFile(filePath)
    const submissionFacts = this.factsToStore(inspected)
    return (await this.payload.create({
      collection: this.options.media,
      data: {
        ...(caption ? { caption } : {}),
        submissionUpload: true,
        onPublicDisplay: false,
        submissionFacts,
      } as never,
      file: {
        data,
        mimetype: inspected.mimeType,
        name: this.storedName(originalName, inspected.ext),
        size: data.length,
      },
      depth: 0,
      overrideAccess: false,
      user,
      // Media's guard takes the facts only from here, never from a request body; the bytes
      // were counted against the quota when the upload was reserved.
      context: { submissionFacts, submissionsQuotaChecked: true },
    })) as unknown as Record<string, unknown>
  }

  /**
   * A photo is stored as a fresh encoding (orientation applied, EXIF and GPS
   * gone: Payload would keep the original bytes when nothing resizes them).
   * Payload's own pipeline would then encode the original again and make the
   * three display sizes before answering — ~0.8 s of CPU per 3 MB photo, five
   * photos ≈ 4 s on two cores. So the file is written here, the document with
   * `payload.db.create` (the caller was checked as a participant, the owner is
   * set here, as Media's hook would), and the sizes follow in the background,
   * through the picture gate; the form shows the original until they exist.
   */
  private async storeImage(
    user: unknown,
    filePath: string,
    originalName: string,
    inspected: InspectedFile,
    caption: string | undefined,
  ): Promise<Record<string, unknown>> {
    const image = await reencodeImage(filePath, { mozjpeg: false, optimiseCoding: false })
    const ext = image.format === 'jpeg' ? 'jpg' : image.format
    const staticDir = this.staticDir()
    const filename = await this.placeFile(staticDir, this.storedName(originalName, ext), (dest) =>
      fs.promises.writeFile(dest, image.data, { flag: 'wx' }),
    )
    const now = new Date().toISOString()
    try {
      const doc = (await this.payload.db.create({
        collection: this.options.media,
        data: {
          filename,
          mimeType: `image/${image.format}`,
          filesize: image.data.length,
          width: image.width,
          height: image.height,
          owner: idOf(user),
          ...(caption ? { caption } : {}),
          submissionUpload: true,
          onPublicDisplay: false,
          submissionFacts: this.factsToStore(inspected),
          createdAt: now,
          updatedAt: now,
        },
      })) as Record<string, unknown>
      // Through the picture gate, so sizes share the cores with new uploads.
      const making = this.makeSizes(doc.id as number | string, filename)
        .catch((err: unknown) => {
          this.payload.logger.error({ err, media: doc.id }, '[submissions] image sizes not made')
        })
        .finally(() => sizesMaking.delete(making))
      sizesMaking.add(making)
      return { ...doc, url: this.fileUrl(filename) }
    } catch (err) {
      await fs.promises.rm(path.join(staticDir, filename), { force: true })
      throw err
    }
  }

  /**
   * The media collection's image sizes, made as Payload names and records
   * them, from the stored file (a photo waiting for the gate holds none of
   * its bytes). The photo is decoded once, at the widest size's width, and
   * every size is cut from those pixels: a decode per size was most of the
   * work for small sizes.
   */
  async makeSizes(id: number | string, filename: string): Promise<void> {
    const upload = this.payload.collections[this.options.media as CollectionSlug]?.config.upload
    const sizes = upload && typeof upload === 'object' ? (upload.imageSizes ?? []) : []
    if (sizes.length === 0) {
      return
    }
    const staticDir = this.staticDir()
    const base = filename.replace(/\.[^.]*$/, '')
    const widest = sizes.every((size) => size.width)
      ? Math.max(...sizes.map((size) => size.width!))
      : undefined
    const made = await pictureWork(async () => {
      const decoded = await sharp(path.join(staticDir, filename), {
        limitInputPixels: MAX_INPUT_PIXELS,
      })
        .resize({ width: widest, withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true })
      const pixels = {
        raw: {
          width: decoded.info.width,
          height: decoded.info.height,
          channels: decoded.info.channels,
        },
      }
      const out: Record<string, Record<string, unknown>> = {}
      for (const size of sizes) {
        const { data, info } = await sharp(decoded.data, pixels)
          .resize({
            width: size.width ?? undefined,
            height: size.height ?? undefined,
            fit: size.width && size.height ? 'cover' : 'inside',
            position: typeof size.position === 'string' ? size.position : 'centre',
            withoutEnlargement: true,
          })
          .toFormat(size.formatOptions?.format ?? 'jpeg', size.formatOptions?.options ?? {})
          .toBuffer({ resolveWithObject: true })
        const ext = info.format === 'jpeg' ? 'jpg' : info.format
        const name = `${base}-${info.width}x${info.height}.${ext}`
        await fs.promises.writeFile(path.join(staticDir, name), data)
        out[size.name] = {
          filename: name,
          filesize: data.length,
          width: info.width,
          height: info.height,
          mimeType: `image/${info.format}`,
        }
      }
      return out
    })
    await this.payload.db.updateOne({
      collection: this.options.media,
      id,
      data: { sizes: made },
    })
  }

  private fileUrl(filename: string): string {
    return `/api/${this.options.media}/file/${encodeURIComponent(filename)}`
  }

  /**
   * Puts a file under a free name in `dir` (`name.mp4`, else `name-1.mp4`, …).
   * `put` must fail with EEXIST when the name is taken, so two uploads of
   * "IMG_0001.JPG" at once never overwrite each other.
   */
  private async placeFile(
    dir: string,
    name: string,
    put: (dest: string) => Promise<void>,
  ): Promise<string> {
    await fs.promises.mkdir(dir, { recursive: true })
    const ext = path.extname(name)
    const stem = name.slice(0, name.length - ext.length)
    for (let i = 0; i < 1000; i++) {
      const candidate = i === 0 ? name : `${stem}-${i}${ext}`
      try {
        await put(path.join(dir, candidate))
        return candidate
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw err
        }
      }
    }
    throw new Error(`no free file name for ${name}`)
  }

  /**
   * A finished resumable upload becomes a media document without passing
   * through memory: Payload's `create` with `filePath` reads the whole file
   * into a Buffer, so the file is renamed into the media folder (same disk)
   * and the document written with `payload.db.create`, which skips hooks —
   * owner, timestamps and facts are set here instead.
   */
  async adoptFile(
    user: unknown,
    filePath: string,
    originalName: string,
    requirements: TrackRequirements & { allowedFileKinds?: AllowedFileKind[] | null },
  ): Promise<Record<string, unknown>> {
    // Only audio and video arrive here (resumable uploads); images go through storeInspected.
    const inspected = await this.inspectAndCheck(filePath, originalName, requirements)
    const staticDir = this.staticDir()
    // A hard link fails when the name is taken (rename would overwrite); same disk, no copy.
    const filename = await this.placeFile(
      staticDir,
      this.storedName(originalName, inspected.ext),
      async (dest) => {
        await fs.promises.link(filePath, dest)
        await fs.promises.rm(filePath, { force: true })
      },
    )
    const now = new Date().toISOString()
    try {
      const doc = await this.payload.db.create({
        collection: this.options.media,
        data: {
          filename,
          mimeType: inspected.mimeType,
          filesize: inspected.bytes,
          owner: idOf(user),
          submissionUpload: true,
          onPublicDisplay: false,
          submissionFacts: this.factsToStore(inspected),
          createdAt: now,
          updatedAt: now,
        },
      })
      return { ...doc, url: this.fileUrl(filename) }
    } catch (err) {
      await fs.promises.rm(path.join(staticDir, filename), { force: true })
      throw err
    }
  }

  staticDir(): string {
    return mediaDirOf(this.payload, this.options.media)
  }

  describe(doc: Record<string, unknown>) {
    const facts = (doc.submissionFacts ?? {}) as Partial<StoredFacts>
    const sizes = (doc.sizes ?? {}) as Record<string, { url?: string | null } | undefined>
    return {
      id: doc.id,
      filename: doc.filename,
      kind: (facts.kind ?? kindFromMime(String(doc.mimeType ?? ''))) as FileKind | undefined,
      mimeType: doc.mimeType,
      bytes: facts.bytes ?? doc.filesize,
      storedBytes: doc.filesize,
      ...(facts.width ? { width: facts.width, height: facts.height } : {}),
      ...(facts.durationSeconds !== undefined ? { durationSeconds: facts.durationSeconds } : {}),
      ...(facts.docx
        ? { docx: { bodyChars: facts.docx.bodyChars, abstractChars: facts.docx.abstractChars } }
        : {}),
      url: doc.url ?? this.fileUrl(String(doc.filename)),
      ...(sizes.thumbnail?.url ? { thumbnailUrl: sizes.thumbnail.url } : {}),
    }
  }
}

const services = new WeakMap<ResolvedSubmissionsOptions, SubmissionsService>()

/** The service of these options, made once: its caches and notifier outlive a request. */
export function submissionsService(payload: Payload, options: ResolvedSubmissionsOptions) {
  let service = services.get(options)
  if (!service || service.payload !== payload) {
    service = new SubmissionsService(payload, options)
    services.set(options, service)
  }
  return service
}

/** Maps a refusal (ours or Payload's) to the contract's body. */
export function errorOutput(
  err: unknown,
  req?: Pick<PayloadRequest, 'payload'>,
): SubmissionsOutput {
  if (err instanceof SubmissionError) {
    return { status: err.status, body: { errors: err.errors } }
  }
  const e = err as {
    status?: number
    data?: { errors?: RuleProblem[] }
    message?: string
    name?: string
  }
  if (e?.data?.errors && e.status) {
    return { status: e.status, body: { errors: e.data.errors } }
  }
  if (e?.status === 403 || e?.name === 'Forbidden') {
    return {
      status: 403,
      body: { errors: [{ field: '', code: 'forbidden', message: '没有权限执行此操作' }] },
    }
  }
  req?.payload.logger.error({ err }, '[submissions] request failed')
  return {
    status: 500,
    body: { errors: [{ field: '', code: 'server', message: '服务器处理失败，请稍后重试' }] },
  }
}
