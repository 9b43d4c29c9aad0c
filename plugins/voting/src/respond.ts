import { createHash } from 'node:crypto'

import { errorBody, problem } from '@exemplar/http'

import type { Refusal } from './lib/rules'
import type { Id } from './store/types'

/** A request as the handlers need it, whichever server delivered it. */
export interface VotingRequest {
  method: string
  path: string
  query: URLSearchParams
  header: (name: string) => string | undefined
  ip: string
  json: () => Promise<unknown>
  user?: unknown
  /** The request's path and query as sent, the key of the fast path's per-URL board cache. */
  url?: string
}

export interface VotingResponse {
  status: number
  headers?: Record<string, string>
  body?: unknown
  /** A body already encoded to bytes (cached leaderboards, possibly gzipped). */
  bytes?: Buffer
}

export const VOTER_COOKIE = 'exemplar-voter'
export const VOTER_TOKEN_TTL = 30 * 24 * 3600
/** Longer voter tokens are not ours (ours are under 100 characters): refused unread. */
export const MAX_TOKEN_LENGTH = 256

/** A cookie's value, or `undefined`; a malformed escape is no cookie rather than an error. */
export function cookie(header: string | undefined, name: string): string | undefined {
  if (!header) {
    return undefined
  }
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='))
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

export function voterCookie(token: string): string {
  const secure =
    process.env.NODE_ENV === 'production' && !process.env.EXEMPLAR_INSECURE_COOKIES
      ? '; Secure'
      : ''
  return `${VOTER_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${VOTER_TOKEN_TTL}${secure}`
}

export const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32)

export const refusal = (r: Refusal): VotingResponse => ({
  status: r.status,
  headers: r.retryAfter ? { 'retry-after': String(r.retryAfter) } : undefined,
  body: errorBody(problem(r.code, r.error), r.retryAfter ? { retryAfter: r.retryAfter } : {}),
})

export const bad = (
  status: 400 | 401 | 403 | 404,
  code: string,
  error: string,
): VotingResponse => ({
  status,
  body: errorBody(problem(code, error)),
})

/** SQLite ids are integers; a token carries them as text. */
export function normalizeId(id: string | number): Id {
  return typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id
}
