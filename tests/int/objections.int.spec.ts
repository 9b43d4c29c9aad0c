import { formatCertificateNumber } from '@exemplar/domain'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeWorld } from '../helpers/accessFixtures'
import { apiClient, type ApiClient, type Json } from '../helpers/api'
import type { Doc, World } from '../helpers/fixtureParts'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { recipientsOf, startSmtpServer, type TestSmtpServer } from '../helpers/smtp'

/**
 * Objections in publicity on the real config: refused with a clear message
 * and nothing stored outside the window; upheld by an editor, the entry is
 * revoked through the workflow (history row with the reason class), its
 * certificate moves to 已撤销, the results are frozen again with the
 * reason, and the objector is told by mail.
 */
const KEY = 'objections'
const day = 86_400_000
let t: TestPayload
let api: ApiClient
let w: World
let smtp: TestSmtpServer
let open: Doc
let closed: Doc

const span = (from: number, to: number) => ({
  startsAt: new Date(Date.now() + from * day).toISOString(),
  endsAt: new Date(Date.now() + to * day).toISOString(),
})

async function campaign(slug: string, publicity: { startsAt: string; endsAt: string }) {
  return (await t.payload.create({
    collection: 'campaigns',
    data: {
      title: `异议测试 ${slug}`,
      slug,
      year: 2026,
      _status: 'published',
      tracks: [{ key: 'case', name: '图文案例', kind: 'text-image' }],
      phases: [{ kind: 'publicity', ...publicity }],
    } as never,
    depth: 0,
  })) as unknown as Doc
}

async function entryIn(where: Doc, status: string): Promise<Doc> {
  return (await t.payload.create({
    collection: 'entries',
    data: {
      title: `公示作品 ${Math.random().toString(36).slice(2, 8)}`,
      campaign: where.id,
      track: 'case',
      status,
      submittedBy: w.users.other.id,
    } as never,
    depth: 0,
  })) as unknown as Doc
}

const objections = async () =>
  (await t.payload.count({ collection: 'objections' as never })).totalDocs

beforeAll(async () => {
  smtp = await startSmtpServer()
  process.env.SMTP_URL = smtp.url
  t = await bootPayload(KEY)
  api = apiClient(t.payload, KEY)
  w = await makeWorld(t.payload)
  open = await campaign('objections-open', span(-2, 5))
  closed = await campaign('objections-closed', span(-30, -23))
})

afterAll(async () => {
  await t?.cleanup()
  await smtp?.stop()
  delete process.env.SMTP_URL
})

