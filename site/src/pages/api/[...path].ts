import type { APIRoute } from 'astro'

import { freshenAfterWrite } from '../../cache'
import { cmsUrl } from '../../cms'

/**
 * Same-origin /api/*: media files, and later the forms and votes, go to the
 * CMS through the site so cookies and CSRF stay same-site. Bodies stream both
 * ways; only hop-by-hop headers are dropped (RFC 9110 §7.6.1).
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
])

function forwardHeaders(source: Headers, extraDrop: readonly string[] = []): Headers {
  const named = (source.get('connection') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
  const headers = new Headers()
  source.forEach((value, key) => {
    if (!HOP_BY_HOP.has(key) && !named.includes(key) && !extraDrop.includes(key)) {
      headers.append(key, value)
    }
  })
  return headers
}

export const ALL: APIRoute = async ({ request, url, clientAddress }) => {
  const target = `${cmsUrl()}${url.pathname}${url.search}`
  const headers = forwardHeaders(request.headers)
  headers.set('x-forwarded-host', url.host)
  headers.set('x-forwarded-proto', url.protocol.replace(':', ''))
  try {
    headers.set('x-forwarded-for', clientAddress)
  } catch {
    // clientAddress is unavailable in some adapters' modes; the header is advisory.
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null

  let upstream: Response
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      // Required by Node's fetch to stream a request body instead of buffering it.
      ...(hasBody ? { duplex: 'half' } : {}),
      redirect: 'manual',
      signal: request.signal,
    } as RequestInit)
  } catch {
    return new Response(JSON.stringify({ errors: [{ message: '内容服务暂时不可用' }] }), {
      status: 502,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
  }

  if (upstream.ok) {
    await freshenAfterWrite(request.method, url.pathname)
  }

  // fetch decodes a compressed body, so its encoding and length no longer describe the bytes.
  const decoded = upstream.headers.has('content-encoding')
  const responseHeaders = forwardHeaders(
    upstream.headers,
    decoded ? ['content-encoding', 'content-length'] : [],
  )
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: responseHeaders,
  })
}
