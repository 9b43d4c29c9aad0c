import { spawn } from 'node:child_process'

import autocannon from 'autocannon'

import { freePort, waitForHttp } from '../helpers/servers'

export interface LoadResult {
  rps: number
  p99: number
  requests: number
  non2xx: number
  errors: number
}

/** One autocannon run (after a short warm-up that is not measured). */
export async function load(
  options: autocannon.Options & { warmupSeconds?: number },
): Promise<LoadResult> {
  const { warmupSeconds = 2, ...rest } = options
  if (warmupSeconds > 0) {
    await autocannon({ ...rest, duration: warmupSeconds })
  }
  const result = await autocannon(rest)
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/**
 * The baseline: a bare Node `http` server answering 204, in its own process
 * like the CMS, so both compete with the load generator on the same terms.
 */
export async function startBareServer(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => { s.writeHead(204); s.end() }) }).listen(${port}, '127.0.0.1')`,
    ],
    { stdio: 'inherit' },
  )
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(url, child)
  return { url, stop: () => child.kill('SIGTERM') }
}

export function table(rows: Record<string, string | number>[]): string {
  const keys = Object.keys(rows[0] ?? {})
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ')
  return [line(keys), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n')
}
