/**
 * One HTTP exchange as the hostile-input run sees it: the status (or why
 * there was none), the time the answer took and the body as text, so a case
 * can judge the answer without the client hiding a reset or a timeout.
 */
import http from 'node:http'

export interface Session {
  /** Payload's session token (sent as the `payload-token` cookie and as `Authorization: JWT`). */
  token?: string
  /** A voter token (sent as `Authorization: Voter`). */
  voter?: string
}

export interface RequestSpec {
  method?: string
  /** Path and query, e.g. `/api/entries?limit=1`, or a full URL. */
  path: string
  /** Which server: the CMS (default) or the site. */
  to?: 'cms' | 'site'
  /** A JSON value (serialised), raw bytes or text, or a FormData. */
  json?: unknown
  raw?: Buffer | string
  form?: FormData
  contentType?: string
  headers?: Record<string, string>
  as?: Session
}

export interface Answer {
  method: string
  url: string
  /** 0 when no answer came: `failure` says why. */
  status: number
  failure?: 'reset' | 'timeout' | 'error'
  detail?: string
  ms: number
  text: string
  headers: Headers
}

export interface Endpoints {
  cmsUrl: string
  siteUrl: string
  timeoutMs: number
}

function headersFor(spec: RequestSpec, endpoints: Endpoints): Record<string, string> {
  const headers: Record<string, string> = {
    // Payload takes the cookie only from a trusted origin (CSRF), as the site's proxy sends it.
    origin: endpoints.siteUrl,
  }
  if (spec.as?.token) {
    headers.cookie = `payload-token=${spec.as.token}`
    headers.authorization = `JWT ${spec.as.token}`
  }
  if (spec.as?.voter) {
    headers.authorization = `Voter ${spec.as.voter}`
  }
  if (spec.json !== undefined || spec.raw !== undefined) {
    headers['content-type'] = spec.contentType ?? 'application/json'
  }
  return { ...headers, ...spec.headers }
}

async function bodyOf(spec: RequestSpec): Promise<{ bytes?: Buffer; type?: string }> {
  if (spec.form) {
    // The multipart encoding fetch would send, boundary included.
    const encoded = new Response(spec.form)
    return {
      bytes: Buffer.from(await encoded.arrayBuffer()),
      type: encoded.headers.get('content-type') ?? undefined,
    }
  }
  if (spec.raw !== undefined) {
    return { bytes: typeof spec.raw === 'string' ? Buffer.from(spec.raw) : spec.raw }
  }
  if (spec.json !== undefined) {
    return { bytes: Buffer.from(JSON.stringify(spec.json)) }
  }
  return {}
}

/**
 * Sends one request on a connection of its own (so one case's reset never
 * shows up as the next case's) and never throws: a reset or a timeout is an
 * answer too. An answer that arrives before the server closes on a body it
 * did not want to read counts as that answer.
 */
export async function exchange(spec: RequestSpec, endpoints: Endpoints): Promise<Answer> {
  const base = spec.to === 'site' ? endpoints.siteUrl : endpoints.cmsUrl
  const url = /^https?:/.test(spec.path) ? spec.path : `${base}${spec.path}`
  const body = await bodyOf(spec)
  const method = spec.method ?? (body.bytes === undefined ? 'GET' : 'POST')
  const headers = headersFor(spec, endpoints)
  if (body.type) {
    headers['content-type'] = body.type
  }
  if (body.bytes) {
    headers['content-length'] = String(body.bytes.length)
  }
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  return new Promise<Answer>((resolve) => {
    let status = 0
    const resHeaders = new Headers()
    const chunks: Buffer[] = []
    let settled = false
    const finish = (failure?: Answer['failure'], detail?: string) => {
      if (settled) {
        return
      }
      settled = true
      clearTimeout(timer)
      const answered = status !== 0 && failure !== 'timeout'
      resolve({
        method,
        url,
        status: answered ? status : 0,
        ...(answered || !failure ? {} : { failure, detail }),
        ms: elapsed(),
        text: Buffer.concat(chunks).toString('utf8'),
        headers: resHeaders,
      })
    }
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      status = res.statusCode ?? 0
      for (const [k, v] of Object.entries(res.headers)) {
        if (v !== undefined) {
          resHeaders.set(k, Array.isArray(v) ? v.join(', ') : v)
        }
      }
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => finish())
      res.on('error', () => finish())
      res.on('aborted', () => finish())
    })
    const timer = setTimeout(() => {
      req.destroy()
      finish('timeout', `no answer in ${endpoints.timeoutMs} ms`)
    }, endpoints.timeoutMs)
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message
      finish(/ECONNRESET|EPIPE|hang up|ECONNREFUSED/.test(code) ? 'reset' : 'error', code)
    })
    req.end(body.bytes)
  })
}

/** The answer's JSON, or undefined when it is not JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jsonOf(answer: Answer): any {
  try {
    return JSON.parse(answer.text)
  } catch {
    return undefined
  }
}

export const isServerError = (a: Answer) => a.status === 0 || a.status >= 500
/** A success, or a redirect that does not lead to an error or a sign-in page. */
export const isAccepted = (a: Answer) =>
  (a.status >= 200 && a.status < 300) ||
  (a.status >= 300 &&
    a.status < 400 &&
    !/error|login|404|500/.test(a.headers.get('location') ?? ''))
