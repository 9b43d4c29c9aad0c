import type { ServerResponse } from 'node:http'

/** A JSON answer on a bare node-http response: the fast paths' one way to reply. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(status === 304 ? undefined : JSON.stringify(body ?? {}))
}
