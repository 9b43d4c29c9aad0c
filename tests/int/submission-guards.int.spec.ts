import { createSubmissionsHandler, stopResumable } from '@exemplar/plugin-submissions/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import {
  participant,
  restClient,
  smallPng,
  submissionCampaign,
  submissionsClient,
} from '../helpers/submissions'
import { listen } from '../helpers/voting'

/**
 * The submission rules on the collections themselves, however a hostile
 * client writes (Payload's REST routes, the Local API with the user's
 * access): no foreign file on one's entry, no draft outside the submission
 * window, no media owned by someone else.
 */
const KEY = 'submission-guards'

let t: TestPayload
let payload: Payload
let server: { url: string; close: () => Promise<void> }
type Account = Awaited<ReturnType<typeof participant>>
type Campaign = Awaited<ReturnType<typeof campaign>>
let alice: Account
let bob: Account
let editor: Account
let slugs = 0

const rest = (who?: Account) => restClient(payload.config, KEY, who?.token)
const api = (who: Account) => submissionsClient(server.url, who.token)

async function campaign(
  requirements: Record<string, unknown>,
  kind = 'text-image',
  window: { startsAt?: Date; endsAt?: Date } = {},
) {
  return submissionCampaign(payload, { slug: `guard-${++slugs}`, kind, requirements, ...window })
}

async function uploadPhoto(who: Account, campaignId: number, name = 'photo.png') {
  const res = await api(who).upload(await smallPng(), name, {
    campaign: String(campaignId),
    track: 'main',
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.file as { id: number; filename: string }
}

beforeAll(async () => {
  t = await bootPayload(KEY)
  payload = t.payload
  alice = await participant(payload, 'alice')
  bob = await participant(payload, 'bob')
  editor = await participant(payload, 'editor', { role: 'editor' })
  const handler = createSubmissionsHandler(payload)
  server = await listen((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(404).end()
    }
  })
})

afterAll(async () => {
  await server?.close()
  if (payload) {
    stopResumable(payload)
  }
  await t?.cleanup()
})

describe("an entry's attachments, however the entry is written", () => {
  let c: Campaign
  let alicePhoto: { id: number }
  let bobDraft: number
  beforeAll(async () => {
    c = await campaign({ allowedFileKinds: ['image'] })
    alicePhoto = await uploadPhoto(alice, c.id, 'private.png')
    bobDraft = (await api(bob).post('/drafts', { campaign: c.id, track: 'main' })).body.entry.id
  })

  it("should refuse another user's upload attached to one's own draft through REST, naming the field", async () => {
    const res = await rest(bob).patch(`/entries/${bobDraft}`, {
      attachments: [{ file: alicePhoto.id, caption: '借用' }],
    })
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.body)).toContain('attachments.0.file')
    expect(JSON.stringify(res.body)).toContain('第 1 个附件的文件不存在或不是提交人本人上传的')
    const stored = await payload.findByID({ collection: 'entries', id: bobDraft, depth: 0 })
    expect(stored.attachments ?? []).toEqual([])
  })

  it('should refuse it through the Local API as the user, on create and on update', async () => {
    const before = (await payload.count({ collection: 'entries' })).totalDocs
    await expect(
      payload.create({
        collection: 'entries',
        data: {
          title: '借图',
          campaign: c.id,
          track: 'main',
          status: 'draft',
          attachments: [{ file: alicePhoto.id }],
        },
        overrideAccess: false,
        user: bob.user,
      }),
    ).rejects.toMatchObject({ status: 422 })
    expect((await payload.count({ collection: 'entries' })).totalDocs).toBe(before)
    await expect(
      payload.update({
        collection: 'entries',
        id: bobDraft,
        data: { attachments: [{ file: alicePhoto.id }] },
        overrideAccess: false,
        user: bob.user,
      }),
    ).rejects.toMatchObject({
      status: 422,
      data: { errors: [expect.objectContaining({ field: 'attachments.0.file' })] },
    })
  })

  it("should take the submitter's own upload", async () => {
    const own = await uploadPhoto(bob, c.id, 'own.png')
    const res = await rest(bob).patch(`/entries/${bobDraft}`, { attachments: [{ file: own.id }] })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const stored = await payload.findByID({ collection: 'entries', id: bobDraft, depth: 0 })
    expect(stored.attachments?.map((a) => a.file)).toEqual([own.id])
  })
})

