import fs from 'node:fs'
import path from 'node:path'

import { votingService } from '@exemplar/plugin-voting'
import { createVotingHandler } from '@exemplar/plugin-voting/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { listen, voteClient, votingFixture, codeOf, messageOf } from '../helpers/voting'

/**
 * The vote hot path over real HTTP (the bare Node route the CMS server runs)
 * on a real SQLite file: exact tallies under a burst of concurrent requests
 * with duplicates, refusals with clear messages, idempotency, daily caps,
 * leaderboards with ETags, the one-time-code flow and voiding with an audit.
 */
let t: TestPayload
let payload: Payload
let server: { url: string; close: () => Promise<void> }
let client: ReturnType<typeof voteClient>
let fixture: Awaited<ReturnType<typeof votingFixture>>

const service = () => votingService(payload, payload.config.custom.voting)

async function storedVotes(): Promise<number> {
  return (await payload.count({ collection: 'votes', overrideAccess: true })).totalDocs
}

async function tallies(): Promise<Map<string, number>> {
  const { docs } = await payload.find({
    collection: 'entries',
    where: { campaign: { equals: fixture.campaign.id } },
    limit: 1000,
    pagination: false,
    depth: 0,
  })
  return new Map(docs.map((d) => [String(d.id), d.voteCount ?? 0]))
}

beforeAll(async () => {
  t = await bootPayload('voting')
  payload = t.payload
  fixture = await votingFixture(payload)
  server = await listen((req, res) => {
    if (!createVotingHandlerOnce(req, res)) {
      res.writeHead(404).end()
    }
  })
  client = voteClient(server.url)
})

let handler: ReturnType<typeof createVotingHandler> | undefined
function createVotingHandlerOnce(...args: Parameters<ReturnType<typeof createVotingHandler>>) {
  handler ??= createVotingHandler(payload)
  return handler(...args)
}

afterAll(async () => {
  client?.close()
  await server?.close()
  await t?.cleanup()
})

describe('a burst of 10,000 concurrent votes, 30 % duplicates, from 200 voters', () => {
  const expected = new Map<string, number>()
  let results: { status: number; body: Record<string, unknown> }[] = []

  beforeAll(async () => {
    // Each voter picks 35 distinct entries and sends 15 repeats of them: 50 requests each.
    const requests: { token: string; entry: string }[] = []
    fixture.tokens.forEach((token, v) => {
      const picks = Array.from(
        { length: 35 },
        (_, k) => fixture.entries[(v * 7 + k * 3) % fixture.entries.length]!,
      )
      const unique = [...new Map(picks.map((e) => [String(e.id), e])).values()]
      for (const entry of unique) {
        expected.set(String(entry.id), (expected.get(String(entry.id)) ?? 0) + 1)
      }
      const repeats = Array.from(
        { length: 50 - unique.length },
        (_, k) => unique[k % unique.length]!,
      )
      for (const entry of [...unique, ...repeats]) {
        requests.push({ token, entry: String(entry.number) })
      }
    })
    expect(requests).toHaveLength(10_000)
    results = await Promise.all(requests.map((r) => client.vote(r.token, { entry: r.entry })))
  }, 180_000)

  it('should answer every request with 200', () => {
    const statuses = new Map<number, number>()
    for (const r of results) {
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 10_000 })
  })

  it('should count each (voter, entry) once and answer the rest as duplicates', () => {
    const distinct = [...expected.values()].reduce((a, b) => a + b, 0)
    expect(results.filter((r) => r.body.counted === true)).toHaveLength(distinct)
    expect(results.filter((r) => r.body.duplicate === true)).toHaveLength(10_000 - distinct)
  })

  it('should leave every tally equal to its distinct voters, and to the vote records', async () => {
    const stored = await tallies()
    for (const entry of fixture.entries) {
      expect(stored.get(String(entry.id)), entry.number ?? '').toBe(
        expected.get(String(entry.id)) ?? 0,
      )
    }
    const records = await service().store.countVotes(fixture.campaign.id)
    for (const [entryId, count] of records) {
      expect(stored.get(entryId)).toBe(count)
    }
    const recount = await service().store.recount(fixture.campaign.id)
    expect(recount.fixed).toEqual([])
  })
})

