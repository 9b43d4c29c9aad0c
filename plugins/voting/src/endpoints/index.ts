import type { Endpoint, PayloadRequest } from 'payload'

import { BODY_TOO_LARGE, BodyTooLargeError, readCappedText } from '../lib/body'
import { votingService, type VotingRequest, type VotingResponse } from '../service'
import type { ResolvedVotingOptions } from '../types'

/**
 * The client's address. The socket is not visible here; cms/server.ts has
 * already replaced X-Forwarded-For with the one address it trusts.
 */
function clientIp(headers: Headers): string {
  return (
    headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown'
  )
}

/**
 * The handlers' view of a Payload request. The body is read as text, at most
 * MAX_BODY_BYTES of it (lib/body), before JSON.parse sees it: Payload and
 * Next put no limit on a custom endpoint's body.
 */
export function toVotingRequest(req: PayloadRequest): VotingRequest {
  const url = new URL(req.url ?? 'http://localhost/')
  let text: Promise<string> | undefined
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    header: (name) => req.headers.get(name) ?? undefined,
    ip: clientIp(req.headers),
    json: async () => {
      text ??= readCappedText(
        (req as { body?: ReadableStream<Uint8Array> | null }).body,
        req.headers.get('content-length'),
      )
      const body = await text
      return body ? JSON.parse(body) : {}
    },
    user: req.user,
  }
}

export function toResponse(res: VotingResponse): Response {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', ...res.headers })
  if (res.status === 304) {
    return new Response(null, { status: 304, headers })
  }
  const body = res.bytes ? new Uint8Array(res.bytes) : JSON.stringify(res.body ?? {})
  return new Response(body, { status: res.status, headers })
}

type Action = (req: VotingRequest, params: Record<string, string>) => Promise<VotingResponse>

/**
 * The voting API as Payload endpoints under /api/voting. The CMS's own server
 * also answers the two hot routes (cast a vote, read a leaderboard) before
 * Next.js sees them; both paths run the same service.
 */
export function votingEndpoints(options: ResolvedVotingOptions): Endpoint[] {
  const route = (
    method: Endpoint['method'],
    path: string,
    action: (service: ReturnType<typeof votingService>) => Action,
  ): Endpoint => ({
    method,
    path: `/voting${path}`,
    handler: async (req) => {
      const service = votingService(req.payload, options)
      const params = (req.routeParams ?? {}) as Record<string, string>
      const request = toVotingRequest(req)
      if (method === 'post') {
        // Read (and cap) the body before any handler, so an oversized one is a 413
        // wherever the handler would have swallowed a parse error.
        try {
          await request.json()
        } catch (error) {
          if (error instanceof BodyTooLargeError) {
            return toResponse(BODY_TOO_LARGE)
          }
        }
      }
      return toResponse(await action(service)(request, params))
    },
  })
  return [
    route('post', '/code', (s) => (r) => s.requestCode(r)),
    route('post', '/verify', (s) => (r) => s.verifyCode(r)),
    route('get', '/me', (s) => (r) => s.me(r)),
    route('post', '/votes', (s) => (r) => s.vote(r)),
    route('post', '/votes/:id/void', (s) => (r, p) => s.voidVote(r, p.id ?? '')),
    route('get', '/leaderboard', (s) => (r) => s.leaderboard(r)),
    route('get', '/series', (s) => (r) => s.series(r)),
    route('get', '/integrity', (s) => (r) => s.integrity(r)),
    route('post', '/flag', (s) => (r) => s.flag(r)),
    route('post', '/recount', (s) => (r) => s.recount(r)),
  ]
}
