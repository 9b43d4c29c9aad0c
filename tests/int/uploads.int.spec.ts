import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { imageSizesSettled } from '@exemplar/plugin-submissions'
import { createSubmissionsHandler, stopResumable } from '@exemplar/plugin-submissions/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import {
  participant,
  pdfBytes,
  restClient,
  smallPng,
  submissionCampaign,
  submissionsClient,
  tusClient,
} from '../helpers/submissions'
import { listen } from '../helpers/voting'

/**
 * Uploads as a hostile client tries them, on the real CMS config: tus
 * requests on uploads without metadata, per-user quotas counted in the
 * database, the sweep of orphans and idle uploads on the jobs queue,
 * Payload's own upload size cap, and the headers stored files are served
 * with. (Attachments, deadlines and media owners: submission-guards.)
 */
const KEY = 'uploads'
const MB = 1024 * 1024
const GB = 1024 * MB
const HOUR = 3600_000
const QUEUE = 'submissions'

let t: TestPayload
let payload: Payload
let server: { url: string; close: () => Promise<void> }
type Account = Awaited<ReturnType<typeof participant>>
type Campaign = Awaited<ReturnType<typeof campaign>>
let alice: Account
let bob: Account
let carol: Account
let dave: Account
let editor: Account
let slugs = 0

const dataDir = () => process.env.EXEMPLAR_DATA_DIR!
const mediaDir = () => path.join(dataDir(), 'media')
const tusDir = () => path.join(dataDir(), 'tus-uploads')
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
const rest = (who?: Account) => restClient(payload.config, KEY, who?.token)
const api = (who: Account) => submissionsClient(server.url, who.token)
const tus = (who: Account) => tusClient(server.url, () => api(who).headers())

async function campaign(
  requirements: Record<string, unknown>,
  kind = 'text-image',
  window: { startsAt?: Date; endsAt?: Date } = {},
) {
  return submissionCampaign(payload, { slug: `up-${++slugs}`, kind, requirements, ...window })
}

