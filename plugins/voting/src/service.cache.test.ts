import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { resolveVotingOptions } from './options'
import { CACHE_CAPS, VotingService, type VotingRequest } from './service'

/**
 * The service's caches under a client inventing keys. Payload is a stand-in
 * that knows one campaign and one entry and counts its lookups; the store's
 * board query is stubbed (no database is needed to fill a cache).
 */
const CAMPAIGN = {
  id: 7,
  slug: 'known',
  title: '已知活动',
  phases: [],
  voting: {},
  _status: 'published',
}
const ENTRY = { id: 1, number: 'known-001', title: '已知作品', campaign: 7, status: 'voting' }
const lookups = { entries: 0, knownEntry: 0, campaigns: 0 }

type Where = { number?: { equals: string }; id?: { equals: unknown }; slug?: { equals: string } }
const payload = {
  secret: 'test-secret',
  db: { collections: {}, transactionOptions: false },
  logger: { warn: () => undefined, error: () => undefined },
  find: async ({ collection, where }: { collection: string; where: Where }) => {
    if (collection === 'entries') {
      lookups.entries += 1
      const known = where.number?.equals === ENTRY.number
      lookups.knownEntry += known ? 1 : 0
      return { docs: known ? [ENTRY] : [] }
    }
    lookups.campaigns += 1
    return { docs: where.slug?.equals === 'known' ? [{ id: CAMPAIGN.id }] : [] }
  },
  findByID: async ({ id }: { id: unknown }) => (id === CAMPAIGN.id ? CAMPAIGN : null),
}

const service = new VotingService(
  payload as never,
  resolveVotingOptions({
    votableStates: ['voting'],
    rankedStates: ['voting'],
    isEditor: () => false,
    sendSms: async () => undefined,
  }),
)
const boardQueries = vi.spyOn(service.store, 'leaderboard').mockResolvedValue([])

function get(url: string): VotingRequest {
  const parsed = new URL(url, 'http://localhost')
  return {
    method: 'GET',
    path: parsed.pathname,
    query: parsed.searchParams,
    header: () => undefined,
    ip: '127.0.0.1',
    json: async () => ({}),
    url,
  }
}

// The clock stands still, so no cached fact expires by age while the loops run.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
})

afterAll(async () => {
  vi.useRealTimers()
  await service.store.close()
})

describe('the voting caches under 100,000 invented keys', () => {
  it('should hold at most the entry cap after 100,000 unknown entry keys, and keep a known entry', async () => {
    expect(await service.entry(ENTRY.number)).toMatchObject({ id: 1, campaignId: 7 })
    for (let i = 0; i < 100_000; i++) {
      expect(await service.entry(`no-such-${i}`)).toBeUndefined()
      if (i % 1_000 === 0) {
        expect(await service.entry(ENTRY.number)).toMatchObject({ id: 1 })
      }
    }
    expect(service.cacheSizes().entries).toBeLessThanOrEqual(CACHE_CAPS.entries)
    expect(lookups.entries).toBe(100_001)
    // Read often, the known entry stayed in the cache: looked up once in all.
    expect(lookups.knownEntry).toBe(1)
  }, 60_000)

  it('should hold at most their caps after 100,000 distinct leaderboard URLs, boards and slugs', async () => {
    for (let i = 0; i < 100_000; i++) {
      await service.leaderboard(get(`/api/voting/leaderboard?campaign=known&utm=${i}`))
      // Boards and slugs cost a query each: five times their caps shows the bound.
      if (i % 10 === 0) {
        await service.leaderboard(get(`/api/voting/leaderboard?campaign=known&track=t${i}`))
        await service.leaderboard(get(`/api/voting/leaderboard?campaign=gone-${i}`))
      }
    }
    const sizes = service.cacheSizes()
    expect(sizes.boardsByUrl).toBeLessThanOrEqual(CACHE_CAPS.boardsByUrl)
    expect(sizes.boards).toBeLessThanOrEqual(CACHE_CAPS.boards)
    expect(sizes.slugs).toBeLessThanOrEqual(CACHE_CAPS.slugs)
    expect(sizes.computing).toBeLessThanOrEqual(CACHE_CAPS.computing)
    // The board read last is still answered from the URL cache.
    expect(
      service.freshBoardByUrl('/api/voting/leaderboard?campaign=known&utm=99999'),
    ).toBeDefined()
    // One board for all the utm URLs, one per track.
    expect(boardQueries).toHaveBeenCalledTimes(1 + 10_000)
  }, 120_000)

  it('should not remember an absurdly long leaderboard URL', async () => {
    const before = service.cacheSizes().boardsByUrl
    const url = `/api/voting/leaderboard?campaign=known&utm=${'x'.repeat(10_000)}`
    expect((await service.leaderboard(get(url))).status).toBe(200)
    expect(service.freshBoardByUrl(url)).toBeUndefined()
    expect(service.cacheSizes().boardsByUrl).toBe(before)
  })
})
