import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { parse } from 'qs-esm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  clearCache,
  CmsUnavailable,
  getCampaignBySlug,
  getCertificate,
  getLeaderboard,
  getPledgeCount,
  getSigningKey,
  listCampaigns,
  listEntries,
  NotFound,
} from '.'
import { PUBLIC_ENTRY_STATES } from '../lib/labels'

interface Seen {
  url: string
  headers: IncomingMessage['headers']
}

/** A stand-in CMS on a real port: answers each path from `routes`, records every request. */
let server: Server
let seen: Seen[] = []
let routes: Record<string, { status: number; body: unknown; headers?: Record<string, string> }> = {}

const page = (docs: unknown[]) => ({
  docs,
  totalDocs: docs.length,
  limit: 10,
  page: 1,
  totalPages: 1,
  hasNextPage: false,
  hasPrevPage: false,
  pagingCounter: 1,
})

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    const route = routes[new URL(req.url ?? '/', 'http://cms').pathname]
    res.writeHead(route?.status ?? 404, {
      'content-type': 'application/json',
      ...route?.headers,
    })
    res.end(JSON.stringify(route?.body ?? { errors: [{ message: 'Not Found' }] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  process.env.CMS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})

afterAll(async () => {
  delete process.env.CMS_URL
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  clearCache()
  seen = []
  routes = {}
})

/** The query as Payload reads it (createPayloadRequest parses with qs-esm, arrayLimit 1000). */
const queryOf = (url: string) => parse(url.split('?')[1] ?? '', { arrayLimit: 1000 })

describe('the CMS client', () => {
  it('should send a read as the nested query Payload parses, asking for JSON and carrying no cookie', async () => {
    routes['/api/entries'] = { status: 200, body: page([]) }
    await listEntries({ campaign: 3, themes: [7, 8], page: 2 })
    expect(seen).toHaveLength(1)
    const query = queryOf(seen[0]!.url)
    expect(query.where).toEqual({
      campaign: { equals: '3' },
      status: { in: [...PUBLIC_ENTRY_STATES] },
      theme: { in: ['7', '8'] },
    })
    expect(query).toMatchObject({ depth: '1', limit: '24', page: '2', sort: 'number' })
    expect(seen[0]!.headers.accept).toBe('application/json')
    expect(seen[0]!.headers.cookie).toBeUndefined()
    expect(seen[0]!.headers.authorization).toBeUndefined()
  })

  it('should reuse an identical read and not a failed one', async () => {
    routes['/api/campaigns'] = { status: 200, body: page([{ id: 1, slug: 'a' }]) }
    await listCampaigns()
    await listCampaigns()
    expect(seen).toHaveLength(1)

    routes['/api/campaigns'] = { status: 503, body: {} }
    clearCache()
    await expect(listCampaigns()).rejects.toBeInstanceOf(CmsUnavailable)
    routes['/api/campaigns'] = { status: 200, body: page([]) }
    await expect(listCampaigns()).resolves.toEqual([])
  })

  it('should answer NotFound for a missing document and for a 404', async () => {
    routes['/api/campaigns'] = { status: 200, body: page([]) }
    await expect(getCampaignBySlug('none')).rejects.toThrow(new NotFound('campaign none'))
    delete routes['/api/campaigns']
    clearCache()
    await expect(getCampaignBySlug('none')).rejects.toBeInstanceOf(NotFound)
  })

  it('should answer CmsUnavailable with the status for an error and without one when unreachable', async () => {
    routes['/api/campaigns'] = { status: 502, body: {} }
    const error = await listCampaigns().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CmsUnavailable)
    expect((error as CmsUnavailable).status).toBe(502)

    const url = process.env.CMS_URL
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    process.env.CMS_URL = `http://127.0.0.1:${port}`
    try {
      const unreachable = await listCampaigns().catch((e: unknown) => e)
      expect(unreachable).toBeInstanceOf(CmsUnavailable)
      expect((unreachable as CmsUnavailable).status).toBeUndefined()
    } finally {
      process.env.CMS_URL = url
    }
  })

  it('should read a leaderboard with its ETag', async () => {
    const board = { campaign: 'a', by: 'entry', rows: [] }
    routes['/api/voting/leaderboard'] = { status: 200, body: board, headers: { etag: '"v1"' } }
    await expect(getLeaderboard('a', { by: 'entry' })).resolves.toEqual({
      data: board,
      etag: '"v1"',
    })
    expect(new URL(seen[0]!.url, 'http://cms').searchParams.get('campaign')).toBe('a')
  })

  it('should read the pledge count fresh, and as undefined when it cannot', async () => {
    routes['/api/participants/pledges/count'] = { status: 200, body: { count: 4 } }
    await expect(getPledgeCount(9)).resolves.toBe(4)
    await expect(getPledgeCount(9)).resolves.toBe(4)
    expect(seen).toHaveLength(2)
    routes['/api/participants/pledges/count'] = { status: 500, body: {} }
    await expect(getPledgeCount(9)).resolves.toBeUndefined()
  })
})

describe('the certificate reads', () => {
  it('should ask for one certificate by its number and answer null when there is none', async () => {
    routes['/api/certificates'] = { status: 200, body: page([]) }
    await expect(getCertificate('2021-000123-8')).resolves.toBeNull()
    expect(queryOf(seen[0]!.url)).toMatchObject({
      where: { number: { equals: '2021-000123-8' } },
      depth: '0',
      limit: '1',
    })
    clearCache()
    routes['/api/certificates'] = { status: 200, body: page([{ id: 4, number: '2021-000123-8' }]) }
    await expect(getCertificate('2021-000123-8')).resolves.toMatchObject({ id: 4 })
  })

  it('should read the public key, and say NotFound when the CMS has no such endpoint', async () => {
    const key = {
      algorithm: 'Ed25519',
      keyId: '0123456789abcdef',
      publicKeyPem: 'PEM',
      publicKeyRaw: 'AA==',
    }
    routes['/api/certificates/public-key'] = { status: 200, body: key }
    await expect(getSigningKey()).resolves.toEqual(key)
    clearCache()
    delete routes['/api/certificates/public-key']
    await expect(getSigningKey()).rejects.toBeInstanceOf(NotFound)
  })
})
