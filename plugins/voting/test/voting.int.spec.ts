import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { issueVoterToken } from '../src'
import { createVotingHandler } from '../src/server'
import { bootHost, type Host } from './host'

/**
 * The plugin on a host that is not Exemplar: renamed slugs, its own state
 * names, tally field and phase kind. What the plugin needs it must add or be
 * told; nothing may lean on Exemplar's own collections.
 */
let host: Host
let payload: Payload
let server: http.Server
let base: string
let contest: { id: number | string }
let shown: { id: number | string }
let hidden: { id: number | string }
let token: string

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'host-test', ...headers },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function get(path: string) {
  const res = await fetch(new URL(path, base))
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const likesOf = async (id: number | string) =>
  ((await payload.findByID({ collection: 'works' as never, id, depth: 0 })) as { likes?: number })
    .likes

beforeAll(async () => {
  host = await bootHost('voting')
  payload = host.payload
  const now = Date.now()
  contest = await payload.create({
    collection: 'contests' as never,
    data: {
      title: '宿主投票',
      slug: 'host-poll',
      phases: [
        {
          kind: 'poll',
          startsAt: new Date(now - 3_600_000).toISOString(),
          endsAt: new Date(now + 3_600_000).toISOString(),
        },
      ],
    } as never,
  })
  shown = await payload.create({
    collection: 'works' as never,
    data: { title: '展示中的作品', number: 'W-1', status: 'shown', campaign: contest.id } as never,
  })
  hidden = await payload.create({
    collection: 'works' as never,
    data: { title: '未展示的作品', number: 'W-2', status: 'hidden', campaign: contest.id } as never,
  })
  const voter = await payload.create({
    collection: 'voters' as never,
    data: { channel: 'email', addressHash: 'host-voter', masked: 'h***@example.org' } as never,
  })
  token = issueVoterToken(payload.secret, (voter as { id: number | string }).id, 3600)
  const handle = createVotingHandler(payload)
  server = http.createServer((req, res) => {
    if (!handle(req, res)) {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 240_000)

afterAll(async () => {
  if (server) {
    await new Promise((resolve) => server.close(resolve))
  }
  await host?.cleanup()
})

describe('the voting plugin on a host with other slugs', () => {
  it('should add its tally field to the host’s entries and its rule to the host’s campaigns', () => {
    const works = payload.collections['works' as never]!.config
    const contests = payload.collections['contests' as never]!.config
    expect(works.fields.some((f) => 'name' in f && f.name === 'likes')).toBe(true)
    expect(contests.fields.some((f) => 'name' in f && f.name === 'voting')).toBe(true)
    expect(Object.keys(payload.collections)).toEqual(
      expect.arrayContaining(['voters', 'vote-codes', 'votes', 'vote-audits']),
    )
  })

  it('should start a new entry’s tally at zero', async () => {
    expect(await likesOf(shown.id)).toBe(0)
  })

  it('should count a vote for an entry in a votable state, once a day', async () => {
    const auth = { authorization: `Voter ${token}` }
    const first = await post('/api/voting/votes', { entry: String(shown.id) }, auth)
    expect(first.status).toBe(200)
    const again = await post('/api/voting/votes', { entry: String(shown.id) }, auth)
    expect(again.body).toMatchObject({ counted: false, duplicate: true, tally: 1 })
    expect(await likesOf(shown.id)).toBe(1)
  })

  it('should refuse a vote for an entry in a state the host did not name votable', async () => {
    const refused = await post(
      '/api/voting/votes',
      { entry: String(hidden.id) },
      { authorization: `Voter ${token}` },
    )
    expect(refused.status).toBe(403)
    expect(await likesOf(hidden.id)).toBe(0)
  })

  it('should rank the host’s entries by the tally on the leaderboard', async () => {
    const board = await get('/api/voting/leaderboard?campaign=host-poll&by=entry')
    expect(board.status).toBe(200)
    const rows = board.body.rows as { label: string; votes: number }[]
    expect(rows.map((r) => [r.label, r.votes])).toEqual([['展示中的作品', 1]])
  })

  it('should refuse a board the host’s entries cannot answer, naming it', async () => {
    const board = await get('/api/voting/leaderboard?campaign=host-poll&by=organization')
    expect(board.status).toBe(400)
    expect(JSON.stringify(board.body)).toContain('机构')
  })
})
