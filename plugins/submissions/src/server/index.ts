import type http from 'node:http'
import { Readable } from 'node:stream'

import type { Payload } from 'payload'

import { submissionsEndpoints, type SubmissionsRequest } from '../endpoints'
import { refuse } from '../lib/errors'
import { matchPath } from '../lib/matchPath'
import { errorOutput, submissionsService } from '../service'
import type { ResolvedSubmissionsOptions } from '../types'
import { TUS_PATH, resumableUploads, stopResumable, sweepExpired } from './tus'

export { TUS_PATH, stopResumable, sweepExpired }

const API = '/api'
const PREFIX = `${API}/submissions/`
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

/** The endpoint answering `method path` (the path after /api), with its params. */
function endpointFor(method: string, path: string) {
  for (const endpoint of submissionsEndpoints) {
    const routeParams = endpoint.method === method.toLowerCase() && matchPath(endpoint.path, path)
    if (routeParams) {
      return { handler: endpoint.handler, routeParams }
    }
  }
  return undefined
}

/** `data` is the JSON text of the body. */
function send(res: http.ServerResponse, status: number, data: string, close = false): void {
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
 * length before a byte is read, and every other route runs the same handler
 * as its Payload endpoint, on a request read from the socket. Returns
 * `false` for any other path.
 */
export function createSubmissionsHandler(payload: Payload) {
  // The options the plugin put on the config: the endpoints' handlers read the same.
  const resolved = payload.config.custom?.submissions as ResolvedSubmissionsOptions | undefined
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
          send(res, 500, JSON.stringify(errorOutput(err).body))
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
      const endpoint = endpointFor(method, pathname.slice(API.length))
      let status: number
      let data: string
      if (endpoint) {
        const request: SubmissionsRequest = {
          payload,
          user,
          headers,
          routeParams: endpoint.routeParams,
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
        const response = await endpoint.handler(request)
        status = response.status
        data = await response.text()
      } else {
        const path = pathname.slice(PREFIX.length - 1)
        status = 404
        data = JSON.stringify({
          errors: [{ field: '', code: 'notFound', message: `没有这个接口：${method} ${path}` }],
        })
      }
      // A refused upload leaves its body unread: answer, then drop the connection rather than read it.
      const unread = !req.readableEnded && status >= 400
      if (unread) {
        res.once('finish', () => req.destroy())
      }
      send(res, status, data, unread)
    })().catch((err: unknown) => {
      const out = errorOutput(err, { payload })
      if (!res.headersSent) {
        send(res, out.status, JSON.stringify(out.body))
      }
    })
    return true
  }
}