describe('objections in publicity', () => {
  it('should refuse an objection outside the publicity window with a clear message, storing nothing', async () => {
    const late = await entryIn(closed, 'publicity')
    const reply = await api.rest('POST', '/objections/raise', {
      token: w.tokens.participant,
      body: { entry: late.id, text: '该案例数据虚报' },
    })
    expect(reply.status).toBe(409)
    expect(reply.body.errors[0].message).toMatch(
      /异议只在公示期内受理（.+北京时间），现在不在公示期内/,
    )
    const anonymous = await api.rest('POST', '/objections/raise', {
      body: { entry: late.id, text: '该案例数据虚报' },
    })
    expect(anonymous.status).toBe(401)
    expect(await objections()).toBe(0)
  })

  it('should revoke an upheld entry through the workflow, revoke its certificate, freeze again and tell the objector', async () => {
    const entry = await entryIn(open, 'awarded')
    const certificate = (await t.payload.create({
      collection: 'certificates',
      data: {
        number: formatCertificateNumber(2026, 1),
        year: 2026,
        serial: 1,
        kind: 'award',
        status: 'valid',
        campaign: open.id,
        entry: entry.id,
        issuedAt: new Date().toISOString(),
        record: { v: 1 },
        signature: 'c2ln',
        keyId: '0123456789abcdef',
      } as never,
      depth: 0,
    })) as unknown as Doc
    const first = await api.rest('POST', '/results/freeze', {
      token: w.tokens.editor,
      body: { campaign: open.id },
    })
    expect(first.status).toBe(201)

    const raised = await api.rest('POST', '/objections/raise', {
      token: w.tokens.participant,
      body: { entry: entry.id, text: '该案例的随访率数据与原始记录不符' },
    })
    expect(raised.status).toBe(201)
    const id = raised.body.objection.id as number
    // The objector reads their own; another participant does not see it.
    const mine = await api.rest('GET', `/objections/${id}`, { token: w.tokens.participant })
    expect(mine.status).toBe(200)
    const notMine = await api.rest('GET', '/objections', { token: w.tokens.partner })
    expect(notMine.body.docs).toEqual([])

    const refused = await api.rest('POST', `/objections/${id}/decide`, {
      token: w.tokens.participant,
      body: { decision: 'uphold', reason: '查实' },
    })
    expect(refused.status).toBe(403)
    const decided = await api.rest('POST', `/objections/${id}/decide`, {
      token: w.tokens.editor,
      body: { decision: 'uphold', reason: '经核实随访率数据虚报' },
    })
    expect(decided.status).toBe(200)
    expect(decided.body.objection.status).toBe('upheld')

    const stored = (await t.payload.findByID({
      collection: 'entries',
      id: entry.id as number,
      depth: 0,
    })) as unknown as Json
    expect(stored.status).toBe('revoked')
    expect(stored.history.at(-1)).toMatchObject({
      action: 'revoke',
      reasonCode: 'fraud',
      reason: '经核实随访率数据虚报',
    })
    const after = (await t.payload.findByID({
      collection: 'certificates',
      id: certificate.id as number,
      depth: 0,
    })) as unknown as Json
    expect(after.status).toBe('revoked')
    expect(after.revokedReason).toBe('公示期间查实弄虚作假')
    const { docs: snapshots } = await t.payload.find({
      collection: 'result-snapshots',
      where: { campaign: { equals: open.id } },
      sort: 'sequence',
      depth: 0,
    })
    expect(snapshots.map((s) => s.sequence)).toEqual([1, 2])
    expect(snapshots[1]!.reason).toBe('异议成立：经核实随访率数据虚报')
    expect(decided.body.objection.snapshotId).toBe(String(snapshots[1]!.id))

    const mail = await smtp.waitFor((m) => m.subject?.includes('异议成立') ?? false, 10_000)
    expect(mail.text).toContain('经核实随访率数据虚报')
  })

  it('should carry evidence the objector uploaded, refuse anyone else’s file, and keep it from other readers', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#c33' },
    })
      .png()
      .toBuffer()
    const upload = async (token: string, name: string) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name)
      const reply = await api.rest('POST', '/media', { token, form })
      expect(reply.status, JSON.stringify(reply.body)).toBe(201)
      return reply.body.doc.id as number
    }
    const mine = await upload(w.tokens.participant, '截图.png')
    // Another participant's upload, as the submission form stores one.
    const theirs = (
      (await t.payload.create({
        collection: 'media',
        data: { owner: w.users.other.id, submissionUpload: true } as never,
        file: { data: png, mimetype: 'image/png', name: 'theirs.png', size: png.length },
        depth: 0,
      })) as unknown as Doc
    ).id
    const entry = await entryIn(open, 'publicity')
    const before = await objections()
    const raise = (evidence: unknown) =>
      api.rest('POST', '/objections/raise', {
        token: w.tokens.participant,
        body: { entry: entry.id, text: '获奖案例的照片系他院活动照片', evidence },
      })
    const foreign = await raise([theirs])
    expect(foreign.status).toBe(400)
    expect(foreign.body.errors[0]).toMatchObject({ field: 'evidence', code: 'notYours' })
    const many = await raise([mine, mine, mine, mine])
    expect(many.body.errors[0]).toMatchObject({ field: 'evidence', code: 'tooMany', limit: 3 })
    expect(await objections()).toBe(before)

    const raised = await raise([mine])
    expect(raised.status).toBe(201)
    const stored = (await t.payload.findByID({
      collection: 'objections' as never,
      id: raised.body.objection.id,
      depth: 0,
    })) as unknown as Doc
    expect(stored.evidence).toEqual([mine])
    // The file stays the objector's and the committee's: another reader cannot fetch it.
    expect((await api.rest('GET', `/media/${mine}`, { token: w.tokens.partner })).status).not.toBe(
      200,
    )
    expect((await api.rest('GET', `/media/${mine}`)).status).not.toBe(200)
    expect((await api.rest('GET', `/media/${mine}`, { token: w.tokens.editor })).status).toBe(200)
  })

  it('should take an objection from a reader who proved an email by the voting code, and tell them the decision there', async () => {
    const address = 'dugu.reader@example.org'
    const sent = await api.rest('POST', '/voting/code', { body: { channel: 'email', address } })
    expect(sent.status).toBe(202)
    const mail = await smtp.waitFor((m) => recipientsOf(m).includes(address), 10_000)
    const code = /验证码是 (\d{6})/.exec(mail.text ?? '')?.[1]
    expect(code).toMatch(/^\d{6}$/)
    const verified = await api.rest('POST', '/voting/verify', { body: { address, code } })
    expect(verified.status).toBe(200)
    const voter = { authorization: `Voter ${verified.body.token as string}` }
    const entry = await entryIn(open, 'publicity')
    const before = await objections()
    const raise = (body: Record<string, unknown>, headers: Record<string, string> = voter) =>
      api.rest('POST', '/objections/raise', {
        headers,
        body: { entry: entry.id, text: '该案例的患者照片未经本人同意', ...body },
      })

    // No address, an address the token does not prove, no token, evidence: each refused, nothing stored.
    expect((await raise({})).status).toBe(401)
    const other = await raise({ contact: 'someone.else@example.org' })
    expect(other.status).toBe(401)
    expect(other.body.errors[0]).toMatchObject({ field: 'contact', code: 'unverified' })
    expect((await raise({ contact: address }, {})).status).toBe(401)
    const huge = await raise({ contact: 'x'.repeat(5_000) })
    expect(huge.body.errors[0]).toMatchObject({ field: 'contact', code: 'invalid', limit: 320 })
    const withFile = await raise({ contact: address, evidence: [1] })
    expect(withFile.status).toBe(400)
    expect(withFile.body.errors[0]).toMatchObject({ field: 'evidence', code: 'accountRequired' })
    expect(await objections()).toBe(before)

    const raised = await raise({ contact: ' Dugu.Reader@Example.org ' })
    expect(raised.status, JSON.stringify(raised.body)).toBe(201)
    const again = await raise({ contact: address })
    expect(again.status).toBe(409)
    expect(again.body.errors[0]).toMatchObject({ code: 'duplicate' })

    const id = raised.body.objection.id as number
    const seen = await api.rest('GET', `/objections/${id}`, { token: w.tokens.editor })
    expect(seen.body.contactMasked).toBe('du***@example.org')
    expect(seen.body.objector ?? null).toBeNull()
    expect(seen.body).not.toHaveProperty('contact')
    const decided = await api.rest('POST', `/objections/${id}/decide`, {
      token: w.tokens.editor,
      body: { decision: 'dismiss', reason: '照片已取得患者书面同意' },
    })
    expect(decided.status).toBe(200)
    expect(decided.body.objection).not.toHaveProperty('contact')
    const notice = await smtp.waitFor(
      (m) => recipientsOf(m).includes(address) && (m.subject?.includes('异议不成立') ?? false),
      10_000,
    )
    expect(notice.text).toContain('照片已取得患者书面同意')
  })
})
