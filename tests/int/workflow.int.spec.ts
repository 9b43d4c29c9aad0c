import {
  DEFAULT_TRANSITION_REASONS,
  ENTRY_ACTIONS,
  ENTRY_STATES,
  TRANSITIONS,
  transitionOf,
  type EntryAction,
  type EntryState,
} from '@exemplar/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import fs from 'node:fs'
import path from 'node:path'

import { makeWorld, smallPng, type Doc, type World } from '../helpers/accessFixtures'
import { apiClient, type ApiClient, type Json } from '../helpers/api'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp'

/**
 * The entry workflow on the real CMS: every (state, action, actor) of the
 * domain's transition table through `POST /api/workflow/entries/:id/transitions`
 * — each listed one succeeds with exactly one history row, every other is
 * refused with 403 or 409 and leaves the entry as it was — and the status
 * cannot be written any other way over REST or GraphQL.
 */
const KEY = 'workflow'
let t: TestPayload
let api: ApiClient
let w: World
let smtp: TestSmtpServer
let refuseMail = false
let campaign: Doc
let votingClosed: Doc

const day = 86_400_000
const open = () => ({
  startsAt: new Date(Date.now() - day).toISOString(),
  endsAt: new Date(Date.now() + 30 * day).toISOString(),
})
const closed = () => ({
  startsAt: new Date(Date.now() - 30 * day).toISOString(),
  endsAt: new Date(Date.now() - 20 * day).toISOString(),
})

beforeAll(async () => {
  smtp = await startSmtpServer({ refuse: () => refuseMail })
  process.env.SMTP_URL = smtp.url
  t = await bootPayload(KEY)
  api = apiClient(t.payload, KEY)
  w = await makeWorld(t.payload)
  const kinds = ['submission', 'screening', 'voting', 'review', 'publicity', 'results']
  const make = async (slug: string, phases: Json[]) =>
    (await t.payload.create({
      collection: 'campaigns',
      data: {
        title: `流转测试 ${slug}`,
        slug,
        year: 2026,
        _status: 'published',
        tracks: [{ key: 'case', name: '图文案例', kind: 'text-image' }],
        phases,
      } as never,
      depth: 0,
    })) as unknown as Doc
  campaign = await make(
    'workflow-open',
    kinds.map((kind) => ({ kind, ...open() })),
  )
  votingClosed = await make('workflow-voting-closed', [{ kind: 'voting', ...closed() }])
})

afterAll(async () => {
  await t?.cleanup()
  await smtp?.stop()
  delete process.env.SMTP_URL
})

async function entryIn(state: EntryState, where: Doc = campaign): Promise<Doc> {
  return (await t.payload.create({
    collection: 'entries',
    data: {
      title: `流转 ${state} ${Math.random().toString(36).slice(2, 8)}`,
      campaign: where.id,
      track: 'case',
      status: state,
      submittedBy: w.users.participant.id,
    } as never,
    depth: 0,
  })) as unknown as Doc
}

async function stored(id: unknown): Promise<Json> {
  return (await t.payload.findByID({
    collection: 'entries',
    id: id as number,
    depth: 0,
  })) as unknown as Json
}

const reasonFor = (action: EntryAction) => {
  const code = DEFAULT_TRANSITION_REASONS.find((r) => r.actions.includes(action))?.code
  return { code, text: `测试说明：${action}` }
}

const act = (id: unknown, action: string, token: string | undefined, reason?: Json) =>
  api.rest('POST', `/workflow/entries/${String(id)}/transitions`, {
    token,
    body: reason ? { action, reason } : { action },
  })

type Actor = 'editor' | 'admin' | 'submitter' | 'otherParticipant' | 'reviewer' | 'partner'
const ACTORS: Actor[] = ['editor', 'admin', 'submitter', 'otherParticipant', 'reviewer', 'partner']
const tokenOf = (a: Actor) =>
  w.tokens[a === 'submitter' ? 'participant' : a === 'otherParticipant' ? 'participant' : a]

/** What the table says: 200, or the refusal's status (403 role, 409 state / form-only). */
function expected(state: EntryState, action: EntryAction, actor: Actor): number {
  const row = transitionOf(action)
  const editor = actor === 'editor' || actor === 'admin'
  const allowed = row.actor === 'editor' ? editor : actor === 'submitter'
  if (!allowed) {
    return 403
  }
  if (!row.from.includes(state) || row.formOnly) {
    return 409
  }
  return 200
}

