import fs from 'node:fs'
import path from 'node:path'

import { FALLBACK_ENTRY_NUMBER_CODE, parseEntryNumber, shanghaiYear } from '@exemplar/domain'
import { formatBytes } from '@exemplar/plugin-submissions/rules'
import { imageSizesSettled } from '@exemplar/plugin-submissions'
import {
  createSubmissionsHandler,
  stopResumable,
  sweepExpired,
} from '@exemplar/plugin-submissions/server'
import { handleEndpoints, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import {
  bigPhoto,
  docxBytes,
  mp4Bytes,
  noiseJpeg,
  participant,
  pdfBytes,
  smallPng,
  submissionCampaign,
  submissionsClient,
  wavBytes,
} from '../helpers/submissions'
import { listen } from '../helpers/voting'

/**
 * The submissions API over real HTTP (the bare Node route cms/server.ts runs)
 * on a real SQLite file: drafts to submission, every track rule refused one
 * unit over its limit and accepted at it with nothing stored for the refusal,
 * confirmations in the mail outbox, locking once screening starts, withdrawal,
 * hostile files, and a resumable upload in chunks through tus.
 */
let t: TestPayload
let payload: Payload
let server: { url: string; close: () => Promise<void> }
let alice: Awaited<ReturnType<typeof participant>>
let bob: Awaited<ReturnType<typeof participant>>
let api: ReturnType<typeof submissionsClient>
// Generated photos live in the run's data folder, so the cleanup removes them too.
const cacheDir = () => path.join(process.env.EXEMPLAR_DATA_DIR!, 'fixtures')
const MB = 1024 * 1024
let slugs = 0
const made: { campaigns: (number | string)[] } = { campaigns: [] }

const SECTIONS = [
  { heading: '工作目标', body: '提升居民健康素养，普及慢病防治知识。' },
  { heading: '主要举措', body: '组织义诊与科普讲座，建设线上随访平台。' },
  { heading: '推广情况', body: '已在全市二十个社区推广，覆盖居民五万人。' },
]
const DECLARED = { original: true, truthful: true, freeUse: true }

async function campaign(requirements: Record<string, unknown>, kind = 'text-image', extra = {}) {
  const c = await submissionCampaign(payload, {
    slug: `sub-${++slugs}`,
    kind,
    requirements,
    ...extra,
  })
  made.campaigns.push(c.id)
  return c
}

const mediaCount = async () => (await payload.count({ collection: 'media' })).totalDocs
const entryCount = async () => (await payload.count({ collection: 'entries' })).totalDocs

function mediaDir() {
  return path.join(process.env.EXEMPLAR_DATA_DIR!, 'media')
}

async function upload(
  campaignId: number | string,
  file: Buffer,
  name: string,
  extra: Record<string, string> = {},
) {
  return api.upload(file, name, { campaign: String(campaignId), track: 'main', ...extra })
}

/** A complete entry body for a campaign; `over` replaces parts of it. */
function entryBody(campaignId: number | string, over: Record<string, unknown> = {}) {
  return {
    campaign: campaignId,
    track: 'main',
    title: '社区慢病管理实践',
    abstract: '本案例介绍社区慢病管理的做法。',
    sections: SECTIONS,
    declarations: DECLARED,
    channel: 'self',
    ...over,
  }
}

beforeAll(async () => {
  t = await bootPayload('submissions')
  payload = t.payload
  alice = await participant(payload, 'alice')
  bob = await participant(payload, 'bob', { phone: '13800138000' })
  const handler = createSubmissionsHandler(payload)
  server = await listen((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(404).end()
    }
  })
  api = submissionsClient(server.url, alice.token)
})

afterAll(async () => {
  await server?.close()
  if (payload) {
    stopResumable(payload)
  }
  await t?.cleanup()
})