describe('refusals', () => {
  it('should refuse an entry that is not on public display, storing nothing', async () => {
    const before = await storedVotes()
    const res = await client.vote(fixture.tokens[0], { entry: fixture.draft.number })
    expect(res).toEqual({
      status: 403,
      body: { errors: [{ code: 'entry_not_public', message: '该作品未在公开展示中，不能投票。' }] },
    })
    expect(await storedVotes()).toBe(before)
  })

  it('should refuse votes for an entry as soon as an editor takes it off display', async () => {
    const entry = fixture.entries[1]!
    const first = await client.vote(fixture.tokens[150], { entry: entry.number })
    expect(first.status).toBe(200)
    await payload.update({ collection: 'entries', id: entry.id, data: { status: 'draft' } })
    const second = await client.vote(fixture.tokens[151], { entry: entry.number })
    await payload.update({ collection: 'entries', id: entry.id, data: { status: 'voting' } })
    expect(second.status).toBe(403)
    expect(codeOf(second.body)).toBe('entry_not_public')
  })

  it('should refuse a vote outside the voting window, naming the window', async () => {
    const closed = await votingFixture(payload, {
      slug: 'vote-closed',
      entries: 1,
      voters: 1,
      open: false,
    })
    const res = await client.vote(closed.tokens[0], { entry: closed.entries[0]!.number })
    expect(res.status).toBe(409)
    expect(codeOf(res.body)).toBe('voting_not_open')
    expect(messageOf(res.body)).toMatch(
      /^投票已结束：投票时间为 \d{4}年\d+月\d+日 \d\d:\d\d 至 .*（北京时间）。$/,
    )
  })

  it('should ask for identity when no voter token comes and the campaign is not anonymous', async () => {
    const res = await client.vote(undefined, { entry: fixture.entries[0]!.number })
    expect(res).toEqual({
      status: 401,
      body: {
        errors: [{ code: 'voter_required', message: '请先验证身份（邮箱或手机验证码）后再投票。' }],
      },
    })
  })

  it('should refuse a forged token, an unknown entry and a malformed body', async () => {
    expect(
      (await client.vote(`${fixture.tokens[0]}x`, { entry: fixture.entries[0]!.number })).status,
    ).toBe(401)
    expect(codeOf((await client.vote(fixture.tokens[0], { entry: 'no-such-entry' })).body)).toBe(
      'entry_not_found',
    )
    expect((await client.vote(fixture.tokens[0], { nope: true })).status).toBe(400)
  })
})

describe('idempotency and caps', () => {
  it('should count a retried request with the same idempotency key once', async () => {
    const capped = await votingFixture(payload, { slug: 'vote-idem', entries: 3, voters: 1 })
    const key = 'retry-0000-1111-2222'
    const first = await client.vote(capped.tokens[0], {
      entry: capped.entries[0]!.number,
      idempotencyKey: key,
    })
    const again = await client.vote(capped.tokens[0], {
      entry: capped.entries[0]!.number,
      idempotencyKey: key,
    })
    expect(first.body).toMatchObject({ counted: true, tally: 1 })
    expect(again.body).toMatchObject({ counted: false, duplicate: true, tally: 1 })
  })

  it("should stop a voter at the campaign's daily cap with a message naming it", async () => {
    const capped = await votingFixture(payload, {
      slug: 'vote-cap',
      entries: 3,
      voters: 1,
      dailyCap: 2,
    })
    const votes = []
    for (const entry of capped.entries) {
      votes.push(await client.vote(capped.tokens[0], { entry: entry.number }))
    }
    expect(votes.map((v) => v.status)).toEqual([200, 200, 409])
    expect(votes[1]!.body.remainingToday).toBe(0)
    expect(votes[2]!.body).toEqual({
      errors: [
        {
          code: 'daily_cap_reached',
          message: '今日投票次数已达上限（每人每天 2 票），请明天再来。',
        },
      ],
    })
  })
})