describe('the transition table, walked', () => {
  it('should apply every listed (state, action, actor) with one history row and refuse every other', async () => {
    let legal = 0
    let refused = 0
    for (const state of ENTRY_STATES) {
      const standing = await entryIn(state)
      const rowsBefore = ((await stored(standing.id)).history as unknown[]).length
      for (const action of ENTRY_ACTIONS) {
        for (const actor of ACTORS) {
          if (actor === 'otherParticipant') {
            continue // below, on an entry the signed-in participant did not submit
          }
          const want = expected(state, action, actor)
          const row = transitionOf(action)
          const reason = row.needsReason ? reasonFor(action) : undefined
          if (want !== 200) {
            const reply = await act(standing.id, action, tokenOf(actor), reason)
            expect(
              reply.status,
              `${state} × ${action} × ${actor}: ${JSON.stringify(reply.body)}`,
            ).toBe(want)
            expect(reply.body.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/)
            refused++
            continue
          }
          const entry = await entryIn(state)
          const before = ((await stored(entry.id)).history as unknown[]).length
          const reply = await act(entry.id, action, tokenOf(actor), reason)
          expect(
            reply.status,
            `${state} × ${action} × ${actor}: ${JSON.stringify(reply.body)}`,
          ).toBe(200)
          const after = await stored(entry.id)
          expect(after.status).toBe(row.to)
          const history = after.history as Json[]
          expect(history).toHaveLength(before + 1)
          expect(history.at(-1)).toMatchObject({
            from: state,
            to: row.to,
            action,
            role: actor === 'submitter' ? 'participant' : actor,
            ...(reason ? { reasonCode: reason.code, reason: reason.text } : {}),
          })
          legal++
        }
      }
      const unchanged = await stored(standing.id)
      expect(unchanged.status, `${state} after every refusal`).toBe(state)
      expect((unchanged.history as unknown[]).length).toBe(rowsBefore)
    }
    // Every (from, action) pair of the table ran once per allowed actor.
    const pairs = TRANSITIONS.filter((r) => !r.formOnly).reduce(
      (n, r) => n + r.from.length * (r.actor === 'editor' ? 2 : 1),
      0,
    )
    expect(legal).toBe(pairs)
    expect(refused).toBeGreaterThan(500)
  })

  it('should refuse a participant acting on an entry someone else submitted', async () => {
    const entry = await entryIn('submitted')
    await t.payload.update({
      collection: 'entries',
      id: entry.id as number,
      data: { submittedBy: w.users.other.id } as never,
    })
    const reply = await act(entry.id, 'withdraw', w.tokens.participant)
    expect(reply.status).toBe(403)
    expect((await stored(entry.id)).status).toBe('submitted')
  })

  it('should answer 401 to a signed-out caller and 404 to an entry that does not exist', async () => {
    const entry = await entryIn('screening')
    expect((await act(entry.id, 'accept', undefined)).status).toBe(401)
    expect((await act(999_999, 'accept', w.tokens.editor)).status).toBe(404)
  })

  it('should refuse an action outside its phase with 409 naming the phase', async () => {
    const entry = await entryIn('accepted', votingClosed)
    const reply = await act(entry.id, 'openVoting', w.tokens.editor)
    expect(reply.status).toBe(409)
    expect(reply.body.errors[0]).toMatchObject({ code: 'phaseClosed' })
    expect(reply.body.errors[0].message).toContain('公众投票')
    expect((await stored(entry.id)).status).toBe('accepted')
  })
})

describe('reasons', () => {
  it('should ask for a reason code, a known one for this action, and a text, naming the field', async () => {
    const entry = await entryIn('screening')
    const cases: [Json | undefined, string][] = [
      [undefined, 'reason.code'],
      [{ code: 'no-such-reason', text: '说明' }, 'reason.code'],
      [{ code: 'fraud', text: '说明' }, 'reason.code'], // fraud is for revoking only
      [{ code: 'incomplete' }, 'reason.text'],
      [{ code: 'incomplete', text: 'x'.repeat(1001) }, 'reason.text'],
    ]
    for (const [reason, field] of cases) {
      const reply = await act(entry.id, 'return', w.tokens.editor, reason)
      expect(reply.status, JSON.stringify(reason)).toBe(400)
      expect(reply.body.errors[0].field).toBe(field)
    }
    expect((await stored(entry.id)).status).toBe('screening')
  })

  it('should copy the label into the history row, so a later rename does not rewrite it', async () => {
    const entry = await entryIn('screening')
    const reply = await act(entry.id, 'return', w.tokens.editor, {
      code: 'incomplete',
      text: '缺少附件',
    })
    expect(reply.status).toBe(200)
    const { docs } = await t.payload.find({
      collection: 'workflow-reasons',
      where: { code: { equals: 'incomplete' } },
    })
    await t.payload.update({
      collection: 'workflow-reasons',
      id: docs[0]!.id,
      data: { label: '改名后的原因' },
    })
    const row = ((await stored(entry.id)).history as Json[]).at(-1)
    expect(row).toMatchObject({
      reasonCode: 'incomplete',
      reasonLabel: '材料不全',
      reason: '缺少附件',
    })
  })
})

