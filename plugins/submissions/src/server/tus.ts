import fs from 'node:fs'
import path from 'node:path'

import { FileStore } from '@tus/file-store'
import { Server, type Upload } from '@tus/server'
import type { Payload } from 'payload'

import { SubmissionError, refuse } from '../lib/errors'
import { inTurn } from '../lib/inTurn'
import { formatBytes, type AllowedFileKind } from '../rules'
import { idOf } from '../lib/ids'
import type { SubmissionsOutput, SubmissionsService } from '../service'
import type { ResolvedSubmissionsOptions } from '../types'

export const TUS_PATH = '/api/submissions/tus'

interface Resumable {
  server: Server
  store: FileStore
  dir: string
  /** Unfinished uploads per user id, for the per-user cap. */
  active: Map<string, Set<string>>
  sweeper: NodeJS.Timeout
}

const instances = new WeakMap<Payload, Resumable>()

/** Resumable uploads are for video and audio; everything else is small enough to send whole. */
const MEDIA_KINDS: readonly AllowedFileKind[] = ['video', 'audio', 'mp4', 'mp3', 'm4a', 'wav']
const MEDIA_EXTENSIONS = new Set(['mp4', 'm4v', 'm4a', 'mp3', 'wav'])

/** The track's audio and video kinds; an empty list when the track takes neither. */
function mediaKindsOf(allowed: readonly AllowedFileKind[] | null | undefined): AllowedFileKind[] {
  return allowed && allowed.length > 0
    ? allowed.filter((k) => MEDIA_KINDS.includes(k))
    : ['video', 'audio']
}

/** A tus hook refuses by throwing this shape; the body is the contract's JSON. */
function tusRefusal(status: number, err: SubmissionError | { message: string }) {
  const errors =
    err instanceof SubmissionError
      ? err.errors
      : [{ field: 'file', code: 'upload.refused', message: err.message }]
  return { status_code: status, body: JSON.stringify({ errors }) }
}

async function userOf(payload: Payload, headers: Headers): Promise<unknown> {
  const { user } = await payload.auth({ headers })
  return user ?? undefined
}

/**
 * The tus 1.0 server for large video and audio: chunks are appended to a file
 * on disk as they arrive (never held in memory), in a folder beside the media
 * folder so a finished file is renamed, not copied. Every request is
 * authenticated; an upload belongs to the user who created it.
 */
export function resumableUploads(service: SubmissionsService): Resumable {
  const existing = instances.get(service.payload)
  if (existing) {
    return existing
  }
  const { payload, options } = service
  const dir = path.join(path.dirname(service.staticDir()), 'tus-uploads')
  fs.mkdirSync(dir, { recursive: true })
  const store = new FileStore({
    directory: dir,
    expirationPeriodInMilliseconds: options.resumableExpiryMs,
  })
  const active = new Map<string, Set<string>>()

  const server = new Server({
    path: TUS_PATH,
    datastore: store,
    relativeLocation: true,
    maxSize: options.maxResumableBytes,
    async onUploadCreate(req, upload) {
      const user = await userOf(payload, req.headers)
      try {
        service.requireParticipant(user)
        if (upload.size === undefined) {
          throw refuse(
            400,
            'file',
            'upload.lengthRequired',
            '断点续传须在开始时给出文件大小（Upload-Length）',
          )
        }
        const meta = upload.metadata ?? {}
        const ext = path
          .extname(meta.filename ?? '')
          .slice(1)
          .toLowerCase()
        if (!MEDIA_EXTENSIONS.has(ext)) {
          throw refuse(
            415,
            'file',
            'upload.resumableMediaOnly',
            '断点续传仅用于 MP4 视频和 MP3/M4A/WAV 音频，其他文件请直接上传',
          )
        }
        const { requirements } = await service.uploadTarget(user, meta.campaign, meta.track)
        if (mediaKindsOf(requirements.allowedFileKinds).length === 0) {
          throw refuse(415, 'file', 'file.kindNotAllowed', '本类别不接收视频或音频文件')
        }
        const limit = Math.min(requirements.maxFileBytes ?? Infinity, options.maxResumableBytes)
        if (upload.size > limit) {
          throw refuse(
            413,
            'file',
            'file.tooLarge',
            `文件不超过 ${formatBytes(limit)}（当前 ${formatBytes(upload.size)}）`,
            limit,
          )
        }
        const owner = String(idOf(user))
        // Counted and reserved in turn per user: parallel creates cannot all see room for one more.
        await inTurn(owner, async () => {
          const mine = await pruned(active.get(owner), store, options.resumableExpiryMs)
          if (mine.size >= options.resumablePerUser) {
            throw refuse(
              429,
              'file',
              'upload.tooManyAtOnce',
              `同时进行的断点续传不超过 ${options.resumablePerUser} 个，请等当前文件上传完成后再试`,
              options.resumablePerUser,
            )
          }
          mine.add(upload.id)
          active.set(owner, mine)
        })
        return { metadata: { ...meta, owner } }
      } catch (err) {
        if (err instanceof SubmissionError) {
          throw tusRefusal(err.status, err)
        }
        throw err
      }
    },
    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST' || req.method === 'OPTIONS') {
        return
      }
      const user = await userOf(payload, req.headers)
      if (!user) {
        throw tusRefusal(401, { message: '请先登录后再上传' })
      }
      let upload: Upload
      try {
        upload = await store.getUpload(uploadId)
      } catch {
        return // tus answers 404 itself
      }
      if (upload.metadata?.owner !== String(idOf(user))) {
        throw tusRefusal(403, { message: '这个上传不是您创建的' })
      }
    },
    // A finished upload keeps its place in the owner's count until it is completed (adopted
    // into the media folder) or expires: finishing without completing must not free room.
  })
  // Uploads older than the expiry are deleted with their files, unfinished or finished but never
  // completed (the store's own clean-up only knows unfinished ones).
  const sweeper = setInterval(
    () => {
      void sweepExpired(dir, options.resumableExpiryMs).catch((err: unknown) => {
        payload.logger.error({ err }, '[submissions] expired uploads not cleaned')
      })
    },
    Math.min(options.resumableExpiryMs, 3600_000),
  )
  sweeper.unref()
  const made: Resumable = { server, store, dir, active, sweeper }
  instances.set(payload, made)
  return made
}