describe('a text-and-image case (seed 000: ≤ 2000 字, ≤ 5 images, 工作目标/主要举措/推广情况)', () => {
  it('should save a draft with problems, then submit it and send the confirmation', async () => {
    const c = await campaign({
      bodyMaxChars: 2000,
      maxImages: 5,
      requiredSections: ['工作目标', '主要举措', '推广情况'],
      allowedFileKinds: ['image'],
    })
    const draft = await api.post('/drafts', { campaign: c.id, track: 'main' })
    expect(draft.status).toBe(201)
    expect(draft.body.entry.status).toBe('draft')
    const id = draft.body.entry.id

    const image = await upload(c.id, await smallPng(), 'ward.png')
    expect(image.status).toBe(201)
    expect(image.body.file).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 64 })
    await imageSizesSettled()
    const withSizes = await payload.findByID({ collection: 'media', id: image.body.file.id })
    // Three JPEG sizes, cut from one decode of the stored picture.
    for (const size of [withSizes.sizes?.thumbnail, withSizes.sizes?.card, withSizes.sizes?.hero]) {
      expect(size?.filename).toMatch(/^ward-\d+x\d+\.jpg$/)
      expect(size?.mimeType).toBe('image/jpeg')
    }
    expect(fs.existsSync(path.join(mediaDir(), withSizes.sizes!.thumbnail!.filename!))).toBe(true)
    expect(withSizes.sizes?.thumbnail?.url).toContain('/api/media/file/')

    const half = await api.patch(`/drafts/${id}`, {
      title: '社区慢病管理实践',
      sections: [...SECTIONS.slice(0, 1), { heading: '主要举措', body: long(2001) }],
      attachments: [{ file: image.body.file.id, caption: '义诊现场' }],
    })
    expect(half.status).toBe(200)
    expect(half.body.problems).toEqual([
      expect.objectContaining({ field: 'sections.1.body', code: 'body.tooLong', limit: 2000 }),
    ])
    expect(
      (await payload.findByID({ collection: 'entries', id, depth: 0 })).sections?.[1]?.body,
    ).toHaveLength(2001)

    const early = await api.post(`/entries/${id}/submit`)
    expect(early.status).toBe(422)
    const fields = early.body.errors.map((e: { field: string }) => e.field)
    expect(fields).toContain('sections.1.body')
    expect(fields).toContain('declarations.original')
    expect((await payload.findByID({ collection: 'entries', id })).status).toBe('draft')

    await api.patch(`/drafts/${id}`, {
      sections: SECTIONS,
      abstract: '本案例介绍社区慢病管理的做法，咨询电话 13912345678。',
      declarations: DECLARED,
      channel: 'self',
    })
    const outbox = path.join(process.env.EXEMPLAR_DATA_DIR!, 'outbox')
    const before = fs.existsSync(outbox) ? fs.readdirSync(outbox).length : 0
    const done = await api.post(`/entries/${id}/submit`)
    expect(done.status).toBe(200)
    expect(done.body.entry.status).toBe('submitted')
    // The test campaign has no 作品编号前缀: its entries take the fallback code.
    expect(parseEntryNumber(done.body.entry.number)).toMatchObject({
      year: shanghaiYear(new Date()),
      code: FALLBACK_ENTRY_NUMBER_CODE,
    })

    const stored = await payload.findByID({ collection: 'entries', id, depth: 0 })
    expect(stored.status).toBe('submitted')
    const flags = (stored as unknown as { screeningFlags: { kind: string; field: string }[] })
      .screeningFlags
    expect(flags).toEqual([expect.objectContaining({ kind: 'phone', field: 'abstract' })])

    const mails = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))
    expect(mails.length).toBe(before + 1)
    const eml = fs.readFileSync(path.join(outbox, mails.sort().at(-1)!), 'utf8')
    expect(eml).toContain('alice@submit.example.org')
    const decoded = decodeEml(eml)
    expect(decoded).toContain(done.body.entry.number)
    expect(decoded).toContain(`http://localhost:4321/my/entries/${id}`)

    const mine = await api.get('/mine')
    const row = mine.body.entries.find((e: { id: unknown }) => e.id === id)
    expect(row).toMatchObject({ status: 'submitted', editable: false, withdrawable: true })
    expect(row.history.at(-1)).toMatchObject({ from: 'draft', to: 'submitted' })
    expect(row.campaign.slug).toBe(c.slug)
  })

  it('should keep screening flags away from the submitter', async () => {
    const { docs } = await payload.find({
      collection: 'entries',
      where: { submittedBy: { equals: alice.user.id }, status: { equals: 'submitted' } },
      limit: 1,
    })
    const stored = docs[0] as unknown as { id: number; screeningFlags: unknown[] }
    expect(stored.screeningFlags.length).toBeGreaterThan(0)
    const got = await api.get(`/entries/${stored.id}`)
    expect(got.status).toBe(200)
    expect(got.body.entry.screeningFlags ?? []).toEqual([])
    expect(got.body.rules.requirements.bodyMaxChars).toBe(2000)
  })
})

describe('a photo entry (seed 001: each photo ≥ 2 MB, caption ≤ 150)', () => {
  it('should take a 2 MB photo, drop its GPS EXIF, and submit it with SMS and email', async () => {
    const photo = await bigPhoto(cacheDir(), 2 * MB, true)
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const c = await campaign(
      { minFileBytes: 2 * MB, captionMaxChars: 150, allowedFileKinds: ['image'] },
      'photo',
    )
    const bobApi = submissionsClient(server.url, bob.token)
    const up = await bobApi.upload(photo, 'IMG_0001.JPG', { campaign: String(c.id), track: 'main' })
    expect(up.status).toBe(201)
    expect(up.body.file.bytes).toBe(photo.length)
    const stored = fs.readFileSync(path.join(mediaDir(), up.body.file.filename))
    const meta = await sharp(stored).metadata()
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('ExemplarCam'))).toBe(false)

    const done = await bobApi.post(
      '/entries',
      entryBody(c.id, {
        sections: [],
        abstract: '',
        attachments: [{ file: up.body.file.id, caption: '2025年5月，某县医院，医生为老人义诊。' }],
      }),
    )
    expect(done.status).toBe(201)
    expect(done.body.entry.status).toBe('submitted')
    const sms = fs
      .readdirSync(path.join(process.env.EXEMPLAR_DATA_DIR!, 'outbox'))
      .filter((f) => f.endsWith('-sms-8000.txt'))
    expect(sms.length).toBe(1)
  })

  it('should not let another participant attach or read the photo', async () => {
    const { docs } = await payload.find({
      collection: 'media',
      where: { owner: { equals: bob.user.id } },
      limit: 1,
    })
    const c = await campaign({ allowedFileKinds: ['image'] }, 'photo')
    const refused = await api.post(
      '/entries',
      entryBody(c.id, { attachments: [{ file: docs[0]!.id, caption: '' }] }),
    )
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].field).toBe('attachments.0.file')
    const seen = await payload.find({
      collection: 'media',
      where: { id: { equals: docs[0]!.id } },
      overrideAccess: false,
      user: alice.user,
    })
    expect(seen.docs).toHaveLength(0)
  })
})