describe('bulk', () => {
  it('should apply to each entry it can and list the others with their reasons', async () => {
    const a = await entryIn('screening')
    const b = await entryIn('screening')
    const c = await entryIn('accepted')
    const reply = await api.rest('POST', '/workflow/entries/transitions', {
      token: w.tokens.editor,
      body: { ids: [a.id, b.id, c.id], action: 'accept' },
    })
    expect(reply.status).toBe(200)
    expect(reply.body.done).toHaveLength(2)
    expect(reply.body.refused).toEqual([
      expect.objectContaining({ id: c.id, code: 'illegalTransition', status: 409 }),
    ])
    expect((await stored(a.id)).status).toBe('accepted')
    expect((await stored(b.id)).status).toBe('accepted')
  })

  it('should refuse with one status when none went, and cap the list', async () => {
    const a = await entryIn('draft')
    const none = await api.rest('POST', '/workflow/entries/transitions', {
      token: w.tokens.editor,
      body: { ids: [a.id], action: 'accept' },
    })
    expect(none.status).toBe(409)
    const many = await api.rest('POST', '/workflow/entries/transitions', {
      token: w.tokens.editor,
      body: { ids: Array.from({ length: 501 }, (_, i) => i + 1), action: 'accept' },
    })
    expect(many.status).toBe(400)
    expect(many.body.errors[0]).toMatchObject({ field: 'ids', code: 'tooMany', limit: 500 })
  })
})

describe('the status has no other way in', () => {
  it('should refuse REST writes of the status, editors included, and let a save that keeps it pass', async () => {
    const entry = await entryIn('screening')
    const patch = await api.rest('PATCH', `/entries/${String(entry.id)}`, {
      token: w.tokens.editor,
      body: { status: 'accepted' },
    })
    expect(patch.status).toBe(403)
    const keep = await api.rest('PATCH', `/entries/${String(entry.id)}`, {
      token: w.tokens.editor,
      body: { status: 'screening', title: '改了标题' },
    })
    expect(keep.status).toBe(200)
    const bulk = await api.rest('PATCH', `/entries?where[id][equals]=${String(entry.id)}`, {
      token: w.tokens.editor,
      body: { status: 'accepted' },
    })
    expect(bulk.status).toBe(403)
    const create = await api.rest('POST', '/entries', {
      token: w.tokens.editor,
      body: { title: '直接获奖', campaign: campaign.id, track: 'case', status: 'awarded' },
    })
    expect(create.status).toBe(403)
    expect((await stored(entry.id)).status).toBe('screening')
  })

  it('should refuse a GraphQL write of the status', async () => {
    const entry = await entryIn('screening')
    const reply = await api.graphql(
      `mutation { updateEntry(id: ${String(entry.id)}, data: { status: accepted }) { id status } }`,
      {},
      w.tokens.editor,
    )
    expect(reply.data?.updateEntry ?? null).toBeNull()
    expect(reply.errors.length).toBeGreaterThan(0)
    expect((await stored(entry.id)).status).toBe('screening')
  })

  it('should not let anyone write the history through REST', async () => {
    const entry = await entryIn('draft')
    await api.rest('PATCH', `/entries/${String(entry.id)}`, {
      token: w.tokens.editor,
      body: { history: [{ from: 'draft', to: 'awarded', at: new Date().toISOString() }] },
    })
    const history = (await stored(entry.id)).history as Json[]
    expect(history.some((h) => h.to === 'awarded')).toBe(false)
  })
})

