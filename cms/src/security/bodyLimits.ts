import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Request body caps for everything cms/server.ts hands to Next (REST,
 * GraphQL, the admin's server actions, the plugins' Payload endpoints),
 * checked on the declared length before a byte is read: Payload parses JSON
 * bodies whole, with no limit of its own. The fast paths (/api/voting/*,
 * /api/submissions/*) keep their own caps. Import-free for the outer server.
 */

const MB = 1024 * 1024

function bytesFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/**
 * JSON, GraphQL, urlencoded and any other non-multipart body to the API.
 * Measured on the seed: the longest campaign is 10 KB of JSON, and the
 * admin saves it as a 10 KB multipart body (the JSON in its `_payload`
 * field); 1 MB is a notice a hundred times longer.
 */
export const MAX_JSON_BODY_BYTES = bytesFromEnv('EXEMPLAR_MAX_JSON_BYTES', MB)

/**
 * Non-multipart bodies to the admin's pages: Next server actions, which carry
 * the whole form state as text — 63 KB for that 10 KB campaign (measured),
 * about six times the document. 4 MB keeps the same margin as the API's cap.
 */
export const MAX_ADMIN_ACTION_BYTES = bytesFromEnv('EXEMPLAR_MAX_ADMIN_ACTION_BYTES', 4 * MB)

/**
 * One file uploaded through Payload's own routes (the admin's media
 * uploads); the public's uploads go through /api/submissions with their
 * track's limits. The Media collection's `upload.limits.fileSize` should use
 * this number so the two refusals agree.
 */
export const MAX_UPLOAD_FILE_BYTES = bytesFromEnv('EXEMPLAR_MAX_UPLOAD_BYTES', 30 * MB)

/** A multipart body: one file plus its form fields (the `_payload` JSON). */
export const MAX_MULTIPART_BODY_BYTES = MAX_UPLOAD_FILE_BYTES + MAX_JSON_BODY_BYTES

function megabytes(bytes: number): string {
  const mb = bytes / MB
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
}

function isMultipart(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')
}

function isAdminPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?', 1)[0]!
  return path === '/admin' || path.startsWith('/admin/')
}

/** The cap for this request's content type (and, for the admin's actions, route). */
export function bodyLimitFor(req: IncomingMessage): number {
  if (isMultipart(req)) {
    return MAX_MULTIPART_BODY_BYTES
  }
  return isAdminPath(req.url) ? MAX_ADMIN_ACTION_BYTES : MAX_JSON_BODY_BYTES
}

/**
 * Past this much a refused body is not read to its end: the connection is
 * closed after the answer. Below it the rest is read and dropped, so the
 * client (a browser, the site's /api proxy still streaming) can finish
 * sending and read the answer on an open connection.
 */
const DRAIN_BYTES = 2 * MAX_MULTIPART_BODY_BYTES

function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  const declared = Number(req.headers['content-length'] ?? 0)
  const drain = declared <= DRAIN_BYTES
  const body = JSON.stringify({ errors: [{ code, message }] })
  const answer = () => {
    if (res.headersSent) {
      return
    }
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      ...(drain ? {} : { connection: 'close' }),
    })
    res.end(body)
  }
  if (!drain) {
    answer()
    res.once('finish', () => req.socket.destroy())
    return
  }
  // Answer at once, but keep the connection open while the rest of the body
  // is read and dropped: Node would otherwise close it after the answer when
  // the client asked for `Connection: close`, and a client still sending
  // would meet a closed socket (EPIPE) instead of reading the 413.
  const close = /\bclose\b/i.test(req.headers.connection ?? '')
  res.shouldKeepAlive = true
  answer()
  let read = 0
  req.on('data', (chunk: Buffer) => {
    read += chunk.length
    // A chunked body has announced nothing: it is dropped up to the same budget.
    if (read > DRAIN_BYTES) {
      req.socket.destroy()
    }
  })
  req.once('end', () => {
    if (close) {
      req.socket.end()
    }
  })
  req.resume()
}

/**
 * Answers 413 when the declared length is over the cap, and 411 when a body
 * comes without a length (chunked): Next would read it to the end, and no
 * browser sends a form, JSON or upload that way. Returns true when it
 * answered.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = req.headers['content-length']
  const chunked = req.headers['transfer-encoding'] !== undefined
  const multipart = isMultipart(req)
  // People know the file's limit; the few form fields beside it are no one's concern.
  const named = multipart
    ? `上传文件不超过 ${megabytes(MAX_UPLOAD_FILE_BYTES)}`
    : `请求内容（JSON、GraphQL、表单）不超过 ${megabytes(bodyLimitFor(req))}`
  if (chunked && declared === undefined) {
    refuse(
      req,
      res,
      411,
      'body.lengthRequired',
      `请求须注明 Content-Length（${named}），不接受分块传输`,
    )
  } else if (declared !== undefined && Number(declared) > bodyLimitFor(req)) {
    refuse(req, res, 413, 'body.tooLarge', `请求内容过大：${named}`)
  } else {
    return false
  }
  return true
}