interface RuleCase {
  rule: string
  field: RegExp
  /** The measured value a limit is set to (accepted) and one unit past it (refused). */
  setup: () => Promise<{
    requirements: (limit: number) => Record<string, unknown>
    value: number
    over: number
    kind?: string
    /** Upload files (when the rule is a file rule, the upload itself is refused). */
    files?: { data: Buffer; name: string; caption?: string }[]
    body?: Record<string, unknown>
    refusedAt: 'upload' | 'submit'
    /** How the refusal's message names the limit it broke. */
    names?: string
  }>
}

const long = (n: number) => '健'.repeat(n)

const RULES: RuleCase[] = [
  {
    rule: 'body chars',
    field: /^sections\.\d\.body$/,
    setup: async () => ({
      requirements: (n) => ({ bodyMaxChars: n }),
      value: 30,
      over: 29,
      names: '不超过 29 字',
      body: { sections: [{ heading: '工作目标', body: long(30) }] },
      refusedAt: 'submit',
    }),
  },
  {
    rule: 'abstract chars',
    field: /^abstract$/,
    setup: async () => ({
      requirements: (n) => ({ abstractMaxChars: n }),
      value: 20,
      over: 19,
      names: '不超过 19 字',
      body: { abstract: long(20) },
      refusedAt: 'submit',
    }),
  },
  {
    rule: 'required sections',
    field: /^sections/,
    setup: async () => ({
      // at the limit: every required section present; over: one more required than written
      requirements: (n) => ({
        requiredSections: ['工作目标', '主要举措', '推广情况', '经验启示'].slice(0, n),
      }),
      value: 3,
      over: 4,
      names: '经验启示',
      body: { sections: SECTIONS },
      refusedAt: 'submit',
    }),
  },
  {
    rule: 'image count',
    field: /^attachments$/,
    setup: async () => {
      const png = await smallPng()
      return {
        requirements: (n) => ({ maxImages: n }),
        value: 2,
        over: 1,
        names: '不超过 1 张',
        files: [
          { data: png, name: 'a.png' },
          { data: png, name: 'b.png' },
        ],
        refusedAt: 'submit',
      }
    },
  },
  {
    rule: 'caption chars',
    field: /^attachments\.0\.caption$/,
    setup: async () => ({
      requirements: (n) => ({ captionMaxChars: n }),
      value: 150,
      over: 149,
      names: '不超过 149 字',
      files: [{ data: await smallPng(), name: 'c.png', caption: long(150) }],
      refusedAt: 'submit',
    }),
  },
  {
    rule: 'photo min bytes',
    field: /^file$/,
    setup: async () => {
      const photo = await noiseJpeg(400, 300)
      return {
        requirements: (n) => ({ minFileBytes: n }),
        value: photo.length,
        over: photo.length + 1,
        names: `不小于 ${formatBytes(photo.length + 1)}`,
        kind: 'photo',
        files: [{ data: photo, name: 'p.jpg' }],
        refusedAt: 'upload',
      }
    },
  },
  {
    rule: 'file max bytes',
    field: /^file$/,
    setup: async () => {
      const pdf = await pdfBytes(2)
      return {
        requirements: (n) => ({ maxFileBytes: n, allowedFileKinds: ['pdf'] }),
        value: pdf.length,
        over: pdf.length - 1,
        names: `不超过 ${formatBytes(pdf.length - 1)}`,
        kind: 'print',
        files: [{ data: pdf, name: 'poster.pdf' }],
        refusedAt: 'upload',
      }
    },
  },
  {
    rule: 'duration',
    field: /^file$/,
    setup: async () => ({
      requirements: (n) => ({ maxDurationSeconds: n, allowedFileKinds: ['mp4'] }),
      value: 180,
      over: 179,
      names: '不超过 2 分 59 秒',
      kind: 'video',
      files: [{ data: mp4Bytes(180), name: 'clip.mp4' }],
      refusedAt: 'upload',
    }),
  },
  {
    rule: 'allowed kinds by magic bytes',
    field: /^file$/,
    setup: async () => ({
      // 1 allows audio (the WAV is accepted), 0 allows only images
      requirements: (n) => ({ allowedFileKinds: n === 1 ? ['wav'] : ['image'] }),
      value: 1,
      over: 0,
      kind: 'audio',
      files: [{ data: wavBytes(1), name: 'voice.wav' }],
      refusedAt: 'upload',
    }),
  },
  {
    rule: 'docx body chars',
    field: /^file$/,
    setup: async () => ({
      requirements: (n) => ({ bodyMaxChars: n, allowedFileKinds: ['docx'] }),
      value: 60,
      over: 59,
      names: '不超过 59 字',
      body: { abstract: '' },
      kind: 'document-case',
      files: [{ data: await docxBytes({ abstract: long(10), body: [long(60)] }), name: 'c.docx' }],
      refusedAt: 'upload',
    }),
  },
  {
    rule: 'docx abstract chars',
    field: /^file$/,
    setup: async () => ({
      requirements: (n) => ({ abstractMaxChars: n, allowedFileKinds: ['docx'] }),
      value: 10,
      over: 9,
      names: '不超过 9 字',
      body: { abstract: '' },
      kind: 'document-case',
      files: [{ data: await docxBytes({ abstract: long(10), body: [long(60)] }), name: 'c.docx' }],
      refusedAt: 'upload',
    }),
  },
  {
    rule: 'PDF validity',
    field: /^file$/,
    setup: async () => {
      const pdf = await pdfBytes(1)
      return {
        // 1: the real PDF; 0: the same file cut in half
        requirements: () => ({ allowedFileKinds: ['pdf'] }),
        value: 1,
        over: 0,
        kind: 'print',
        files: [{ data: pdf, name: 'poster.pdf' }],
        refusedAt: 'upload',
      }
    },
  },
  {
    rule: 'deadline',
    field: /^campaign$/,
    setup: async () => ({
      requirements: () => ({}),
      value: 60,
      over: -1,
      refusedAt: 'submit',
    }),
  },
  {
    rule: 'declarations',
    field: /^declarations\.freeUse$/,
    setup: async () => ({
      requirements: () => ({}),
      value: 3,
      over: 2,
      refusedAt: 'submit',
    }),
  },
  {
    rule: 'channel fields',
    field: /^recommendingUnit$/,
    setup: async () => ({
      requirements: () => ({}),
      value: 1,
      over: 0,
      body: { channel: 'provincial' },
      refusedAt: 'submit',
    }),
  },
]

