import type { IncomingMessage, ServerResponse } from 'node:http'

import { errorBody, problem } from '@exemplar/http'
import { sendJson } from '@exemplar/http/node'
import type { Payload } from 'payload'

import { acceptsGzip } from '../lib/acceptsGzip'
import { BODY_TOO_LARGE, BodyTooLargeError, declaresTooLarge, MAX_BODY_BYTES } from '../lib/body'
import { votingService, type VotingRequest, type VotingResponse } from '../service'
import type { ResolvedVotingOptions } from '../types'

/** Past this much a refused body is not read to its end; below it, it is read and dropped. */
const DRAIN_BYTES = 64 * 1024 * 1024

/**
 * The body, at most MAX_BODY_BYTES of it. Past the cap the rest is read and
 * dropped (within DRAIN_BYTES) before the refusal, so the client finishes
 * sending and reads the 413 instead of meeting a closed socket mid-write.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length']
    if (declaresTooLarge(declared, DRAIN_BYTES)) {
      reject(new BodyTooLargeError())
      return
    }
    let size = 0
    let over = declaresTooLarge(declared)
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > DRAIN_BYTES) {
        req.pause()
        reject(new BodyTooLargeError())
        return
      }
      over ||= size > MAX_BODY_BYTES
      if (!over) {
        chunks.push(chunk)
      }
    })
    req.on('end', () =>
      over ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}

function tooLarge(req: IncomingMessage, res: ServerResponse) {
  const unread = !req.readableEnded
  if (unread) {
    res.once('finish', () => req.destroy())
  }
  send(res, { ...BODY_TOO_LARGE, headers: unread ? { connection: 'close' } : {} })
}

function send(res: ServerResponse, out: VotingResponse) {
  if (!out.bytes) {
    sendJson(res, out.status, out.body, out.headers)
    return
  }
  // A cached board: already encoded, perhaps gzipped.
  res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', ...out.headers })
  res.end(out.status === 304 ? undefined : out.bytes)
}

/**
 * The two hot routes — cast a vote, read a leaderboard — answered on the bare
 * Node server before Next.js: the same service as the Payload endpoints,
 * without a framework's routing on every request. Returns `false` for any
 * other request, which then goes to Next.
 */
export function createVotingHandler(payload: Payload, options?: ResolvedVotingOptions) {
  const resolved = options ?? (payload.config.custom?.voting as ResolvedVotingOptions | undefined)
  if (!resolved) {
    throw new Error('createVotingHandler: the Payload config has no votingPlugin')
  }
  const service = votingService(payload, resolved)
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? ''
    const isVote = req.method === 'POST' && url === '/api/voting/votes'
    const isBoard = req.method === 'GET' && url.startsWith('/api/voting/leaderboard')
    if (!isVote && !isBoard) {
      return false
    }
    if (isBoard) {
      const board = service.freshBoardByUrl(url)
      if (board) {
        if (req.headers['if-none-match'] === board.etag) {
          res.writeHead(304, board.head.notModified)
          res.end()
          return true
        }
        const gzip = acceptsGzip(req.headers['accept-encoding'])
        res.writeHead(200, gzip ? board.head.gzip : board.head.plain)
        res.end(gzip ? board.gzip : board.bytes)
        return true
      }
    }
    // Votes carry no query string worth parsing; skip the URL parser on the hottest route.
    const parsed = isVote
      ? { pathname: '/api/voting/votes', searchParams: new URLSearchParams() }
      : new URL(url, 'http://localhost')
    let body: Promise<string> | undefined
    const request: VotingRequest = {
      method: req.method ?? 'GET',
      path: parsed.pathname,
      query: parsed.searchParams,
      header: (name) => {
        const value = req.headers[name.toLowerCase()]
        return Array.isArray(value) ? value[0] : value
      },
      ip:
        (req.headers['x-forwarded-for'] as string | undefined)?.split(',')[0]?.trim() ||
        req.socket.remoteAddress ||
        'unknown',
      url,
      json: async () => {
        body ??= readBody(req)
        const text = await body
        return text ? JSON.parse(text) : {}
      },
    }
    const work = isVote ? service.vote(request) : service.leaderboard(request)
    work.then(
      (out) => send(res, out),
      (error: { status?: number }) => {
        if (error instanceof BodyTooLargeError) {
          tooLarge(req, res)
          return
        }
        payload.logger.error({ err: error }, 'voting fast path failed')
        send(res, {
          status: 500,
          body: errorBody(problem('server_error', '服务器暂时无法处理投票，请稍后重试。')),
        })
      },
    )
    return true
  }
}

export { parseTrustedProxies, resolveClientIp } from '../lib/clientIp'
