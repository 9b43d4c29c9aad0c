import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'

import { problemResponse } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { attachmentFiles, pinnedContent } from '../service/blindEntry'
import { notFound } from '../service/refusal'
import { entryIdOfTask, ownTask } from '../service/task'
import { answer, idOf } from './request'

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/wav': 'wav',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
}

/** `bytes=a-b` within a file of `size` bytes; null when absent or unsatisfiable. */
function rangeOf(header: string | null, size: number): { start: number; end: number } | null {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header ?? '')
  if (!m || (m[1] === '' && m[2] === '')) {
    return null
  }
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1])
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  return start <= end && start < size ? { start, end } : null
}

/**
 * `GET /api/review/tasks/:id/files/:index`: an attachment of the pinned
 * entry, under a neutral name (附件N.ext), with Range for audio and video.
 * The stored name, which is the uploader's original one, never leaves.
 */
export const taskFileHandler: PayloadHandler = (req) =>
  answer(req, async (options) => {
    const row = await ownTask(req, options, idOf(req.routeParams?.id, 'id', '评审任务 ID'))
    const index = Number(req.routeParams?.index)
    const content = await pinnedContent(req, options, entryIdOfTask(row))
    const files = content ? await attachmentFiles(req, options, content) : []
    const media = Number.isInteger(index) ? files[index]?.media : undefined
    const filename = typeof media?.filename === 'string' ? media.filename : ''
    if (!media || !filename) {
      throw notFound('附件', req.routeParams?.index)
    }
    const upload = req.payload.collections[options.media]?.config.upload
    const dir = upload && typeof upload === 'object' ? upload.staticDir : undefined
    const file = path.join(path.resolve(dir ?? options.media), path.basename(filename))
    const stat = await fs.promises.stat(file).catch(() => null)
    if (!stat) {
      return problemResponse(404, { code: 'fileMissing', message: '附件文件已丢失，请联系组委会' })
    }
    const mimeType =
      typeof media.mimeType === 'string' ? media.mimeType : 'application/octet-stream'
    const name = `附件${index + 1}.${EXTENSIONS[mimeType] ?? 'bin'}`
    const headers: Record<string, string> = {
      'content-type': mimeType,
      'content-disposition': `inline; filename="file-${index + 1}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    }
    const range = rangeOf(req.headers.get('range'), stat.size)
    if (req.headers.get('range') && !range) {
      return new Response(null, {
        status: 416,
        headers: { 'content-range': `bytes */${stat.size}` },
      })
    }
    const start = range?.start ?? 0
    const end = range?.end ?? stat.size - 1
    const body = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream
    return new Response(body, {
      status: range ? 206 : 200,
      headers: {
        ...headers,
        'content-length': String(end - start + 1),
        ...(range ? { 'content-range': `bytes ${start}-${end}/${stat.size}` } : {}),
      },
    })
  })
