import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ChangeFeed } from './changeFeed'
import { PageStore, warmPage } from './pageStore'
import { createWarmPath, pageKey } from './warmPath'

const store = new PageStore({ maxBytes: 1e7, maxPages: 100 })
let healthy = true
const feed = { healthy: () => healthy } as unknown as ChangeFeed
const warm = createWarmPath(store, feed)
let base = ''
let server: http.Server

const keep = (key: string, text: string) => {
  const now = Date.now()
  store.set(
    key,
    warmPage(new TextEncoder().encode(`<!doctype html><p>${text.repeat(40)}</p>`), {
      status: 200,
      headers: [
        ['content-type', 'text/html'],
        ['cache-control', 'public, max-age=0'],
        ['content-security-policy', "default-src 'self'"],
      ],
      tags: ['gallery'],
      storedAt: now,
      expiresAt: now + 60_000,
    }),
    store.epoch,
  )
}

beforeAll(async () => {
  // A real server: the warm path first, then what stands for Astro (it says so).
  server = http.createServer((request, response) => {
    if (!warm(request, response)) {
      response.writeHead(200, { 'x-answered-by': 'astro' })
      response.end('rendered')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  keep('/gallery', '病例')
  keep(pageKey(new URL('http://x/gallery?year=2024&q=健康')), '健康')
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the warm path', () => {
  it('should answer a held page compressed, with its stored headers and the cache marks', async () => {
    const res = await fetch(`${base}/gallery`, { headers: { 'accept-encoding': 'br' } })
    expect(res.headers.get('x-answered-by')).toBeNull()
    expect(res.headers.get('x-exemplar-cache')).toBe('hit')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'")
    expect(res.headers.get('vary')).toBe('accept-encoding')
    expect(await res.text()).toContain('病例病例')
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) => {
      http.get(`${base}/gallery`, { headers: { 'accept-encoding': 'gzip, br' } }, (r) => {
        const chunks: Buffer[] = []
        r.on('data', (c: Buffer) => chunks.push(c))
        r.on('end', () =>
          resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }),
        )
      })
    })
    expect(raw.encoding).toBe('br')
    expect(brotliDecompressSync(raw.body).toString()).toContain('病例病例')
  })

  it('should find a page whatever the order of its query, and answer 304 to its ETag', async () => {
    const first = await fetch(`${base}/gallery?q=${encodeURIComponent('健康')}&year=2024`)
    expect(await first.text()).toContain('健康健康')
    const again = await fetch(`${base}/gallery?year=2024&q=${encodeURIComponent('健康')}`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    })
    expect(again.status).toBe(304)
    expect(again.headers.get('x-exemplar-cache')).toBe('hit')
  })

  it('should leave to Astro what it does not hold, what is not a GET, and everything while the feed is quiet', async () => {
    const astro = async (url: string, init?: RequestInit) =>
      (await fetch(`${base}${url}`, init)).headers.get('x-answered-by')
    expect(await astro('/gallery?page=2')).toBe('astro')
    expect(await astro('/gallery', { method: 'POST' })).toBe('astro')
    expect(await astro('/api/gallery')).toBe('astro')
    healthy = false
    expect(await astro('/gallery')).toBe('astro')
    healthy = true
    store.dropTagged(['gallery'])
    expect(await astro('/gallery')).toBe('astro')
  })
})