async function uploadPhoto(who: Account, campaignId: number, name = 'photo.png') {
  const res = await api(who).upload(await smallPng(), name, {
    campaign: String(campaignId),
    track: 'main',
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.file as { id: number; filename: string }
}

const sessionsOf = async (who: Account, kind?: string) =>
  (
    await payload.count({
      collection: 'upload-sessions',
      where: {
        and: [{ owner: { equals: who.user.id } }, ...(kind ? [{ kind: { equals: kind } }] : [])],
      },
    })
  ).totalDocs

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i++) {
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Queues the sweep task and runs the queue, as the jobs runner does; answers how the job ended. */
async function runSweep() {
  const job = await payload.jobs.queue({ task: 'sweepUploads', queue: QUEUE, input: {} })
  const { jobStatus } = await payload.jobs.run({ queue: QUEUE })
  return jobStatus?.[job.id]
}

beforeAll(async () => {
  t = await bootPayload(KEY)
  payload = t.payload
  alice = await participant(payload, 'alice')
  bob = await participant(payload, 'bob')
  carol = await participant(payload, 'carol')
  dave = await participant(payload, 'dave')
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

describe('a resumable upload', () => {
  let c: Campaign
  beforeAll(async () => {
    c = await campaign({ allowedFileKinds: ['mp4'] }, 'video')
  })

  it("should refuse another user's request on an upload whose metadata file is missing", async () => {
    const { res, id } = await tus(alice).create(1000, { campaign: c.id })
    expect(res.status).toBe(201)
    fs.rmSync(path.join(tusDir(), `${id}.json`))
    const foreign = await tus(bob).remove(id)
    expect(foreign.status).toBe(403)
    expect(fs.existsSync(path.join(tusDir(), id))).toBe(true)
    fs.rmSync(path.join(tusDir(), id))
    await payload.delete({ collection: 'upload-sessions', where: { uploadId: { equals: id } } })
  })

  it('should not serve the bytes of a finished upload back over tus', async () => {
    const { id } = await tus(alice).create(1000, { campaign: c.id })
    expect((await tus(alice).patch(id, 0, Buffer.alloc(1000, 7))).status).toBe(204)
    const res = await tus(alice).get(id)
    expect(res.status).toBe(405)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await tus(alice).remove(id)).status).toBe(204)
  })
})

describe('upload quotas, counted in the database', () => {
  let video: Campaign
  const removeAll = async (ids: string[]) => {
    for (const id of ids) {
      expect((await tus(carol).remove(id)).status).toBe(204)
    }
  }
  beforeAll(async () => {
    video = await campaign({ allowedFileKinds: ['mp4'] }, 'video')
  })

  it('should take 4 GB in flight and refuse one byte more with 413 naming the limit', async () => {
    const first = await tus(carol).create(2 * GB, { campaign: video.id })
    const second = await tus(carol).create(2 * GB, { campaign: video.id })
    expect([first.res.status, second.res.status]).toEqual([201, 201])
    const over = await tus(carol).create(1, { campaign: video.id })
    expect(over.res.status).toBe(413)
    expect(await over.res.text()).toContain('同时上传的文件合计不超过 4 GB')
    expect(await sessionsOf(carol)).toBe(2)
    await removeAll([first.id, second.id])
    expect(await sessionsOf(carol)).toBe(0)
  })

  it('should count a plain upload being received as bytes in flight', async () => {
    const first = await tus(carol).create(2 * GB, { campaign: video.id })
    expect(first.res.status).toBe(201)
    const { hostname, port } = new URL(server.url)
    const slow = http.request({
      hostname,
      port,
      method: 'POST',
      path: '/api/submissions/uploads',
      headers: {
        ...api(carol).headers(),
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(8 * MB),
      },
    })
    slow.on('error', () => undefined)
    slow.write(Buffer.alloc(1024))
    await until(async () => (await sessionsOf(carol, 'plain')) === 1)
    expect(await sessionsOf(carol, 'plain')).toBe(1)
    const fits = 2 * GB - 8 * MB + 1
    const refused = await tus(carol).create(fits, { campaign: video.id })
    expect(refused.res.status).toBe(413)
    slow.destroy()
    await until(async () => (await sessionsOf(carol, 'plain')) === 0)
    const taken = await tus(carol).create(fits, { campaign: video.id })
    expect(taken.res.status).toBe(201)
    await removeAll([first.id, taken.id])
  })

  it('should refuse a file that would take the account over 10 GB stored, at the limit and one byte over', async () => {
    const now = new Date().toISOString()
    const stored = []
    for (const name of ['quota-a.mp4', 'quota-b.mp4']) {
      stored.push(
        await payload.db.create({
          collection: 'media',
          data: {
            filename: name,
            mimeType: 'video/mp4',
            filesize: 4 * GB,
            owner: carol.user.id,
            submissionUpload: true,
            onPublicDisplay: false,
            createdAt: now,
            updatedAt: now,
          },
        }),
      )
    }
    const atLimit = await tus(carol).create(2 * GB, { campaign: video.id })
    expect(atLimit.res.status).toBe(201)
    const over = await tus(carol).create(1, { campaign: video.id })
    expect(over.res.status).toBe(413)
    expect(await over.res.text()).toContain('文件存储空间为 10 GB')
    const direct = await rest(carol).upload('media', await smallPng(), 'more.png', 'image/png')
    expect(direct.status).toBe(413)
    expect(JSON.stringify(direct.body)).toContain('10 GB')
    await removeAll([atLimit.id])
    await payload.db.deleteMany({
      collection: 'media',
      where: { id: { in: stored.map((d) => d.id) } },
    })
  })

  it('should count an upload another CMS process took, since the sessions live in the database', async () => {
    const other = await payload.create({
      collection: 'upload-sessions',
      data: {
        uploadId: 'from-the-other-process',
        owner: carol.user.id,
        kind: 'resumable',
        state: 'receiving',
        declaredBytes: 4 * GB,
        activeAt: new Date().toISOString(),
      },
    })
    const refused = await tus(carol).create(1, { campaign: video.id })
    expect(refused.res.status).toBe(413)
    await payload.delete({ collection: 'upload-sessions', id: other.id })
    const taken = await tus(carol).create(1, { campaign: video.id })
    expect(taken.res.status).toBe(201)
    await removeAll([taken.id])
  })

  it("should keep the sessions and the jobs' scheduling to editors", async () => {
    await expect(
      payload.find({ collection: 'upload-sessions', overrideAccess: false, user: carol.user }),
    ).rejects.toMatchObject({ status: 403 })
    const forEditor = await payload.find({
      collection: 'upload-sessions',
      overrideAccess: false,
      user: editor.user,
    })
    expect(forEditor.totalDocs).toBe(0)
    const stats = await rest(carol).post('/globals/payload-jobs-stats', {
      stats: { scheduledRuns: { queues: { [QUEUE]: { tasks: {} } } } },
    })
    expect(stats.status).toBe(403)
    const run = await rest(carol).get(`/payload-jobs/run?queue=${QUEUE}`)
    expect(run.status).toBe(401)
  })
})

describe('the sweep, on the jobs queue', () => {
  it("should start the queue's runner with the Payload that serves Payload's routes", async () => {
    // Next's routes (and the CMS's instrumentation hook) ask getPayload for crons.
    expect((await rest(editor).get('/users/me')).status).toBe(200)
    expect(payload.crons.length).toBeGreaterThan(0)
  })

  let c: Campaign
  const exists = (name: string) => fs.existsSync(path.join(mediaDir(), name))
  const mediaDoc = (id: number) =>
    payload.findByID({ collection: 'media', id, depth: 0, disableErrors: true })
  const backdate = (id: number, ms: number) =>
    payload.db.updateOne({ collection: 'media', id, data: { createdAt: ago(ms) } })
  beforeAll(async () => {
    c = await campaign({ allowedFileKinds: ['image'] })
  })

  it('should sweep an orphan older than the grace period with its files, and keep a recent one and an attached one', async () => {
    const old = await uploadPhoto(dave, c.id, 'old.png')
    const recent = await uploadPhoto(dave, c.id, 'recent.png')
    const attached = await uploadPhoto(dave, c.id, 'attached.png')
    await imageSizesSettled()
    const draft = await api(dave).post('/drafts', {
      campaign: c.id,
      track: 'main',
      attachments: [{ file: attached.id, caption: '' }],
    })
    expect(draft.status).toBe(201)
    await backdate(old.id, 25 * HOUR)
    await backdate(attached.id, 25 * HOUR)
    const sizes = Object.values((await mediaDoc(old.id))!.sizes ?? {}).map((s) => s?.filename)
    expect(sizes.length).toBeGreaterThan(0)

    expect(await runSweep()).toEqual({ status: 'success' })

    expect(await mediaDoc(old.id)).toBeNull()
    expect(exists(old.filename)).toBe(false)
    for (const size of sizes) {
      expect(exists(size!)).toBe(false)
    }
    expect((await mediaDoc(recent.id))?.id).toBe(recent.id)
    expect(exists(recent.filename)).toBe(true)
    expect((await mediaDoc(attached.id))?.id).toBe(attached.id)
    expect(exists(attached.filename)).toBe(true)
  })

  it('should delete a resumable upload idle for more than a day with its file and session, and keep a fresh one', async () => {
    const video = await campaign({ allowedFileKinds: ['mp4'] }, 'video')
    const idle = await tus(dave).create(1000, { campaign: video.id })
    expect((await tus(dave).patch(idle.id, 0, Buffer.alloc(500))).status).toBe(204)
    const fresh = await tus(dave).create(1000, { campaign: video.id })
    await payload.update({
      collection: 'upload-sessions',
      where: { uploadId: { equals: idle.id } },
      data: { activeAt: ago(25 * HOUR) },
    })
    const then = new Date(Date.now() - 25 * HOUR)
    fs.utimesSync(path.join(tusDir(), idle.id), then, then)

    expect(await runSweep()).toEqual({ status: 'success' })

    expect(fs.existsSync(path.join(tusDir(), idle.id))).toBe(false)
    expect(fs.existsSync(path.join(tusDir(), `${idle.id}.json`))).toBe(false)
    expect(fs.existsSync(path.join(tusDir(), fresh.id))).toBe(true)
    expect(await sessionsOf(dave, 'resumable')).toBe(1)
    expect((await tus(dave).remove(fresh.id)).status).toBe(204)
  })

  it('should sweep safely when two sweeps run at once', async () => {
    const orphan = await uploadPhoto(dave, c.id, 'twice.png')
    await imageSizesSettled()
    await backdate(orphan.id, 25 * HOUR)
    const jobs = [
      await payload.jobs.queue({ task: 'sweepUploads', queue: QUEUE, input: {} }),
      await payload.jobs.queue({ task: 'sweepUploads', queue: QUEUE, input: {} }),
    ]
    const { jobStatus } = await payload.jobs.run({ queue: QUEUE, limit: 2 })
    expect(jobs.map((job) => jobStatus?.[job.id])).toEqual([
      { status: 'success' },
      { status: 'success' },
    ])
    expect(await mediaDoc(orphan.id)).toBeNull()
    expect(exists(orphan.filename)).toBe(false)
  })

  it('should schedule the next sweep even after a worker died in the middle of one', async () => {
    const dead = await payload.create({
      collection: 'payload-jobs',
      data: {
        taskSlug: 'sweepUploads',
        queue: QUEUE,
        input: {},
        processing: true,
        meta: { scheduled: true },
      },
    })
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: dead.id,
      data: { updatedAt: ago(2 * HOUR) },
    })
    await payload.jobs.handleSchedules({ queue: QUEUE })
    const stale = await payload.findByID({ collection: 'payload-jobs', id: dead.id, depth: 0 })
    expect(stale.hasError).toBe(true)
    const waiting = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: 'sweepUploads' } },
          { completedAt: { exists: false } },
          { 'meta.scheduled': { equals: true } },
        ],
      },
    })
    expect(waiting.totalDocs).toBe(1)
    await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: QUEUE } } })
  })
})