describe.each(RULES)('the track rule: $rule', ({ rule, field, setup }) => {
  let s: Awaited<ReturnType<RuleCase['setup']>>
  beforeAll(async () => {
    s = await setup()
  })

  /** Creates the campaign for a limit, uploads, and submits in one step. */
  async function attempt(limit: number) {
    const windowEnds = rule === 'deadline' ? { endsAt: new Date(Date.now() + limit * 1000) } : {}
    const c = await campaign(s.requirements(limit), s.kind ?? 'text-image', windowEnds)
    const attachments = []
    for (const f of s.files ?? []) {
      const data =
        rule === 'PDF validity' && limit === 0 ? f.data.subarray(0, f.data.length / 2) : f.data
      const up = await upload(c.id, data, f.name)
      if (up.status !== 201) {
        return up
      }
      attachments.push({ file: up.body.file.id, caption: f.caption ?? '' })
    }
    let body: Record<string, unknown> = entryBody(c.id, { ...s.body, attachments })
    if (rule === 'declarations' && limit < 3) {
      body = { ...body, declarations: { original: true, truthful: true, freeUse: false } }
    }
    if (rule === 'channel fields' && limit === 1) {
      body = { ...body, recommendingUnit: '某省卫生健康委' }
    }
    return api.post('/entries', body)
  }

  it(`should refuse one unit over the limit with a message naming the field and the limit, storing nothing`, async () => {
    const media = await mediaCount()
    const entries = await entryCount()
    const refused = await attempt(s.over)
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    const errors = refused.body.errors as { field: string; message: string; limit?: unknown }[]
    const problem = errors.find((e) => field.test(e.field))
    expect(problem, JSON.stringify(errors)).toBeDefined()
    expect(problem!.message).toMatch(/[\u4e00-\u9fff]/)
    if (s.names) {
      expect(problem!.message).toContain(s.names)
    }
    if (rule === 'deadline') {
      expect(problem!.message).toMatch(/^征集已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）截止$/)
    }
    expect(await entryCount()).toBe(entries)
    if (s.refusedAt === 'upload') {
      expect(await mediaCount()).toBe(media)
    }
  })

  it('should accept the entry at the limit', async () => {
    const accepted = await attempt(s.value)
    expect(accepted.body.errors ?? []).toEqual([])
    expect(accepted.status).toBe(201)
    expect(accepted.body.entry.status).toBe('submitted')
  })
})

describe('the deadline instant', () => {
  it('should refuse a draft submitted one second after the window closed, naming Beijing time', async () => {
    const c = await campaign({}, 'text-image', {
      endsAt: new Date('2026-06-29T16:00:00Z'),
      startsAt: new Date('2026-01-01T00:00:00Z'),
    })
    const id = (
      await payload.create({
        collection: 'entries',
        data: { ...entryBody(c.id), submittedBy: alice.user.id, status: 'draft' } as never,
      })
    ).id
    const now = Date.now()
    const refused = await api.post(`/entries/${id}/submit`)
    expect(now).toBeGreaterThan(new Date('2026-06-29T16:00:01Z').getTime())
    expect(refused.status).toBe(422)
    expect(refused.body.errors[0].message).toBe('征集已于 2026-06-30 00:00（北京时间）截止')
    expect((await payload.findByID({ collection: 'entries', id })).status).toBe('draft')
    await payload.delete({ collection: 'entries', id })
  })
})

