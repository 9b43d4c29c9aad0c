import fs from 'node:fs'
import path from 'node:path'

import { FileStore } from '@tus/file-store'
import { EVENTS, Server, type Upload } from '@tus/server'
import type { Payload } from 'payload'

import { SubmissionError, refuse } from '../lib/errors'
import { idOf, sameId } from '../lib/ids'
import { formatBytes, type AllowedFileKind } from '../rules'
import {
  adoptFile,
  describe,
  requireParticipant,
  uploadTarget,
  type SubmissionsContext,
  type SubmissionsOutput,
} from '../service'
import type { ResolvedSubmissionsOptions } from '../types'
import { type UploadQuota, uploadQuota } from '../uploads/quota'
import { resumableDirOf, sweepExpired } from '../uploads/sweep'

export { sweepExpired }

export const TUS_PATH = '/api/submissions/tus'

interface Resumable {
  server: Server
  store: FileStore
  dir: string
  quota: UploadQuota
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

/** A request on an upload that is not provably the caller's goes no further. */
const notFound = () => tusRefusal(404, { message: '找不到这个上传，可能已过期或已完成' })
const notYours = () => tusRefusal(403, { message: '这个上传不是您创建的' })

/**
 * The tus 1.0 server for large video and audio: chunks are appended to a file
 * on disk as they arrive (never held in memory), in a folder beside the media
 * folder so a finished file is renamed, not copied. Every request is
 * authenticated; an upload belongs to the user who created it, as its
 * session in the database says (the metadata file on disk is not trusted
 * alone), and counts against that user's quotas until it is completed,
 * terminated or swept (`sweepIdleUploads`, on the jobs queue).
 */
export function resumableUploads(service: SubmissionsContext): Resumable {
  const existing = instances.get(service.payload)
  if (existing) {
    return existing
  }
  const { payload, options } = service
  const dir = resumableDirOf(payload, options.media)
  fs.mkdirSync(dir, { recursive: true })
  // No expiry in the store: an upload expires when idle (the sweep), not a day after it began.
  const store = new FileStore({ directory: dir })
  const quota = uploadQuota(payload, options)

  const server = new Server({
    path: TUS_PATH,
    datastore: store,
    relativeLocation: true,
    maxSize: options.maxResumableBytes,
    async onUploadCreate(req, upload) {
      const user = await userOf(payload, req.headers)
      try {
        requireParticipant(user)
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
        const { requirements } = await uploadTarget(service, user, meta.campaign, meta.track)
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
        // Counted in the database: uploads at once, bytes in flight, bytes stored.
        await quota.reserve(user, {
          kind: 'resumable',
          declaredBytes: upload.size,
          uploadId: upload.id,
        })
        return { metadata: { ...meta, owner: String(idOf(user)) } }
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
      // A finished upload is read through the media route once completed, with its checks
      // and headers; tus never serves the bytes back.
      if (req.method === 'GET') {
        throw tusRefusal(405, { message: '断点续传接口不提供文件下载' })
      }
      const user = await userOf(payload, req.headers)
      if (!user) {
        throw tusRefusal(401, { message: '请先登录后再上传' })
      }
      // Fails closed: the session in the database names the owner; without one, or with
      // metadata that cannot be read or names someone else, the request goes no further.
      const session = await quota.session(uploadId)
      if (!session) {
        throw notFound()
      }
      if (!sameId(session.owner, user)) {
        throw notYours()
      }
      let upload: Upload
      try {
        upload = await store.getUpload(uploadId)
      } catch {
        throw notFound()
      }
      if (upload.metadata?.owner !== String(idOf(user))) {
        throw notYours()
      }
      if (req.method === 'PATCH') {
        await quota.touch(uploadId)
      }
    },
    async onUploadFinish(_req, upload) {
      await quota.touch(upload.id, 'received')
      return {}
    },
    // A finished upload keeps its place in the owner's count until it is completed (adopted
    // into the media folder), terminated or swept: finishing without completing frees nothing.
  })
  server.on(EVENTS.POST_TERMINATE, (_req: unknown, _res: unknown, id: string) => {
    void quota.release(id).catch((err: unknown) => {
      payload.logger.error({ err, upload: id }, '[submissions] upload session not released')
    })
  })
  const made: Resumable = { server, store, dir, quota }
  instances.set(payload, made)
  return made
}

/**
 * `POST /api/submissions/uploads/complete { uploadId }`: the finished file is
 * inspected where it lies and moved into the media folder; a refused file is
 * deleted, so nothing of it is kept.
 */
export async function completeResumable(
  service: SubmissionsContext,
  user: unknown,
  body: Record<string, unknown>,
): Promise<SubmissionsOutput> {
  requireParticipant(user)
  const uploadId = typeof body.uploadId === 'string' ? body.uploadId : ''
  // The id names a file in the upload folder: nothing but the store's own alphabet.
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(uploadId)) {
    throw refuse(400, 'uploadId', 'upload.badId', '上传编号（uploadId）无效')
  }
  const { store, dir, quota } = resumableUploads(service)
  if (!(await quota.owns(user, uploadId))) {
    throw refuse(404, 'uploadId', 'upload.notFound', '找不到这个上传，或它不是您创建的')
  }
  let upload: Upload
  try {
    upload = await store.getUpload(uploadId)
  } catch {
    throw refuse(
      404,
      'uploadId',
      'upload.notFound',
      `找不到这个上传，可能已过期（闲置超过 ${Math.round(service.options.resumableExpiryMs / 3600_000)} 小时的上传会被删除），请重新上传`,
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
    const { requirements } = await uploadTarget(service, user, meta.campaign, meta.track)
    // Sniffed as audio or video before anything else reads it: a 2 GB "PDF" is never loaded.
    const mediaOnly = {
      ...requirements,
      allowedFileKinds: mediaKindsOf(requirements.allowedFileKinds),
    }
    const doc = await adoptFile(service, user, filePath, meta.filename ?? 'upload', mediaOnly)
    return { status: 201, body: { file: describe(service, doc) } }
  } finally {
    await fs.promises.rm(filePath, { force: true })
    await fs.promises.rm(path.join(dir, `${uploadId}.json`), { force: true })
    await quota.release(uploadId)
  }
}

export function stopResumable(payload: Payload): void {
  instances.delete(payload)
}

export type { ResolvedSubmissionsOptions }
