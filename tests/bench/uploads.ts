/**
 * `npm run bench -- uploads`: the upload paths on a real CMS server process
 * (cms/server.ts as `npm start` runs it) over a real SQLite file.
 *
 *  photos_ms    — wall time for five ~3 MB JPEGs sent at once, as a browser
 *                 sends a multi-file pick, through POST /api/submissions/uploads:
 *                 sniffed, checked against the track, re-encoded without EXIF,
 *                 answered, then until all three image sizes of every photo
 *                 are recorded. One small upload first warms the process
 *                 (sharp, the routes) and is not timed.
 *  video_rss_mb — peak resident memory of the CMS process (VmRSS sampled every
 *                 50 ms from /proc) while a 1 GB MP4 goes up through tus in
 *                 8 MB chunks and is completed into a media file.
 *
 * Goals: photos_ms ≤ 2000, video_rss_mb ≤ 300.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { startCms } from '../helpers/servers'
import {
  mp4Header,
  noiseJpeg,
  participant,
  smallPng,
  submissionCampaign,
  submissionsClient,
} from '../helpers/submissions'

const MB = 1024 * 1024
const VIDEO_BYTES = Number(process.env.BENCH_VIDEO_MB ?? 1024) * MB
const CHUNK = 8 * MB
const SECRET = 'bench-secret'

function log(line: string) {
  console.info(`[bench uploads] ${line}`)
}

function rssMb(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return kb / 1024
}

/**
 * Polls the media documents in the database (through the bench's own Payload
 * on the same SQLite file, every 20 ms: polling over HTTP would spend the CMS
 * CPU the photos need) until each records all its image sizes.
 */
async function sizesRecorded(payload: Payload, ids: number[]) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const { docs } = await payload.find({
      collection: 'media',
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
    })
    const done = docs.filter((doc) => {
      const sizes = Object.values(doc.sizes ?? {}) as ({ filename?: string | null } | undefined)[]
      return sizes.length > 0 && sizes.every((size) => size?.filename)
    })
    if (done.length === ids.length) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`media ${ids.join(', ')}: image sizes not recorded within 60 s`)
}