describe('once screening has started', () => {
  let id: number | string
  beforeAll(async () => {
    const c = await campaign({})
    const done = await api.post('/entries', entryBody(c.id))
    id = done.body.entry.id
  })

  it('should refuse edits with 409 and a clear message, leaving the entry as it was', async () => {
    await payload.update({ collection: 'entries', id, data: { status: 'screening' } })
    const res = await api.patch(`/drafts/${id}`, { title: '改过的标题' })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toContain('审核中')
    expect((await payload.findByID({ collection: 'entries', id })).title).toBe('社区慢病管理实践')
  })

  it('should refuse a withdrawal with 409', async () => {
    const res = await api.post(`/entries/${id}/withdraw`)
    expect(res.status).toBe(409)
    expect((await payload.findByID({ collection: 'entries', id })).status).toBe('screening')
  })

  it('should refuse a REST-style status change by the submitter through the hook', async () => {
    await payload.update({ collection: 'entries', id, data: { status: 'returned' } })
    await expect(
      payload.update({
        collection: 'entries',
        id,
        data: { status: 'submitted', declarations: { freeUse: false } } as never,
        overrideAccess: true,
        user: alice.user,
      }),
    ).rejects.toMatchObject({
      status: 422,
      data: { errors: [expect.objectContaining({ field: 'declarations.freeUse' })] },
    })
    expect((await payload.findByID({ collection: 'entries', id })).status).toBe('returned')
  })
})

describe('withdrawal', () => {
  it('should withdraw a submitted entry and record it in the history', async () => {
    const c = await campaign({})
    const done = await api.post('/entries', entryBody(c.id))
    const res = await api.post(`/entries/${done.body.entry.id}/withdraw`)
    expect(res.status).toBe(200)
    expect(res.body.entry.status).toBe('withdrawn')
    const entry = await payload.findByID({ collection: 'entries', id: done.body.entry.id })
    expect(entry.history?.at(-1)).toMatchObject({
      from: 'submitted',
      to: 'withdrawn',
      reason: '提交人撤回',
    })
  })

  it("should not let another participant withdraw someone's entry", async () => {
    const c = await campaign({})
    const done = await api.post('/entries', entryBody(c.id))
    const res = await submissionsClient(server.url, bob.token).post(
      `/entries/${done.body.entry.id}/withdraw`,
    )
    expect(res.status).toBe(404)
    expect((await payload.findByID({ collection: 'entries', id: done.body.entry.id })).status).toBe(
      'submitted',
    )
  })
})

describe('the same routes through Payload (the Next path)', () => {
  const viaPayload = (route: string, init: RequestInit = {}) =>
    handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: 'submissions',
      request: new Request(`http://localhost:3000/api/submissions${route}`, {
        ...init,
        headers: { ...api.headers(), ...(init.headers as Record<string, string>) },
      }),
    })

  it('should answer /mine and take an upload as the bare server does', async () => {
    const mine = await viaPayload('/mine')
    expect(mine.status).toBe(200)
    const direct = await api.get('/mine')
    expect(((await mine.json()) as { entries: unknown[] }).entries).toEqual(direct.body.entries)

    const c = await campaign({ allowedFileKinds: ['image'] })
    const form = new FormData()
    form.set('campaign', String(c.id))
    form.set('track', 'main')
    form.set('file', new Blob([new Uint8Array(await smallPng())], { type: 'image/png' }), 'n.png')
    const body = new Response(form)
    const bytes = new Uint8Array(await body.arrayBuffer())
    const up = await viaPayload('/uploads', {
      method: 'POST',
      headers: {
        'content-type': body.headers.get('content-type')!,
        'content-length': String(bytes.length),
      },
      body: bytes,
    })
    const answer = (await up.json()) as { file?: { kind: string } }
    expect(up.status, JSON.stringify(answer)).toBe(201)
    expect(answer.file?.kind).toBe('image')
  })
})

describe('who reads an uploaded file', () => {
  it('should hide an unsubmitted upload from the public until its entry is on display', async () => {
    const c = await campaign({ allowedFileKinds: ['image'] })
    const up = await upload(c.id, await smallPng(), 'private.png')
    const done = await api.post(
      '/entries',
      entryBody(c.id, { attachments: [{ file: up.body.file.id, caption: '' }] }),
    )
    expect(done.status).toBe(201)
    const anonymousSees = async () =>
      (
        await payload.find({
          collection: 'media',
          where: { id: { equals: up.body.file.id } },
          overrideAccess: false,
        })
      ).docs.length
    expect(await anonymousSees()).toBe(0)
    await payload.update({
      collection: 'entries',
      id: done.body.entry.id,
      data: { status: 'accepted' },
    })
    expect(await anonymousSees()).toBe(1)
    await payload.update({
      collection: 'entries',
      id: done.body.entry.id,
      data: { status: 'revoked' },
    })
    expect(await anonymousSees()).toBe(0)
  })
})