describe('another writer on the database', () => {
  it('should wait while an editor-side write holds SQLite, then count the vote once', async () => {
    const fresh = await votingFixture(payload, { slug: 'vote-locked', entries: 1, voters: 1 })
    // Payload's own connection takes the write lock, as an editor's save does.
    const db = (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } })
      .client
    await db.execute('BEGIN IMMEDIATE')
    let answered = false
    const pending = client.vote(fresh.tokens[0], { entry: fresh.entries[0]!.number }).then((r) => {
      answered = true
      return r
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(answered).toBe(false)
    await db.execute('COMMIT')
    const res = await pending
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ counted: true, tally: 1 })
    const records = await service().store.countVotes(fresh.campaign.id)
    expect(records.get(String(fresh.entries[0]!.id))).toBe(1)
  })
})

describe('leaderboards', () => {
  it('should rank entries by votes with an ETag, answer 304 when unchanged and refresh after a vote', async () => {
    const board = await fetch(`${server.url}/api/voting/leaderboard?campaign=vote-now&limit=5`)
    expect(board.status).toBe(200)
    const etag = board.headers.get('etag')!
    const body = (await board.json()) as { rows: { votes: number; rank: number }[] }
    expect(body.rows).toHaveLength(5)
    expect([...body.rows].sort((a, b) => b.votes - a.votes)).toEqual(body.rows)
    const same = await fetch(`${server.url}/api/voting/leaderboard?campaign=vote-now&limit=5`, {
      headers: { 'if-none-match': etag },
    })
    expect(same.status).toBe(304)

    const last = fixture.entries.at(-1)!
    const fresh = await votingFixture(payload, { slug: 'vote-extra', entries: 0, voters: 1 })
    await client.vote(fresh.tokens[0], { entry: last.number })
    await new Promise((r) => setTimeout(r, 1_100))
    const after = await fetch(`${server.url}/api/voting/leaderboard?campaign=vote-now&limit=100`, {
      headers: { 'if-none-match': etag },
    })
    expect(after.status).toBe(200)
  })

  it('should send the board gzipped to a client that accepts it, and plain otherwise', async () => {
    const url = `${server.url}/api/voting/leaderboard?campaign=vote-now&limit=20`
    const zipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } })
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(await zipped.json()).toEqual(await plain.json())
  })

  it('should group by province', async () => {
    const res = await fetch(`${server.url}/api/voting/leaderboard?campaign=vote-now&by=province`)
    const body = (await res.json()) as { rows: { label: string; votes: number }[] }
    const total = [...(await tallies()).values()].reduce((a, b) => a + b, 0)
    expect(body.rows.map((r) => r.label).sort()).toEqual(['四川省', '浙江省'])
    expect(body.rows.reduce((a, r) => a + r.votes, 0)).toBe(total)
  })

  it('should refuse an unknown grouping with a clear message', async () => {
    const res = await fetch(`${server.url}/api/voting/leaderboard?campaign=vote-now&by=city`)
    expect(res.status).toBe(400)
    expect(messageOf(await res.json())).toContain('entry、organization 或 province')
  })
})

