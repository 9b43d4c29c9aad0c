import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { SubmissionError, refuse } from '../lib/errors'
import { checkFile, formatBytes, type TrackRequirements } from '../rules'
import type { ResolvedSubmissionsOptions } from '../types'
import { uploadQuota } from '../uploads/quota'
import { campaignFor, requireParticipant, trackIn } from './lookups'
import { describe, storeInspected } from './store'
import type { SubmissionsContext, SubmissionsOutput } from './types'

/** What the plain upload reads of a request, whichever server received it. */
export interface UploadRequest {
  user: unknown
  headers: Headers
  formData: () => Promise<FormData>
}

/** The largest body the plain upload reads: the track's limit, never above the global cap. */
export function plainLimit(
  options: Pick<ResolvedSubmissionsOptions, 'maxPlainUploadBytes'>,
  requirements: TrackRequirements,
): number {
  const track = requirements.maxFileBytes ?? Infinity
  return Math.min(track, options.maxPlainUploadBytes)
}

export async function uploadTarget(
  s: SubmissionsContext,
  user: unknown,
  campaignId: unknown,
  trackKey: unknown,
) {
  requireParticipant(user)
  const campaign = await campaignFor(s, user, campaignId)
  const track = trackIn(campaign, trackKey)
  return { campaign, track, requirements: track.requirements ?? {} }
}

/**
 * A multipart upload: refused on its declared length before a byte is
 * buffered, then written to a temp file, inspected by its bytes, checked
 * against the track and stored.
 */
export async function receiveUpload(
  s: SubmissionsContext,
  input: UploadRequest,
): Promise<SubmissionsOutput> {
  requireParticipant(input.user)
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
  if (declared > s.options.maxPlainUploadBytes + slack) {
    throw refuse(
      413,
      'file',
      'file.tooLargeForPlain',
      `普通上传单个文件不超过 ${formatBytes(s.options.maxPlainUploadBytes)}，更大的音视频文件请使用断点续传上传（/api/submissions/tus）`,
      s.options.maxPlainUploadBytes,
    )
  }
  // Counted in flight while it is read and stored, so that every process sees these bytes.
  const reservation = await uploadQuota(s.payload, s.options).reserve(input.user, {
    kind: 'plain',
    declaredBytes: declared,
  })
  try {
    return await receivePlain(s, input)
  } finally {
    await reservation.release()
  }
}

/** The plain upload's body, once its length was checked and its bytes reserved. */
async function receivePlain(
  s: SubmissionsContext,
  input: UploadRequest,
): Promise<SubmissionsOutput> {
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
  const { requirements } = await uploadTarget(
    s,
    input.user,
    form.get('campaign'),
    form.get('track'),
  )
  const limit = plainLimit(s.options, requirements)
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
    const doc = await storeInspected(s, input.user, tmp, file.name, requirements, {
      caption: typeof caption === 'string' ? caption : undefined,
    })
    return { status: 201, body: { file: describe(s, doc) } }
  } finally {
    await fs.promises.rm(tmp, { force: true })
  }
}
