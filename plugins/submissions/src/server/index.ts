import type http from 'node:http'
import { Readable } from 'node:stream'

import type { Payload } from 'payload'

import { dispatch } from '../endpoints/router'
import { refuse } from '../lib/errors'
import { errorOutput, submissionsService, type SubmissionsInput } from '../service'
import type { ResolvedSubmissionsOptions } from '../types'
import { TUS_PATH, resumableUploads, stopResumable, sweepExpired } from './tus'

export { TUS_PATH, stopResumable, sweepExpired }

const PREFIX = '/api/submissions/'
/** A draft with every section at its longest is far below this; attachments travel apart. */
const MAX_JSON_BYTES = 1024 * 1024
const tooLarge = () =>
  refuse(
    413,
    '',
    'body.tooLarge',
    '请求内容过大（不超过 1 MB），附件请通过上传接口提交',
    MAX_JSON_BYTES,
  )

function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) {
      for (const v of value) {
        headers.append(name, v)
      }
    } else if (value !== undefined) {
      headers.set(name, value)
    }
  }
  return headers
}

/** Past this much a refused body is not read to its end; below it, it is read and dropped. */
const DRAIN_BYTES = 64 * 1024 * 1024

/**
 * Reads and drops what is left of a refused body (within DRAIN_BYTES), so the
 * client finishes sending and reads the 413 instead of meeting a closed socket.
 */
async function drain(req: http.IncomingMessage, already: number): Promise<void> {
  let read = already
  for await (const chunk of req as AsyncIterable<Buffer>) {
    read += chunk.length
    if (read > DRAIN_BYTES) {
      return
    }
  }
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_JSON_BYTES) {
    if (declared <= DRAIN_BYTES) {
      await drain(req, 0)
    }
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_JSON_BYTES) {
      await drain(req, size)
      throw tooLarge()
    }
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}

function send(res: http.ServerResponse, status: number, body: unknown, close = false): void {
  const data = JSON.stringify(body)
  res.writeHead(status, {
    ...(close ? { connection: 'close' } : {}),
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(data),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(data)
}

/**
 * /api/submissions/* on the CMS's bare Node server, before Next: resumable
 * uploads (tus) stream to disk, plain uploads are refused on their declared
 * length before a byte is read, and the JSON routes run the same dispatch as
 * the Payload endpoints. Returns `false` for any other path.
 */
export function createSubmissionsHandler(payload: Payload, options?: ResolvedSubmissionsOptions) {
  const resolved =
    options ?? (payload.config.custom?.submissions as ResolvedSubmissionsOptions | undefined)
  if (!resolved) {
    throw new Error('createSubmissionsHandler: the Payload config has no submissionsPlugin')
  }
  const service = submissionsService(payload, resolved)
  const tus = resumableUploads(service)
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const url = req.url ?? '/'
    if (url === TUS_PATH || url.startsWith(`${TUS_PATH}/`) || url.startsWith(`${TUS_PATH}?`)) {
      res.setHeader('X-Content-Type-Options', 'nosniff')
      void tus.server.handle(req, res).catch((err: unknown) => {
        payload.logger.error({ err }, '[submissions] resumable upload failed')
        if (!res.headersSent) {
          send(res, 500, errorOutput(err).body)
        }
      })
      return true
    }
    if (!url.startsWith(PREFIX)) {
      return false
    }
    void (async () => {
      const headers = headersOf(req)
      const { pathname } = new URL(url, 'http://localhost')
      const method = req.method ?? 'GET'
      const { user } = await payload.auth({ headers })
      const input: SubmissionsInput = {
        method,
        path: pathname,
        headers,
        user: user ?? undefined,
        json: () => readJson(req),
        // Read only when a route asks, after the length was checked.
        formData: () =>
          new Request(new URL(url, 'http://localhost'), {
            method,
            headers,
            body: Readable.toWeb(req) as ReadableStream,
            duplex: 'half',
          } as RequestInit).formData(),
      }
      const out = await dispatch(payload, resolved, pathname.slice(PREFIX.length - 1), input)
      // A refused upload leaves its body unread: answer, then drop the connection rather than read it.
      const unread = !req.readableEnded && out.status >= 400
      if (unread) {
        res.once('finish', () => req.destroy())
      }
      send(res, out.status, out.body, unread)
    })().catch((err: unknown) => {
      const out = errorOutput(err, { payload })
      if (!res.headersSent) {
        send(res, out.status, out.body)
      }
    })
    return true
  }
}
