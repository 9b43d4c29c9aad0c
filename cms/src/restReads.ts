import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { handleEndpoints, type Payload } from 'payload'

/** Routes Next itself adds or serves from other route files. */
const NEXT_ONLY = /^\/api\/(graphql|graphql-playground|og)(\/|\?|$)/

/**
 * REST reads (`GET /api/…`) answered by Payload's own REST dispatcher
 * (`handleEndpoints`, the function Next's `[...slug]` route calls) on the
 * bare Node server: the same authentication, access, hooks and CORS headers,
 * without Next's routing around it, which cost about 10 ms a request — more
 * than most reads themselves (a gallery search's misses are mostly that).
 * Writes stay on Next. JSON goes out uncompressed: its readers are the
 * site's processes beside it (a public proxy in front compresses).
 */
export function createRestReads(payload: Payload) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/'
    if (req.method !== 'GET' || !url.startsWith('/api/') || NEXT_ONLY.test(url)) {
      return false
    }
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !name.startsWith(':')) {
        headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
    }
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${url}`, {
      method: 'GET',
      headers,
    })
    void handleEndpoints({ config: payload.config, request })
      .then(async (response) => {
        for (const [name, value] of response.headers) {
          if (name !== 'set-cookie') {
            res.setHeader(name, value)
          }
        }
        const cookies = response.headers.getSetCookie()
        if (cookies.length > 0) {
          res.setHeader('set-cookie', cookies)
        }
        res.writeHead(response.status)
        // Streamed: an upload's file (`/api/media/file/…`) is never held whole in memory.
        if (response.body) {
          await pipeline(Readable.fromWeb(response.body as never), res)
        } else {
          res.end()
        }
      })
      .catch((err: unknown) => {
        // A reader that goes away mid-download is no failure of ours.
        if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
          payload.logger.error({ err }, 'REST read failed')
        }
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
          res.end(JSON.stringify({ errors: [{ message: 'Something went wrong.' }] }))
        } else {
          res.destroy()
        }
      })
    return true
  }
}
