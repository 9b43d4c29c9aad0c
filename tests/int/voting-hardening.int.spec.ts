import { VotingService, votingService, type VotingPluginOptions } from '@exemplar/plugin-voting'
import { createVotingHandler } from '@exemplar/plugin-voting/server'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { listen, voteClient, votingFixture, votingRequest, codeOf } from '../helpers/voting'

/**
 * What a hostile client tries against voting, on a real SQLite file: racing
 * guesses at a one-time code, pumping codes and text messages, stuffing the
 * ballot anonymously, re-reading the series, and oversized bodies. Two
 * VotingService instances on one database stand for two CMS processes: each
 * has its own connection, caches and limiters, as a process would.
 */
const KEY = 'voting-hardening'
let t: TestPayload
let payload: Payload
let server: { url: string; close: () => Promise<void> }
let client: ReturnType<typeof voteClient>
const services: VotingService[] = []

type Options = Parameters<typeof votingService>[1]
const options = (): Options => payload.config.custom.voting as Options

/** Another service on the same database: a second CMS process, with its own limits if given. */
function process2(
  rateLimits: VotingPluginOptions['rateLimits'] = {},
  sendSms = options().sendSms,
): VotingService {
  const service = new VotingService(payload, {
    ...options(),
    rateLimits: { ...options().rateLimits, ...rateLimits },
    sendSms,
  })
  services.push(service)
  return service
}

/** The one-time codes mailed so far, newest last, by address. */
const mailed: { to: string; code: string }[] = []
const codeFor = (to: string) => mailed.filter((m) => m.to === to).at(-1)?.code

beforeAll(async () => {
  t = await bootPayload(KEY)
  payload = t.payload
  vi.spyOn(payload, 'sendEmail').mockImplementation(async (message) => {
    const { to, text } = message as { to: string; text: string }
    mailed.push({ to, code: /验证码是 (\d{6})/.exec(text)?.[1] ?? '' })
  })
  const handler = createVotingHandler(payload)
  server = await listen((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(404).end()
    }
  })
  client = voteClient(server.url)
})