export async function benchUploads(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exemplar-bench-uploads-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
  process.env.EXEMPLAR_DATA_DIR = dir
  process.env.PAYLOAD_SECRET = SECRET
  const { default: config } = await import('@exemplar/cms/config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config, key: 'bench-uploads' })

  const photoCampaign = await submissionCampaign(payload, {
    slug: 'bench-photos',
    kind: 'photo',
    requirements: { minFileBytes: 2 * MB, maxFileBytes: 20 * MB, allowedFileKinds: ['image'] },
  })
  const videoCampaign = await submissionCampaign(payload, {
    slug: 'bench-video',
    kind: 'video',
    requirements: { maxFileBytes: 2048 * MB, maxDurationSeconds: 600, allowedFileKinds: ['mp4'] },
  })
  const warmCampaign = await submissionCampaign(payload, {
    slug: 'bench-warm',
    kind: 'photo',
    requirements: { allowedFileKinds: ['image'] },
  })
  const { token } = await participant(payload, 'bench-uploader')
  log('making five ~3 MB photos …')
  const photos: Buffer[] = []
  for (let i = 0; i < 5; i++) {
    photos.push(await noiseJpeg(2100, 1575))
  }
  log(`  ${photos.map((p) => (p.length / MB).toFixed(2)).join(', ')} MB`)

  const cms = await startCms({
    databaseUri: process.env.DATABASE_URI,
    dataDir: dir,
    secret: SECRET,
  })
  const pid = cms.child.pid!
  // What the CMS holds before any upload: Next plus Payload, for reading video_rss_mb.
  const bootMb = rssMb(pid, 'VmRSS')
  // If the server goes away mid-run, say how, rather than only "fetch failed".
  cms.child.once('exit', (code, signal) => {
    log(`  CMS process exited: code ${code ?? '-'}, signal ${signal ?? '-'}`)
  })
  try {
    const api = submissionsClient(cms.url, token)
    const fields = { campaign: String(photoCampaign.id), track: 'main' }
    const warm = await api.upload(await smallPng(), 'warm.png', {
      campaign: String(warmCampaign.id),
      track: 'main',
    })
    log(`  warm-up upload: ${warm.status} ${JSON.stringify(warm.body).slice(0, 120)}`)

    const started = performance.now()
    const results = await Promise.all(
      photos.map((p, i) => api.upload(p, `photo-${i + 1}.jpg`, fields, 'image/jpeg')),
    )
    const answeredMs = Math.round(performance.now() - started)
    const failed = results.filter((r) => r.status !== 201)
    if (failed.length > 0) {
      throw new Error(`photo uploads failed: ${JSON.stringify(failed.map((f) => f.body))}`)
    }
    // The answers come once each photo is checked and re-encoded; its three
    // sizes follow in the background. The photos are done when every media
    // document records its sizes, as the admin and the site then read them.
    const ids = results.map((r) => (r.body as { file: { id: number } }).file.id)
    await sizesRecorded(payload, ids)
    const photosMs = Math.round(performance.now() - started)
    log(`  five photos in parallel: answered in ${answeredMs} ms, sizes recorded at ${photosMs} ms`)

    const beforeMb = rssMb(pid, 'VmRSS')
    let peakMb = beforeMb
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, rssMb(pid, 'VmRSS'))
    }, 50)
    const header = mp4Header(300, VIDEO_BYTES)
    const total = header.length + VIDEO_BYTES
    const meta = Object.entries({
      filename: 'bench-1g.mp4',
      campaign: String(videoCampaign.id),
      track: 'main',
    })
      .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
      .join(',')
    const tusUrl = `${cms.url}/api/submissions/tus`
    const videoStarted = performance.now()
    const created = await fetch(tusUrl, {
      method: 'POST',
      headers: {
        ...api.headers(),
        'tus-resumable': '1.0.0',
        'upload-length': String(total),
        'upload-metadata': meta,
      },
    })
    if (created.status !== 201) {
      throw new Error(`tus create: ${created.status} ${await created.text()}`)
    }
    const uploadId = created.headers.get('location')!.split('/').pop()!
    const zeros = new Uint8Array(CHUNK)
    for (let offset = 0; offset < total;) {
      const size = Math.min(CHUNK, total - offset)
      const body =
        offset === 0
          ? new Uint8Array(Buffer.concat([header, Buffer.alloc(size - header.length)]))
          : zeros.subarray(0, size)
      const res = await fetch(`${tusUrl}/${uploadId}`, {
        method: 'PATCH',
        headers: {
          ...api.headers(),
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        body,
      })
      if (res.status !== 204) {
        throw new Error(`tus patch at ${offset}: ${res.status} ${await res.text()}`)
      }
      offset = Number(res.headers.get('upload-offset'))
    }
    const done = await api.post('/uploads/complete', { uploadId })
    const videoMs = Math.round(performance.now() - videoStarted)
    clearInterval(sampler)
    peakMb = Math.max(peakMb, rssMb(pid, 'VmRSS'))
    if (done.status !== 201) {
      throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`)
    }
    log(
      `  ${(total / MB).toFixed(0)} MB video in ${videoMs} ms; RSS before ${beforeMb.toFixed(0)} MB, peak during ${peakMb.toFixed(0)} MB, VmHWM ${rssMb(pid, 'VmHWM').toFixed(0)} MB; stored ${JSON.stringify(done.body.file).slice(0, 160)}`,
    )
    // The goal's figure first; the others say how much of it the upload itself adds.
    console.info(
      `BENCH uploads photos_ms=${photosMs} video_rss_mb=${Math.round(peakMb)} cms_boot_rss_mb=${Math.round(bootMb)} video_rss_before_mb=${Math.round(beforeMb)} video_rss_growth_mb=${Math.round(peakMb - beforeMb)}`,
    )
  } finally {
    await cms.stop()
    await payload.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