describe('facts and flags on media documents', () => {
  it('should ignore facts and flags a participant writes to the media collection directly', async () => {
    const forged = await payload.create({
      collection: 'media',
      data: {
        submissionUpload: false,
        onPublicDisplay: true,
        submissionFacts: { kind: 'image', bytes: 9 * MB },
      } as never,
      file: { data: await smallPng(), mimetype: 'image/png', name: 'forged.png', size: 203 },
      overrideAccess: false,
      user: alice.user,
    })
    const stored = (await payload.findByID({
      collection: 'media',
      id: forged.id,
      depth: 0,
    })) as unknown as Record<string, unknown>
    expect(stored).toMatchObject({ submissionUpload: true, onPublicDisplay: false })
    expect(stored.submissionFacts ?? null).toBeNull()
    await payload.update({
      collection: 'media',
      id: forged.id,
      data: { onPublicDisplay: true } as never,
      overrideAccess: false,
      user: alice.user,
    })
    expect(
      (
        (await payload.findByID({ collection: 'media', id: forged.id })) as {
          onPublicDisplay?: boolean
        }
      ).onPublicDisplay,
    ).toBe(false)
    await payload.delete({ collection: 'media', id: forged.id })
  })
})

describe('files that did not pass through the submission upload', () => {
  it('should refuse to replace the bytes of an inspected upload', async () => {
    const c = await campaign({ allowedFileKinds: ['image'] }, 'photo')
    const up = await upload(c.id, await smallPng(), 'first.png')
    expect(up.status).toBe(201)
    await expect(
      payload.update({
        collection: 'media',
        id: up.body.file.id,
        data: {},
        file: { data: await smallPng(), mimetype: 'image/png', name: 'swap.png', size: 203 },
        overrideAccess: false,
        user: alice.user,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const stored = await payload.findByID({ collection: 'media', id: up.body.file.id, depth: 0 })
    expect(stored.filename).toBe(up.body.file.filename)
  })

  it('should not count a file posted straight to the media collection as a checked attachment', async () => {
    const c = await campaign({ allowedFileKinds: ['image'], maxImages: 5 }, 'photo')
    const direct = await payload.create({
      collection: 'media',
      data: {},
      file: { data: await smallPng(), mimetype: 'image/png', name: 'direct.png', size: 203 },
      overrideAccess: false,
      user: alice.user,
    })
    const before = await entryCount()
    const refused = await api.post(
      '/entries',
      entryBody(c.id, { attachments: [{ file: direct.id, caption: '直接上传的图片' }] }),
    )
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    expect(JSON.stringify(refused.body.errors)).toContain('attachments.0.file')
    expect(await entryCount()).toBe(before)
    await payload.delete({ collection: 'media', id: direct.id })
  })

  it("should credit an entry to the submitter's own institution, whatever the body or the account form says", async () => {
    const c = await campaign({})
    const other = await payload.create({
      collection: 'organizations',
      data: {
        name: '别家医院',
        licenceName: '别家医院',
        type: 'medical',
        verification: 'verified',
      },
    })
    await payload.update({
      collection: 'users',
      id: alice.user.id,
      data: { organization: other.id },
      overrideAccess: false,
      user: alice.user,
    })
    const account = await payload.findByID({ collection: 'users', id: alice.user.id, depth: 0 })
    expect(account.organization ?? null).not.toBe(other.id)
    const done = await api.post('/entries', entryBody(c.id, { organization: other.id }))
    expect(done.status).toBe(201)
    const stored = await payload.findByID({
      collection: 'entries',
      id: done.body.entry.id,
      depth: 0,
    })
    expect(stored.organization ?? null).toBe(account.organization ?? null)
    await payload.delete({ collection: 'organizations', id: other.id })
  })
})

describe('the screening word list', () => {
  it('should flag the words the editors added, without refusing the entry', async () => {
    await payload.updateGlobal({ slug: 'screening-words', data: { words: ['独家秘方'] } })
    try {
      const c = await campaign({})
      const done = await api.post(
        '/entries',
        entryBody(c.id, { abstract: '介绍本院独家秘方的做法。' }),
      )
      expect(done.status).toBe(201)
      const stored = (await payload.findByID({
        collection: 'entries',
        id: done.body.entry.id,
        depth: 0,
      })) as unknown as { screeningFlags: { kind: string; field: string; excerpt: string }[] }
      expect(stored.screeningFlags).toEqual([
        expect.objectContaining({ kind: 'promotion', field: 'abstract' }),
      ])
      expect(stored.screeningFlags[0]!.excerpt).toContain('独家秘方')
    } finally {
      await payload.updateGlobal({
        slug: 'screening-words',
        data: { words: [] },
      })
    }
  })
})

describe('hostile files', () => {
  let c: { id: number | string }
  beforeAll(async () => {
    c = await campaign({ allowedFileKinds: ['image', 'docx', 'mp4'] })
  })

  const elf = () =>
    Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)])
  const svg = () =>
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    )
  const bomb = () =>
    sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 9 })
      .toBuffer()
  const zipBomb = () =>
    docxBytes({ body: ['正文'] }, { 'word/media/zeros.bin': Buffer.alloc(300 * MB) })
  const truncatedMp4 = () => {
    const full = mp4Bytes(30, 64 * 1024)
    return full.subarray(0, full.length - 20_000)
  }

  it.each([
    ['an executable renamed .jpg', elf, 'photo.jpg'],
    ['an SVG with a script', svg, 'logo.svg'],
    ['a PNG decompression bomb', bomb, 'bomb.png'],
    ['a zip-bomb .docx', zipBomb, 'case.docx'],
    ['a truncated mp4', truncatedMp4, 'clip.mp4'],
  ] as const)('should refuse %s with a Chinese message and keep serving', async (_, make, name) => {
    const media = await mediaCount()
    const res = await upload(c.id, await make(), name)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors[0].message).toMatch(/[\u4e00-\u9fff]/)
    expect(await mediaCount()).toBe(media)
    const next = await upload(c.id, await smallPng(), 'after.png')
    expect(next.status).toBe(201)
  })

  it('should store a path-traversal name under a safe name inside the media folder', async () => {
    const res = await upload(c.id, await smallPng(), '../../etc/passwd.png')
    expect(res.status).toBe(201)
    const name = res.body.file.filename as string
    expect(name).not.toMatch(/[/\\]|\.\./)
    expect(fs.existsSync(path.join(mediaDir(), name))).toBe(true)
    expect(fs.existsSync(path.join(process.env.EXEMPLAR_DATA_DIR!, 'etc'))).toBe(false)
  })

  it('should refuse an anonymous upload', async () => {
    const res = await submissionsClient(server.url).upload(await smallPng(), 'a.png', {
      campaign: String(c.id),
      track: 'main',
    })
    expect(res.status).toBe(401)
  })

  it('should refuse a plain upload declared above the cap before reading it', async () => {
    const res = await fetch(`${server.url}/api/submissions/uploads`, {
      method: 'POST',
      headers: {
        ...api.headers(),
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(31 * MB),
      },
      body: 'x',
    }).catch((err: unknown) => err)
    // The server answers and drops the connection without reading 31 MB.
    if (res instanceof Response) {
      expect(res.status).toBe(413)
      expect((await res.json()).errors[0].message).toContain('断点续传')
    }
    const next = await upload(c.id, await smallPng(), 'after.png')
    expect(next.status).toBe(201)
  })
})