afterAll(async () => {
  client?.close()
  await server?.close()
  await Promise.all(services.map((s) => s.store.close()))
  await t?.cleanup()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('guessing a one-time code', () => {
  it('should take at most 5 attempts from 50 concurrent wrong guesses, then refuse the right code', async () => {
    const address = 'guess@example.org'
    const sent = await votingService(payload, options()).requestCode(
      votingRequest({ body: { channel: 'email', address }, ip: '203.0.113.1' }),
    )
    expect(sent.status).toBe(202)
    const code = (await payload.find({ collection: 'vote-codes', sort: '-id', limit: 1 })).docs[0]!
    const right = codeFor(address)!
    const wrong = Array.from({ length: 50 }, (_, i) =>
      String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'),
    )
    // Half on each process: the limit must hold across them.
    const other = process2()
    const answers = await Promise.all(
      wrong.map((code, i) =>
        (i % 2 === 0 ? votingService(payload, options()) : other).verifyCode(
          votingRequest({ body: { address, code } }),
        ),
      ),
    )
    expect(answers.every((a) => a.status === 400)).toBe(true)
    expect((await payload.findByID({ collection: 'vote-codes', id: code.id })).attempts).toBe(5)
    const late = await other.verifyCode(votingRequest({ body: { address, code: right } }))
    expect(late).toEqual({
      status: 400,
      body: { errors: [{ code: 'invalid_code', message: '验证码已失效，请重新获取。' }] },
    })
  })
})

describe('limits on sending codes, counted in the database', () => {
  it('should send one address at most 5 codes an hour across two processes, with Retry-After', async () => {
    const a = votingService(payload, options())
    const b = process2()
    const ask = (service: VotingService, i: number) =>
      service.requestCode(
        votingRequest({
          body: { channel: 'email', address: 'pump@example.org' },
          ip: `10.0.0.${i}`,
        }),
      )
    const statuses = []
    for (let i = 0; i < 5; i++) {
      statuses.push((await ask(i % 2 === 0 ? a : b, i)).status)
    }
    const refusedA = await ask(a, 10)
    const refusedB = await ask(b, 11)
    expect(statuses).toEqual([202, 202, 202, 202, 202])
    expect([refusedA.status, refusedB.status]).toEqual([429, 429])
    expect(refusedB.body).toMatchObject({
      errors: [
        { code: 'rate_limited', message: '同一邮箱每小时最多获取 5 次验证码，请稍后再试。' },
      ],
    })
    const retryAfter = Number(refusedB.headers?.['retry-after'])
    expect(retryAfter).toBeGreaterThan(3_500)
    expect(retryAfter).toBeLessThanOrEqual(3_600)
  })

  it('should send exactly 5 of 20 racing requests for one address, on two processes', async () => {
    const a = votingService(payload, options())
    const b = process2()
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).requestCode(
          votingRequest({
            body: { channel: 'email', address: 'race@example.org' },
            ip: `10.0.1.${i}`,
          }),
        ),
      ),
    )
    expect(answers.filter((r) => r.status === 202)).toHaveLength(5)
    expect(answers.filter((r) => r.status === 429)).toHaveLength(15)
    expect(mailed.filter((m) => m.to === 'race@example.org')).toHaveLength(5)
  })

  it('should limit the codes one network requests per hour, whatever the addresses', async () => {
    const a = process2({ codesPerIpPerHour: 3 })
    const b = process2({ codesPerIpPerHour: 3 })
    const ask = (service: VotingService, i: number, ip = '198.51.100.20') =>
      service.requestCode(
        votingRequest({ body: { channel: 'email', address: `ward-${i}@example.org` }, ip }),
      )
    const statuses = [await ask(a, 1), await ask(b, 2), await ask(a, 3), await ask(b, 4)].map(
      (r) => r.status,
    )
    expect(statuses).toEqual([202, 202, 202, 429])
    expect((await ask(b, 5)).body).toMatchObject({
      errors: [{ message: '同一网络每小时最多获取 3 次验证码，请稍后再试。' }],
    })
    expect((await ask(a, 6, '198.51.100.21')).status).toBe(202)
  })

  it('should hold text messages platform-wide to the per-minute ceiling, across networks and processes', async () => {
    const texts: string[] = []
    const sendSms = async (to: string) => {
      texts.push(to)
    }
    const a = process2({ smsPerMinute: 3 }, sendSms)
    const b = process2({ smsPerMinute: 3 }, sendSms)
    const ask = (service: VotingService, i: number) =>
      service.requestCode(
        votingRequest({
          body: { channel: 'sms', address: `1380013${String(8000 + i)}` },
          ip: `192.0.2.${i}`,
        }),
      )
    const answers = [await ask(a, 1), await ask(b, 2), await ask(a, 3), await ask(b, 4)]
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 429])
    expect(answers[3]!.body).toMatchObject({
      errors: [
        {
          code: 'rate_limited',
          message: '短信验证码发送繁忙（全站每分钟最多 3 条），请稍后再试或改用邮箱验证。',
        },
      ],
    })
    expect(Number(answers[3]!.headers?.['retry-after'])).toBeLessThanOrEqual(60)
    expect(texts).toHaveLength(3)
    // Email is not held back by the text-message ceiling.
    const email = await a.requestCode(
      votingRequest({ body: { channel: 'email', address: 'calm@example.org' }, ip: '192.0.2.9' }),
    )
    expect(email.status).toBe(202)
  })
})

