import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * A path whose percent-escapes are no UTF-8 (`/api/entries/%C0%AE`) names
 * nothing; Next crashed on it into a 500. Answers 400 and returns true.
 */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/'
  const path = url.split('?')[0] ?? '/'
  try {
    decodeURIComponent(path)
    return false
  } catch {
    const body = JSON.stringify({
      errors: [{ code: 'path.malformed', message: '请求地址含有无效的编码（不是 UTF-8）' }],
    })
    res.writeHead(400, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
    })
    res.end(body)
    return true
  }
}