describe('a resumable upload through tus', () => {
  const tus = (route = '') => `${server.url}/api/submissions/tus${route}`
  const meta = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
      .join(',')

  it('should take a video in chunks and turn it into a media file on completion', async () => {
    const c = await campaign(
      { maxFileBytes: 5 * MB, maxDurationSeconds: 300, allowedFileKinds: ['mp4'] },
      'video',
    )
    const video = mp4Bytes(120, 3 * MB)
    const created = await fetch(tus(), {
      method: 'POST',
      headers: {
        ...api.headers(),
        'tus-resumable': '1.0.0',
        'upload-length': String(video.length),
        'upload-metadata': meta({
          filename: '科普视频.mp4',
          campaign: String(c.id),
          track: 'main',
        }),
      },
    })
    expect(created.status).toBe(201)
    const location = created.headers.get('location')!
    const uploadId = location.split('/').pop()!
    const chunk = 1 * MB
    for (let offset = 0; offset < video.length; offset += chunk) {
      const part = video.subarray(offset, offset + chunk)
      const res = await fetch(tus(`/${uploadId}`), {
        method: 'PATCH',
        headers: {
          ...api.headers(),
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        body: new Uint8Array(part),
      })
      expect(res.status).toBe(204)
      expect(Number(res.headers.get('upload-offset'))).toBe(Math.min(offset + chunk, video.length))
    }
    const head = await fetch(tus(`/${uploadId}`), {
      method: 'HEAD',
      headers: { ...api.headers(), 'tus-resumable': '1.0.0' },
    })
    expect(head.headers.get('upload-offset')).toBe(String(video.length))

    const other = await submissionsClient(server.url, bob.token).post('/uploads/complete', {
      uploadId,
    })
    expect(other.status).toBe(404)

    const done = await api.post('/uploads/complete', { uploadId })
    expect(done.status).toBe(201)
    expect(done.body.file).toMatchObject({
      kind: 'video',
      bytes: video.length,
      durationSeconds: 120,
    })
    const stored = path.join(mediaDir(), done.body.file.filename)
    expect(fs.statSync(stored).size).toBe(video.length)
    const doc = await payload.findByID({ collection: 'media', id: done.body.file.id, depth: 0 })
    expect(doc.filename).toBe(done.body.file.filename)
    expect(String(doc.owner)).toBe(String(alice.user.id))
  })

  it('should cap unfinished uploads per user at three', async () => {
    const c = await campaign({ allowedFileKinds: ['mp4'] }, 'video')
    const start = () =>
      fetch(tus(), {
        method: 'POST',
        headers: {
          ...api.headers(),
          'tus-resumable': '1.0.0',
          'upload-length': '1000',
          'upload-metadata': meta({ filename: 'v.mp4', campaign: String(c.id), track: 'main' }),
        },
      })
    const started = [await start(), await start(), await start()]
    expect(started.map((r) => r.status)).toEqual([201, 201, 201])
    const fourth = await start()
    expect(fourth.status).toBe(429)
    expect(await fourth.text()).toContain('不超过 3 个')
    for (const r of started) {
      const res = await fetch(tus(`/${r.headers.get('location')!.split('/').pop()}`), {
        method: 'DELETE',
        headers: { ...api.headers(), 'tus-resumable': '1.0.0' },
      })
      expect(res.status).toBe(204)
    }
    const again = await start()
    expect(again.status).toBe(201)
    await fetch(tus(`/${again.headers.get('location')!.split('/').pop()}`), {
      method: 'DELETE',
      headers: { ...api.headers(), 'tus-resumable': '1.0.0' },
    })
  })

  it('should keep resumable uploads for video and audio: a PDF is sent whole', async () => {
    const c = await campaign({ allowedFileKinds: ['pdf', 'mp4'] }, 'video')
    const pdf = await fetch(tus(), {
      method: 'POST',
      headers: {
        ...api.headers(),
        'tus-resumable': '1.0.0',
        'upload-length': String(2 * MB),
        'upload-metadata': meta({ filename: '海报.pdf', campaign: String(c.id), track: 'main' }),
      },
    })
    expect(pdf.status).toBe(415)
    expect(await pdf.text()).toContain('断点续传仅用于')
  })

  it('should adopt a finished upload once when two completions race, and count it until then', async () => {
    const c = await campaign({ maxDurationSeconds: 300, allowedFileKinds: ['mp4'] }, 'video')
    const video = mp4Bytes(60, 64 * 1024)
    const finish = async () => {
      const created = await fetch(tus(), {
        method: 'POST',
        headers: {
          ...api.headers(),
          'tus-resumable': '1.0.0',
          'upload-length': String(video.length),
          'upload-metadata': meta({ filename: 'clip.mp4', campaign: String(c.id), track: 'main' }),
        },
      })
      expect(created.status).toBe(201)
      const id = created.headers.get('location')!.split('/').pop()!
      const res = await fetch(tus(`/${id}`), {
        method: 'PATCH',
        headers: {
          ...api.headers(),
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        },
        body: new Uint8Array(video),
      })
      expect(res.status).toBe(204)
      return id
    }
    const ids = [await finish(), await finish(), await finish()]
    // Finished but not completed: still three of the three allowed.
    const fourth = await fetch(tus(), {
      method: 'POST',
      headers: {
        ...api.headers(),
        'tus-resumable': '1.0.0',
        'upload-length': '1000',
        'upload-metadata': meta({ filename: 'v.mp4', campaign: String(c.id), track: 'main' }),
      },
    })
    expect(fourth.status).toBe(429)

    const before = await mediaCount()
    const raced = await Promise.all([
      api.post('/uploads/complete', { uploadId: ids[0] }),
      api.post('/uploads/complete', { uploadId: ids[0] }),
    ])
    // The loser finds the file claimed (409) or, a moment later, already gone (404).
    const [won, lost] = raced.map((r) => r.status).sort()
    expect(won).toBe(201)
    expect([404, 409]).toContain(lost)
    expect(await mediaCount()).toBe(before + 1)

    // The other two expire unclaimed and are swept away with their files.
    const tusDir = path.join(path.dirname(mediaDir()), 'tus-uploads')
    const swept = await sweepExpired(tusDir, 0)
    expect(swept).toBeGreaterThanOrEqual(2)
    for (const id of ids.slice(1)) {
      expect(fs.existsSync(path.join(tusDir, id))).toBe(false)
    }
  })

  it('should refuse an upload longer than the track allows, and anonymous chunks', async () => {
    const c = await campaign({ maxFileBytes: 1 * MB, allowedFileKinds: ['mp4'] }, 'video')
    const tooBig = await fetch(tus(), {
      method: 'POST',
      headers: {
        ...api.headers(),
        'tus-resumable': '1.0.0',
        'upload-length': String(1 * MB + 1),
        'upload-metadata': meta({ filename: 'v.mp4', campaign: String(c.id), track: 'main' }),
      },
    })
    expect(tooBig.status).toBe(413)
    expect(await tooBig.text()).toContain('不超过 1 MB')
    const anonymous = await fetch(tus(), {
      method: 'POST',
      headers: {
        origin: 'http://localhost:4321',
        'tus-resumable': '1.0.0',
        'upload-length': '100',
        'upload-metadata': meta({ filename: 'v.mp4', campaign: String(c.id), track: 'main' }),
      },
    })
    expect(anonymous.status).toBe(401)
  })
})

/** The decoded text of a MIME message's parts (base64 or quoted-printable). */
function decodeEml(eml: string): string {
  const out: string[] = [eml]
  for (const m of eml.matchAll(
    /Content-Transfer-Encoding: base64\r?\n(?:.*\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/g,
  )) {
    out.push(Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'))
  }
  for (const m of eml.matchAll(
    /Content-Transfer-Encoding: quoted-printable\r?\n(?:.*\r?\n)*?\r?\n([\s\S]*?)(?:\r?\n--|$)/g,
  )) {
    const qp = m[1]!.replace(/=\r?\n/g, '')
    out.push(
      Buffer.from(
        qp.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8'),
    )
  }
  return out.join('\n')
}
