import { createSubmissionsHandler, stopResumable } from '@exemplar/plugin-submissions/server'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import {
  participant,
  smallPng,
  submissionCampaign,
  submissionsClient,
} from '../helpers/submissions'
import { listen } from '../helpers/voting'

/**
 * A participant's drafts over real HTTP (the bare Node route cms/server.ts
 * runs): opening the form again takes up their untouched draft instead of
 * another 未命名草稿, and they delete their own drafts, nothing else.
 */
const KEY = 'drafts'

let t: TestPayload
let payload: Payload
let server: { url: string; close: () => Promise<void> }
type Account = Awaited<ReturnType<typeof participant>>
let alice: Account
let bob: Account
let slugs = 0

const api = (who?: Account) => submissionsClient(server.url, who?.token)

async function campaign() {
  return submissionCampaign(payload, {
    slug: `drafts-${++slugs}`,
    requirements: { allowedFileKinds: ['image'] },
  })
}

async function openDraft(who: Account, campaignId: number, extra: Record<string, unknown> = {}) {
  return api(who).post('/drafts', { campaign: campaignId, track: 'main', ...extra })
}

const exists = async (id: number) =>
  (await payload.count({ collection: 'entries', where: { id: { equals: id } } })).totalDocs === 1

beforeAll(async () => {
  t = await bootPayload(KEY)
  payload = t.payload
  alice = await participant(payload, 'alice')
  bob = await participant(payload, 'bob')
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

describe('opening a draft again', () => {
  it("should resume the participant's untouched draft in the same campaign and track", async () => {
    const c = await campaign()
    const first = await openDraft(alice, c.id)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    // The form saves what was typed right after opening: here, nothing.
    const saved = await api(alice).patch(`/drafts/${first.body.entry.id}`, {
      abstract: '',
      sections: [],
      attachments: [],
      authors: [],
      city: '',
      declarations: { original: false, truthful: false, freeUse: false },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const again = await openDraft(alice, c.id)
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body).toMatchObject({ resumed: true, entry: { id: first.body.entry.id } })
    expect(again.body.entry.title).toBe('未命名草稿')
    const drafts = await payload.count({
      collection: 'entries',
      where: { campaign: { equals: c.id } },
    })
    expect(drafts.totalDocs).toBe(1)
  })

  it('should write the fields a request carries onto the resumed draft', async () => {
    const c = await campaign()
    const first = await openDraft(alice, c.id)
    const again = await openDraft(alice, c.id, { title: '社区慢病随访' })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.entry).toMatchObject({ id: first.body.entry.id, title: '社区慢病随访' })
  })

  it('should open another draft once the latest holds written work', async () => {
    const c = await campaign()
    const first = await openDraft(alice, c.id)
    await api(alice).patch(`/drafts/${first.body.entry.id}`, { abstract: '已写的摘要' })
    const second = await openDraft(alice, c.id)
    expect(second.status, JSON.stringify(second.body)).toBe(201)
    expect(second.body.entry.id).not.toBe(first.body.entry.id)
    expect(second.body.resumed).toBeUndefined()
  })

  it("should never resume someone else's draft, nor one of another campaign", async () => {
    const c = await campaign()
    const other = await campaign()
    const alices = await openDraft(alice, c.id)
    const bobs = await openDraft(bob, c.id)
    const elsewhere = await openDraft(alice, other.id)
    expect([bobs.status, elsewhere.status]).toEqual([201, 201])
    const ids = new Set([alices, bobs, elsewhere].map((d) => d.body.entry.id))
    expect(ids.size).toBe(3)
  })

  it('should open one draft when two requests arrive at once', async () => {
    const c = await campaign()
    const [a, b] = await Promise.all([openDraft(alice, c.id), openDraft(alice, c.id)])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    expect(a.body.entry.id).toBe(b.body.entry.id)
  })
})

describe('deleting a draft', () => {
  it('should let the owner delete their draft, its upload left for the sweep', async () => {
    const c = await campaign()
    const photo = await api(alice).upload(await smallPng(), 'draft.png', {
      campaign: String(c.id),
      track: 'main',
    })
    expect(photo.status, JSON.stringify(photo.body)).toBe(201)
    const draft = await openDraft(alice, c.id, {
      attachments: [{ file: photo.body.file.id, caption: '' }],
    })
    const id = draft.body.entry.id as number
    const res = await api(alice).delete(`/entries/${id}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toEqual({ deleted: { id } })
    expect(await exists(id)).toBe(false)
    expect((await api(alice).get(`/entries/${id}`)).status).toBe(404)
    const media = await payload.count({
      collection: 'media',
      where: { id: { equals: photo.body.file.id } },
    })
    expect(media.totalDocs).toBe(1)
  })

  it("should answer 404 for someone else's draft and keep it", async () => {
    const c = await campaign()
    const id = (await openDraft(bob, c.id)).body.entry.id as number
    const res = await api(alice).delete(`/entries/${id}`)
    expect(res.status).toBe(404)
    expect(res.body.errors[0]).toMatchObject({ field: 'id', code: 'entry.notFound' })
    expect(await exists(id)).toBe(true)
  })

  it('should refuse with 409 and a Chinese message once the entry is no longer a draft', async () => {
    const c = await campaign()
    const id = (await openDraft(alice, c.id)).body.entry.id as number
    await payload.update({ collection: 'entries', id, data: { status: 'submitted' } as never })
    const res = await api(alice).delete(`/entries/${id}`)
    expect(res.status).toBe(409)
    expect(res.body.errors).toEqual([
      {
        field: 'status',
        code: 'entry.notDeletable',
        message: '作品当前状态为“已提交”，只有草稿可以删除',
      },
    ])
    expect(await exists(id)).toBe(true)
  })

  it('should refuse an anonymous caller with 401', async () => {
    const c = await campaign()
    const id = (await openDraft(alice, c.id)).body.entry.id as number
    const res = await api().delete(`/entries/${id}`)
    expect(res.status).toBe(401)
    expect(res.body.errors[0].code).toBe('auth.required')
    expect(await exists(id)).toBe(true)
  })

  it('should delete through the Payload endpoint (the Next path) the same way', async () => {
    const c = await campaign()
    const id = (await openDraft(alice, c.id)).body.entry.id as number
    const res = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: KEY,
      request: new Request(`http://localhost:3000/api/submissions/entries/${id}`, {
        method: 'DELETE',
        headers: api(alice).headers(),
      }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ deleted: { id } })
    expect(await exists(id)).toBe(false)
  })
})
