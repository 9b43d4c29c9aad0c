/**
 * Same-origin JSON from the browser scripts: the one way they call the site's
 * /api (proxied to the CMS). The session or voter cookie rides along. Every
 * refusal comes back in the server's one error shape (`@exemplar/http`),
 * whichever route answered, so the scripts read `errors` and `retryAfter`
 * and never the body's many spellings.
 */
import { problemsOf, type Problem } from '@exemplar/http'

/** A refusal as the server's error body says it: `{ errors: [{ field?, code, message }], retryAfter? }`. */
export interface HttpError {
  errors: Problem[]
  /** Seconds to wait before trying again, when the server said (body, or Retry-After). */
  retryAfter?: number
}

export interface JsonReply<T = unknown> extends HttpError {
  ok: boolean
  status: number
  /** The body of a 2xx answer; undefined for a refusal or an answer without JSON. */
  data: T | undefined
}

/** fetch itself failed: no answer came (offline, DNS, the site down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('网络异常，请稍后重试。', { cause })
    this.name = 'NetworkError'
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

/**
 * Payload's own collection routes answer `{ errors: [{ message }] }` without a
 * code, and a ValidationError nests its fields under `data.errors` with
 * `path`; both become problems here, so every reader sees one shape.
 */
function asProblems(item: unknown): unknown[] {
  if (!isRecord(item)) {
    return []
  }
  const nested = isRecord(item.data) ? item.data.errors : undefined
  if (Array.isArray(nested) && nested.length > 0) {
    return nested.filter(isRecord).map((inner) => ({
      ...(typeof inner.path === 'string' ? { field: inner.path } : {}),
      code: 'invalid',
      message: inner.message,
    }))
  }
  const field = typeof item.field === 'string' ? item.field : item.path
  const code = typeof item.code === 'string' ? item.code : item.name
  return [
    {
      ...(typeof field === 'string' ? { field } : {}),
      code: typeof code === 'string' ? code : 'error',
      message: item.message,
      ...(typeof item.limit === 'number' || typeof item.limit === 'string'
        ? { limit: item.limit }
        : {}),
    },
  ]
}

/** The problems of any error body this platform answers; none when it is not one. */
export function problemsIn(body: unknown): Problem[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) {
    return []
  }
  return problemsOf({ errors: body.errors.flatMap(asProblems) }).filter((p) => p.message !== '')
}

function retryAfterOf(body: unknown, header: string | null): number | undefined {
  const said = isRecord(body) ? body.retryAfter : undefined
  if (typeof said === 'number' && Number.isFinite(said)) {
    return said
  }
  const seconds = header === null || header.trim() === '' ? NaN : Number(header)
  return Number.isFinite(seconds) ? seconds : undefined
}

/**
 * One same-origin JSON call. Any HTTP answer resolves (a refusal as
 * `ok: false` with the server's problems); only a failed network rejects,
 * with a NetworkError.
 */
export async function requestJson<T = unknown>(
  method: Method,
  path: string,
  body?: unknown,
): Promise<JsonReply<T>> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    })
  } catch (error) {
    throw new NetworkError(error)
  }
  const parsed: unknown = await res.json().catch(() => undefined)
  if (res.ok) {
    return { ok: true, status: res.status, data: parsed as T | undefined, errors: [] }
  }
  const retryAfter = retryAfterOf(parsed, res.headers.get('retry-after'))
  return {
    ok: false,
    status: res.status,
    data: undefined,
    errors: problemsIn(parsed),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  }
}

export const getJson = <T = unknown>(path: string) => requestJson<T>('GET', path)

export const postJson = <T = unknown>(path: string, body: unknown) =>
  requestJson<T>('POST', path, body)

export const putJson = <T = unknown>(path: string, body: unknown) =>
  requestJson<T>('PUT', path, body)

/** What a reader of `(status, body)` takes: the data of a 2xx, else the refusal itself. */
export const bodyOf = (reply: JsonReply): unknown => (reply.ok ? reply.data : reply)