describe('voter identity by one-time code', () => {
  const request = (body: unknown) => ({
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    header: () => undefined,
    ip: '127.0.0.1',
    json: async () => body,
  })

  it('should mail a code, exchange it for a voter token that votes, and refuse a wrong code', async () => {
    const outbox = path.join(process.env.EXEMPLAR_DATA_DIR!, 'outbox')
    const sent = await service().requestCode(
      request({ channel: 'email', address: 'Reader@Example.org' }),
    )
    expect(sent).toMatchObject({ status: 202, body: { sent: true, masked: 're***@example.org' } })
    const mail = fs
      .readdirSync(outbox)
      .map((f) => fs.readFileSync(path.join(outbox, f), 'utf8'))
      .join('\n')
    const code = /验证码是 (\d{6})/.exec(
      Buffer.from(mail.split('\r\n\r\n').slice(1).join(''), 'base64').toString('utf8') + mail,
    )?.[1]
    expect(code).toMatch(/^\d{6}$/)

    const wrong = await service().verifyCode(
      request({ address: 'reader@example.org', code: code === '000000' ? '111111' : '000000' }),
    )
    expect(wrong).toMatchObject({ status: 400, body: { errors: [{ code: 'invalid_code' }] } })
    const ok = await service().verifyCode(request({ address: 'reader@example.org', code }))
    expect(ok.status).toBe(200)
    expect(ok.headers?.['set-cookie']).toMatch(/^exemplar-voter=.*; HttpOnly; SameSite=Lax/)
    const token = (ok.body as { token: string }).token
    const vote = await client.vote(
      undefined,
      { entry: fixture.entries[1]!.number },
      { cookie: `exemplar-voter=${token}` },
    )
    expect(vote).toMatchObject({ status: 200, body: { counted: true } })
  })

  it('should refuse an address that is not one, naming the format', async () => {
    const res = await service().requestCode(request({ channel: 'sms', address: '12345' }))
    expect(res).toEqual({
      status: 400,
      body: {
        errors: [
          { code: 'invalid_address', message: '手机号格式不正确：请输入 11 位中国大陆手机号。' },
        ],
      },
    })
  })
})

describe('editors', () => {
  it('should void a vote with a reason, take it off the tally and keep an audit row', async () => {
    const editor = await payload.create({
      collection: 'users',
      data: {
        email: 'vote-editor@example.org',
        password: 'pw-123456',
        name: '编辑',
        role: 'editor',
      },
    })
    const { docs } = await payload.find({
      collection: 'votes',
      where: { campaign: { equals: fixture.campaign.id } },
      limit: 1,
      depth: 0,
    })
    const vote = docs[0]!
    const entryId = String(typeof vote.entry === 'object' ? vote.entry.id : vote.entry)
    const before = (await tallies()).get(entryId)!
    const req = (user: unknown, body: unknown) => ({
      method: 'POST',
      path: '/',
      query: new URLSearchParams(),
      header: () => undefined,
      ip: '127.0.0.1',
      json: async () => body,
      user,
    })
    expect(
      (await service().voidVote(req(undefined, { reason: '刷票' }), String(vote.id))).status,
    ).toBe(403)
    expect((await service().voidVote(req(editor, { reason: '' }), String(vote.id))).status).toBe(
      400,
    )
    const done = await service().voidVote(
      req(editor, { reason: '同一设备批量投票，核实为刷票' }),
      String(vote.id),
    )
    expect(done.status).toBe(200)
    expect((await tallies()).get(entryId)).toBe(before - 1)
    const audits = await payload.find({
      collection: 'vote-audits',
      where: { action: { equals: 'void' } },
      depth: 0,
    })
    expect(audits.docs[0]).toMatchObject({ reason: '同一设备批量投票，核实为刷票', by: editor.id })
    expect((await service().store.recount(fixture.campaign.id)).fixed).toEqual([])
  })

  it('should report a device shared by many voters and flag its votes without dropping them', async () => {
    const editor = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: 'vote-editor@example.org' } },
        depth: 0,
      })
    ).docs[0]
    const req = {
      method: 'GET',
      path: '/',
      query: new URLSearchParams({ campaign: 'vote-now' }),
      header: () => undefined,
      ip: '127.0.0.1',
      json: async () => ({}),
      user: editor,
    }
    const report = await service().integrity(req)
    expect(report.status).toBe(200)
    const body = report.body as {
      deviceClusters: { voters: number }[]
      ipClusters: { voters: number }[]
    }
    // Every test voter used one user agent from one address: one cluster of all of them.
    expect(body.deviceClusters[0]?.voters).toBeGreaterThanOrEqual(200)
    expect(body.ipClusters[0]?.voters).toBeGreaterThanOrEqual(200)
    const totalBefore = [...(await tallies()).values()].reduce((a, b) => a + b, 0)
    const flagged = await service().flag(req)
    expect((flagged.body as { flagged: number }).flagged).toBeGreaterThan(0)
    const totalAfter = [...(await tallies()).values()].reduce((a, b) => a + b, 0)
    expect(totalAfter).toBe(totalBefore)
  })
})
