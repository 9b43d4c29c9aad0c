import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { FRESHNESS_OVERLAP_MS } from '@exemplar/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ChangeFeed } from './changeFeed'
import { PageStore, warmPage } from './pageStore'

/** A real HTTP server answering as the CMS's changes route would, from a script of answers. */
let server: http.Server
let base: string
const asked: string[] = []
let answers: unknown[] = []

beforeAll(async () => {
  server = http.createServer((req, res) => {
    asked.push(req.url ?? '')
    const next = answers.shift()
    if (next === undefined) {
      res.writeHead(503).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(next))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.close()
})

const page = (tags: string[]) =>
  warmPage(new TextEncoder().encode('<p>x</p>'), {
    status: 200,
    headers: [],
    tags,
    storedAt: Date.now(),
    expiresAt: Date.now() + 60_000,
  })

describe('ChangeFeed', () => {
  it('should drop tagged pages once per change, ask from the CMS’s own clock less the overlap, and fall unhealthy when the CMS stops answering', async () => {
    asked.length = 0
    const store = new PageStore({ maxBytes: 1e7, maxPages: 100 })
    let drops = 0
    const feed = new ChangeFeed({ cmsUrl: () => base, store, onDrop: () => drops++ })
    const cmsNow = 1_900_000_000_000
    answers = [
      { now: cmsNow, changes: [], reset: true },
      {
        now: cmsNow + 1_000,
        changes: [{ id: 7, at: cmsNow + 500, tags: ['entry:1'] }],
        reset: false,
      },
      // The overlap brings change 7 again: it is not applied twice.
      {
        now: cmsNow + 2_000,
        changes: [{ id: 7, at: cmsNow + 500, tags: ['entry:1'] }],
        reset: false,
      },
    ]
    expect(feed.healthy()).toBe(false)
    await feed.poll()
    expect(feed.healthy()).toBe(true)
    expect(drops).toBe(1)
    store.set('/entries/1', page(['entry:1']), store.epoch)
    store.set('/entries/2', page(['entry:2']), store.epoch)
    await feed.poll()
    expect([store.get('/entries/1'), store.get('/entries/2')?.tags]).toEqual([
      undefined,
      ['entry:2'],
    ])
    store.set('/entries/1', page(['entry:1']), store.epoch)
    await feed.poll()
    expect(store.get('/entries/1')).toBeDefined()
    expect(drops).toBe(2)
    expect(asked).toEqual([
      '/api/freshness/changes',
      `/api/freshness/changes?since=${cmsNow - FRESHNESS_OVERLAP_MS}`,
      `/api/freshness/changes?since=${cmsNow + 1_000 - FRESHNESS_OVERLAP_MS}`,
    ])
    await expect(feed.poll()).rejects.toThrow(/503/)
    expect(feed.healthy(Date.now() + 5_000)).toBe(false)
  })

  it('should drop every page when the CMS says it cannot tell what changed', async () => {
    const store = new PageStore({ maxBytes: 1e7, maxPages: 100 })
    const feed = new ChangeFeed({ cmsUrl: () => base, store, onDrop: () => undefined })
    answers = [
      { now: 1, changes: [], reset: true },
      { now: 2, changes: [], reset: true },
    ]
    await feed.poll()
    store.set('/', page(['home']), store.epoch)
    await feed.poll()
    expect(store.size).toBe(0)
  })
})