describe("Payload's own upload route", () => {
  const pdfOf = (bytes: number) => {
    const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')
    const tail = Buffer.from(
      '\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n0\n%%EOF\n',
      'latin1',
    )
    return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 0x20), tail])
  }

  it('should take a file of 30 MB whole and refuse one byte more with 413, storing nothing', async () => {
    const whole = await rest(editor).upload('media', pdfOf(30 * MB), 'whole.pdf', 'application/pdf')
    expect(whole.status, JSON.stringify(whole.body).slice(0, 500)).toBe(201)
    expect(whole.body.doc.filesize).toBe(30 * MB)
    expect(fs.statSync(path.join(mediaDir(), whole.body.doc.filename)).size).toBe(30 * MB)
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const over = await rest(editor).upload(
      'media',
      pdfOf(30 * MB + 1),
      'over.pdf',
      'application/pdf',
    )
    expect(over.status).toBe(413)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
    await payload.delete({ collection: 'media', id: whole.body.doc.id })
  })
})

describe('serving stored files', () => {
  it('should send a PDF as an attachment and a picture inline, both with nosniff', async () => {
    const pdf = await payload.create({
      collection: 'media',
      data: {},
      file: {
        data: await pdfBytes(),
        mimetype: 'application/pdf',
        name: 'notice.pdf',
        size: 1,
      },
    })
    const png = await payload.create({
      collection: 'media',
      data: {},
      file: { data: await smallPng(), mimetype: 'image/png', name: 'poster.png', size: 203 },
    })
    const asFile = await rest().get(`/media/file/${pdf.filename}`)
    expect(asFile.status).toBe(200)
    expect(asFile.headers.get('x-content-type-options')).toBe('nosniff')
    expect(asFile.headers.get('content-disposition')).toBe('attachment')
    await asFile.arrayBuffer()
    const inline = await rest().get(`/media/file/${png.filename}`)
    expect(inline.status).toBe(200)
    expect(inline.headers.get('x-content-type-options')).toBe('nosniff')
    expect(inline.headers.get('content-disposition')).toBeNull()
    await inline.arrayBuffer()
    await payload.delete({ collection: 'media', where: { id: { in: [pdf.id, png.id] } } })
  })
})