/** Deletes every upload in the folder created longer ago than the expiry. */
export async function sweepExpired(dir: string, expiryMs: number): Promise<number> {
  const store = new FileStore({ directory: dir })
  let removed = 0
  for (const name of await fs.promises.readdir(dir)) {
    if (!name.endsWith('.json')) {
      continue
    }
    const id = name.slice(0, -'.json'.length)
    try {
      const upload = await store.getUpload(id)
      if (Date.now() - new Date(upload.creation_date ?? 0).getTime() >= expiryMs) {
        await store.remove(id)
        removed += 1
      }
    } catch {
      // completed or removed meanwhile
    }
  }
  return removed
}

/** The user's uploads, finished or not, that still wait in the folder and have not expired. */
async function pruned(
  ids: Set<string> | undefined,
  store: FileStore,
  expiryMs: number,
): Promise<Set<string>> {
  const alive = new Set<string>()
  for (const id of ids ?? []) {
    try {
      const upload = await store.getUpload(id)
      const age = Date.now() - new Date(upload.creation_date ?? 0).getTime()
      if (age < expiryMs) {
        alive.add(id)
      }
    } catch {
      // gone: finished and adopted, or cleaned up
    }
  }
  return alive
}

/**
 * `POST /api/submissions/uploads/complete { uploadId }`: the finished file is
 * inspected where it lies and moved into the media folder; a refused file is
 * deleted, so nothing of it is kept.
 */
export async function completeResumable(
  service: SubmissionsService,
  user: unknown,
  body: Record<string, unknown>,
): Promise<SubmissionsOutput> {
  service.requireParticipant(user)
  const uploadId = typeof body.uploadId === 'string' ? body.uploadId : ''
  // The id names a file in the upload folder: nothing but the store's own alphabet.
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(uploadId)) {
    throw refuse(400, 'uploadId', 'upload.badId', '上传编号（uploadId）无效')
  }
  const { store, dir } = resumableUploads(service)
  let upload: Upload
  try {
    upload = await store.getUpload(uploadId)
  } catch {
    throw refuse(
      404,
      'uploadId',
      'upload.notFound',
      '找不到这个上传，可能已过期（未完成的上传保留 24 小时），请重新上传',
    )
  }
  if (upload.metadata?.owner !== String(idOf(user))) {
    throw refuse(404, 'uploadId', 'upload.notFound', '找不到这个上传，或它不是您创建的')
  }
  if (upload.size === undefined || upload.offset < upload.size) {
    throw refuse(
      409,
      'uploadId',
      'upload.incomplete',
      `文件尚未上传完成（已上传 ${formatBytes(upload.offset)} / ${formatBytes(upload.size ?? 0)}），请继续上传`,
    )
  }
  const meta = upload.metadata ?? {}
  // Claimed by a rename, which only one of two simultaneous completions can win.
  const filePath = path.join(dir, `${uploadId}.adopting`)
  try {
    await fs.promises.rename(path.join(dir, uploadId), filePath)
  } catch {
    throw refuse(409, 'uploadId', 'upload.alreadyCompleted', '这个上传已经提交完成，请勿重复提交')
  }
  try {
    const { requirements } = await service.uploadTarget(user, meta.campaign, meta.track)
    // Sniffed as audio or video before anything else reads it: a 2 GB "PDF" is never loaded.
    const mediaOnly = {
      ...requirements,
      allowedFileKinds: mediaKindsOf(requirements.allowedFileKinds),
    }
    const doc = await service.adoptFile(user, filePath, meta.filename ?? 'upload', mediaOnly)
    return { status: 201, body: { file: service.describe(doc) } }
  } finally {
    await fs.promises.rm(filePath, { force: true })
    await fs.promises.rm(path.join(dir, `${uploadId}.json`), { force: true })
    resumableUploads(service)
      .active.get(String(idOf(user)))
      ?.delete(uploadId)
  }
}

export function stopResumable(payload: Payload): void {
  const r = instances.get(payload)
  if (r) {
    clearInterval(r.sweeper)
    instances.delete(payload)
  }
}

export type { ResolvedSubmissionsOptions }