describe('keeping one-time codes', () => {
  it('should sweep codes older than every window when the next code is sent, and keep the rest', async () => {
    const ask = (service: VotingService, address: string) =>
      service.requestCode(
        votingRequest({ body: { channel: 'email', address }, ip: '198.51.100.90' }),
      )
    await ask(votingService(payload, options()), 'old@example.org')
    await ask(votingService(payload, options()), 'recent@example.org')
    const [recent, old] = (await payload.find({ collection: 'vote-codes', sort: '-id', limit: 2 }))
      .docs
    // SQLite only, as the test's database is: the code was sent two hours ago.
    const db = (payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } })
      .client
    await db.execute(
      `UPDATE vote_codes SET created_at = '${new Date(Date.now() - 7_200_000).toISOString()}' WHERE id = ${old!.id}`,
    )
    // A process that has not swept yet sends the next code.
    await ask(process2(), 'next@example.org')
    const still = async (id: number) =>
      payload.findByID({ collection: 'vote-codes', id, disableErrors: true })
    expect(await still(old!.id)).toBeNull()
    expect(await still(recent!.id)).not.toBeNull()
  })
})

describe('anonymous votes', () => {
  let fixture: Awaited<ReturnType<typeof votingFixture>>

  beforeAll(async () => {
    fixture = await votingFixture(payload, {
      slug: 'vote-anon',
      entries: 50,
      voters: 0,
      rule: { allowAnonymous: true, anonymousDailyCap: 3 },
    })
  })

  const total = async () =>
    [
      ...(await votingService(payload, options()).store.countVotes(fixture.campaign.id)).values(),
    ].reduce((a, b) => a + b, 0)

  it('should count 50 cookie-less votes from one client as one voter within the anonymous daily cap', async () => {
    const before = (await payload.count({ collection: 'voters' })).totalDocs
    const answers = await Promise.all(
      fixture.entries.map((entry) =>
        client.vote(undefined, { entry: entry.number }, { 'x-forwarded-for': '198.51.100.50' }),
      ),
    )
    expect(answers.filter((a) => a.body.counted === true)).toHaveLength(3)
    expect(answers.filter((a) => codeOf(a.body) === 'daily_cap_reached')).toHaveLength(47)
    expect(await total()).toBe(3)
    expect((await payload.count({ collection: 'voters' })).totalDocs).toBe(before + 1)

    const neighbour = await client.vote(
      undefined,
      { entry: fixture.entries[0]!.number },
      { 'x-forwarded-for': '198.51.100.51' },
    )
    expect(neighbour).toMatchObject({ status: 200, body: { counted: true } })
    expect(await total()).toBe(4)
  })

  it('should cap the new anonymous voters of one network per day when a client varies its browser', async () => {
    const service = process2({ anonymousVotersPerIpPerDay: 3 })
    const vote = (i: number) =>
      service.vote(
        votingRequest({
          body: { entry: fixture.entries[i]!.number },
          ip: '198.51.100.60',
          headers: { 'user-agent': `bot-${i}` },
        }),
      )
    const answers = []
    for (let i = 0; i < 5; i++) {
      answers.push(await vote(i))
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429])
    expect(answers[3]!.body).toMatchObject({
      errors: [
        {
          code: 'rate_limited',
          message: '同一网络每天最多 3 位匿名投票人，请验证邮箱或手机后投票。',
        },
      ],
    })
    // A client already known keeps voting.
    expect((await vote(0)).status).toBe(200)
  })
})