describe('notifications', () => {
  it('should tell the submitter by email through the jobs queue, and keep the transition while SMTP refuses', async () => {
    // Tests above queued a mail per editor transition: send those first.
    await t.payload.jobs.run({ queue: 'workflow', limit: 1000 })
    const entry = await entryIn('screening')
    refuseMail = true
    const reply = await act(entry.id, 'return', w.tokens.editor, {
      code: 'format',
      text: '请改用 docx 格式',
    })
    expect(reply.status).toBe(200)
    await t.payload.jobs.run({ queue: 'workflow' })
    expect((await stored(entry.id)).status).toBe('returned')
    const jobs = await t.payload.find({
      collection: 'payload-jobs',
      where: { queue: { equals: 'workflow' }, completedAt: { exists: false } },
      depth: 0,
    })
    expect(jobs.docs).toHaveLength(1)
    const job = jobs.docs[0] as unknown as Json
    expect(job.totalTried).toBe(1)
    expect(new Date(job.waitUntil as string).getTime()).toBeGreaterThan(Date.now())
    // The backoff's wait, passed: the retry finds the server accepting.
    refuseMail = false
    await t.payload.update({
      collection: 'payload-jobs',
      id: job.id as number,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() } as never,
    })
    await t.payload.jobs.run({ queue: 'workflow' })
    const mail = await smtp.waitFor((m) => m.text?.includes('请改用 docx 格式') ?? false, 10_000)
    expect(mail.subject).toContain('退回修改')
    expect(mail.text).toContain('原因：格式不符合要求')
    expect(mail.text).toContain(`/my/entries/${String(entry.id)}`)
    expect((mail.to as { text: string }).text).toContain(String(w.users.participant.email))
  })
})

describe('the pin at screening', () => {
  async function withPhoto(): Promise<{ entry: Doc; file: string }> {
    const media = (await t.payload.create({
      collection: 'media',
      data: { owner: w.users.participant.id } as never,
      file: { data: await smallPng(), mimetype: 'image/png', name: 'pin.png', size: 100 },
      depth: 0,
    })) as unknown as Doc
    const entry = (await t.payload.create({
      collection: 'entries',
      data: {
        title: '锁定测试',
        campaign: campaign.id,
        track: 'case',
        status: 'submitted',
        submittedBy: w.users.participant.id,
        abstract: '摘要',
        attachments: [{ file: media.id, caption: '照片' }],
      } as never,
      depth: 0,
    })) as unknown as Doc
    const upload = t.payload.collections.media.config.upload
    const dir = typeof upload === 'object' ? String(upload.staticDir) : ''
    return { entry, file: path.join(path.resolve(dir), String(media.filename)) }
  }

  const verify = (id: unknown) =>
    api.rest('GET', `/workflow/entries/${String(id)}/pin`, { token: w.tokens.editor })

  it('should pin the version, its canonical hash and each file when screening starts', async () => {
    const { entry, file } = await withPhoto()
    expect((await verify(entry.id)).body).toEqual({ pinned: false })
    expect((await act(entry.id, 'startScreening', w.tokens.editor)).status).toBe(200)
    const pin = (await stored(entry.id)).pin as Json
    expect(pin.versionId).toBeTruthy()
    expect(pin.sha256).toMatch(/^[0-9a-f]{64}$/)
    const bytes = fs.readFileSync(file)
    const { createHash } = await import('node:crypto')
    expect(pin.files).toEqual([
      expect.objectContaining({
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      }),
    ])
    const version = await t.payload.findVersionByID({ collection: 'entries', id: pin.versionId })
    expect((version as unknown as Json).parent).toBe(entry.id)
    const check = await verify(entry.id)
    expect(check.body).toMatchObject({ pinned: true, ok: true, problems: [] })
    // Later moves keep the pin and do not trip it.
    expect((await act(entry.id, 'accept', w.tokens.editor)).status).toBe(200)
    expect((await verify(entry.id)).body).toMatchObject({ ok: true })
    expect(((await stored(entry.id)).pin as Json).versionId).toBe(pin.versionId)
  })

  it('should report a stored file whose bytes changed, and content edited past the lock', async () => {
    const { entry, file } = await withPhoto()
    expect((await act(entry.id, 'startScreening', w.tokens.editor)).status).toBe(200)
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file), Buffer.from('tampered')]))
    const afterFile = await verify(entry.id)
    expect(afterFile.body.ok).toBe(false)
    expect(afterFile.body.problems).toEqual([
      expect.objectContaining({ kind: 'file', message: expect.stringContaining('与锁定时不同') }),
    ])
    await t.payload.update({
      collection: 'entries',
      id: entry.id as number,
      data: { abstract: '改过的摘要' },
    })
    const kinds = (await verify(entry.id)).body.problems.map((p: Json) => p.kind)
    expect(kinds).toContain('content')
  })

  it('should show pins to editors only', async () => {
    const { entry } = await withPhoto()
    expect((await act(entry.id, 'startScreening', w.tokens.editor)).status).toBe(200)
    const mine = await api.rest('GET', `/entries/${String(entry.id)}?depth=0`, {
      token: w.tokens.participant,
    })
    expect(mine.status).toBe(200)
    expect(mine.body.pin).toBeUndefined()
    expect(
      (
        await api.rest('GET', `/workflow/entries/${String(entry.id)}/pin`, {
          token: w.tokens.participant,
        })
      ).status,
    ).toBe(403)
  })
})