describe('the submission window, on the entries collection itself', () => {
  let closed: Campaign
  beforeAll(async () => {
    closed = await campaign({}, 'text-image', {
      startsAt: new Date('2020-05-01T00:00:00Z'),
      endsAt: new Date('2020-06-30T16:00:00Z'),
    })
  })

  it('should refuse a draft created through REST in a campaign that closed in 2020, naming the deadline in Beijing time', async () => {
    const before = (await payload.count({ collection: 'entries' })).totalDocs
    const res = await rest(bob).post('/entries', {
      title: '过期的草稿',
      campaign: closed.id,
      track: 'main',
    })
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.body)).toContain('征集已于 2020-07-01 00:00（北京时间）截止')
    expect((await payload.count({ collection: 'entries' })).totalDocs).toBe(before)
  })

  it("should refuse a submitter's edit of a draft after the deadline, and take one of a returned entry", async () => {
    const make = (status: 'draft' | 'returned') =>
      payload.create({
        collection: 'entries',
        data: {
          title: status,
          campaign: closed.id,
          track: 'main',
          status,
          submittedBy: bob.user.id,
        },
      })
    const draft = await make('draft')
    const returned = await make('returned')
    await expect(
      payload.update({
        collection: 'entries',
        id: draft.id,
        data: { title: '截止后修改' },
        overrideAccess: false,
        user: bob.user,
      }),
    ).rejects.toMatchObject({
      status: 422,
      data: { errors: [expect.objectContaining({ field: 'campaign', code: 'deadline.closed' })] },
    })
    expect((await payload.findByID({ collection: 'entries', id: draft.id })).title).toBe('draft')
    const changed = await payload.update({
      collection: 'entries',
      id: returned.id,
      data: { title: '按意见修改' },
      overrideAccess: false,
      user: bob.user,
    })
    expect(changed.title).toBe('按意见修改')
  })

  it('should refuse a draft before the window opens', async () => {
    const upcoming = await campaign({}, 'text-image', {
      startsAt: new Date(Date.now() + 10 * 86_400_000),
      endsAt: new Date(Date.now() + 20 * 86_400_000),
    })
    await expect(
      payload.create({
        collection: 'entries',
        data: { title: '太早', campaign: upcoming.id, track: 'main', status: 'draft' },
        overrideAccess: false,
        user: bob.user,
      }),
    ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('征集尚未开始') })
  })

  it('should let an editor record an entry in a closed campaign', async () => {
    const res = await rest(editor).post('/entries', {
      title: '补录',
      campaign: closed.id,
      track: 'main',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  })
})

describe('who owns an upload', () => {
  it('should make the uploader the owner, whatever the client sends, on create and on update', async () => {
    const local = await payload.create({
      collection: 'media',
      data: { owner: alice.user.id },
      file: { data: await smallPng(), mimetype: 'image/png', name: 'mine.png', size: 203 },
      overrideAccess: false,
      user: bob.user,
    })
    expect((await payload.findByID({ collection: 'media', id: local.id, depth: 0 })).owner).toBe(
      bob.user.id,
    )
    const viaRest = await rest(bob).upload('media', await smallPng(), 'rest.png', 'image/png', {
      owner: alice.user.id,
    })
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(201)
    const id = viaRest.body.doc.id as number
    expect((await payload.findByID({ collection: 'media', id, depth: 0 })).owner).toBe(bob.user.id)
    await rest(bob).patch(`/media/${id}`, { owner: alice.user.id })
    expect((await payload.findByID({ collection: 'media', id, depth: 0 })).owner).toBe(bob.user.id)
    await payload.delete({ collection: 'media', where: { id: { in: [local.id, id] } } })
  })
})