describe('the hourly series', () => {
  it('should answer a repeated read from its cache and a read after a new vote from the store', async () => {
    const fixture = await votingFixture(payload, { slug: 'vote-series', entries: 3, voters: 2 })
    const service = votingService(payload, options())
    const read = () =>
      service.series(votingRequest({ query: { campaign: 'vote-series', top: '3' } }))
    await client.vote(fixture.tokens[0], { entry: fixture.entries[0]!.number })
    const queries = vi.spyOn(service.store, 'series')
    try {
      const first = await read()
      const again = await read()
      expect(again).toEqual(first)
      expect(queries).toHaveBeenCalledTimes(1)
      // Past the busy-board second, a vote shows in the next read.
      await new Promise((resolve) => setTimeout(resolve, 1_100))
      await client.vote(fixture.tokens[1], { entry: fixture.entries[0]!.number })
      const after = await read()
      expect(queries).toHaveBeenCalledTimes(2)
      const votesOf = (res: typeof first) =>
        (res.body as { series: { points: { votes: number }[] }[] }).series[0]!.points.at(-1)!.votes
      expect([votesOf(first), votesOf(after)]).toEqual([1, 2])
    } finally {
      queries.mockRestore()
    }
  })

  it('should show no more than the board: rounded counts rounded, a delayed campaign only past the delay', async () => {
    const rounded = await votingFixture(payload, {
      slug: 'vote-rounded',
      entries: 1,
      voters: 3,
      rule: { display: 'rounded', roundTo: 10 },
    })
    const delayed = await votingFixture(payload, {
      slug: 'vote-delayed',
      entries: 1,
      voters: 3,
      rule: { display: 'delayed', delayMinutes: 60 },
    })
    for (const f of [rounded, delayed]) {
      for (const token of f.tokens) {
        await client.vote(token, { entry: f.entries[0]!.number })
      }
    }
    const read = async (campaign: string) =>
      (
        (await votingService(payload, options()).series(votingRequest({ query: { campaign } })))
          .body as { series: { points: { votes: number }[] }[] }
      ).series.map((s) => s.points.map((p) => p.votes))
    expect(await read('vote-rounded')).toEqual([[0]])
    expect(await read('vote-delayed')).toEqual([[]])
  })

  it('should refuse a top outside 1–10, naming the range', async () => {
    const res = await votingService(payload, options()).series(
      votingRequest({ query: { campaign: 'vote-series', top: '500' } }),
    )
    expect(res).toEqual({
      status: 400,
      body: { errors: [{ code: 'invalid_top', message: '条数（top）须为 1 到 10 的整数。' }] },
    })
  })
})

describe('oversized bodies', () => {
  const huge = JSON.stringify({ address: 'x'.repeat(5_000_000), entry: 'x', reason: 'x' })

  async function call(route: string, body: BodyInit, init: RequestInit = {}) {
    const response = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: KEY,
      request: new Request(`http://localhost:3000/api${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        ...init,
      }),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it.each(['/voting/code', '/voting/verify', '/voting/votes', '/voting/votes/1/void'])(
    'should refuse a 5 MB body on the Payload endpoint %s with 413, naming the limit',
    async (route) => {
      expect(await call(route, huge)).toEqual({
        status: 413,
        body: {
          errors: [{ code: 'body_too_large', message: '请求体过大：投票接口的请求体最多 4 KB。' }],
        },
      })
    },
  )

  it('should stop reading a streamed body without a length just past the limit', async () => {
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65_536
        if (pulled > 50_000_000) {
          controller.close()
          return
        }
        controller.enqueue(new Uint8Array(65_536).fill(0x20))
      },
    })
    const res = await call('/voting/code', stream, { duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(pulled).toBeLessThan(1_000_000)
  })

  it('should answer 413 on the fast path, not drop the connection', async () => {
    const res = await fetch(`${server.url}/api/voting/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entry: 'x'.repeat(5_000) }),
    })
    expect(res.status).toBe(413)
    expect(codeOf(await res.json())).toBe('body_too_large')
  })

  it('should treat a voter cookie with a broken escape as no voter, not a server error', async () => {
    const fixture = await votingFixture(payload, { slug: 'vote-cookie', entries: 1, voters: 0 })
    const res = await client.vote(
      undefined,
      { entry: fixture.entries[0]!.number },
      { cookie: 'exemplar-voter=%E0%A4%A' },
    )
    expect(res).toMatchObject({ status: 401, body: { errors: [{ code: 'voter_required' }] } })
  })
})
