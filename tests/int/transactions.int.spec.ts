import {
  commitTransaction,
  createLocalReq,
  getPayload,
  handleEndpoints,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * Transactions on the database in force (SQLite with `transactionOptions`, or
 * the MongoDB replica set of TEST_DATABASE_URI): a failure between two writes
 * of one unit of work leaves neither, and concurrent units of work in one
 * process neither fail with SQLITE_BUSY nor see each other's half.
 */
const KEY = 'transactions'
let t: TestPayload
let payload: Payload

beforeAll(async () => {
  t = await bootPayload(KEY)
  payload = t.payload
})

afterAll(async () => {
  await t?.cleanup()
})

async function themeCount(code: string): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'themes',
    where: { code: { equals: code } },
  })
  return totalDocs
}

async function register(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await handleEndpoints({
    config: payload.config,
    payloadInstanceCacheKey: KEY,
    request: new Request('http://localhost:3000/api/participants/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const institution = (email: string, type = 'medical') => ({
  kind: 'institution',
  agreement: true,
  account: { email, password: 'a-long-password', name: '联系人' },
  institution: { name: '事务测试医院', licenceName: '事务测试医院', type },
})

describe('transactions', () => {
  it('should leave neither write when the second write of a unit of work fails', async () => {
    const campaign = await payload.create({
      collection: 'campaigns',
      data: { title: '事务', slug: 'tx-campaign', year: 2026, _status: 'published' },
    })
    const req = await createLocalReq({}, payload)
    expect(await initTransaction(req)).toBe(true)
    await payload.create({
      collection: 'themes',
      data: { title: '第一', code: 'tx-first', campaign: campaign.id },
      req,
    })
    // The second write breaks the (campaign, code) unique index.
    const second = payload.create({
      collection: 'themes',
      data: { title: '第二', code: 'tx-first', campaign: campaign.id },
      req,
    })
    await expect(second).rejects.toThrow()
    await killTransaction(req)
    expect(await themeCount('tx-first')).toBe(0)
  })

  it('should keep both writes of a unit of work that commits', async () => {
    const campaign = await payload.create({
      collection: 'campaigns',
      data: { title: '事务二', slug: 'tx-campaign-2', year: 2026, _status: 'published' },
    })
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    for (const code of ['tx-a', 'tx-b']) {
      await payload.create({
        collection: 'themes',
        data: { title: code, code, campaign: campaign.id },
        req,
      })
    }
    await commitTransaction(req)
    expect((await themeCount('tx-a')) + (await themeCount('tx-b'))).toBe(2)
  })

  it('should let writes outside a transaction wait for an open one, not fail or read stale', async () => {
    const campaign = await payload.create({
      collection: 'campaigns',
      data: { title: '事务三', slug: 'tx-campaign-3', year: 2026, _status: 'published' },
    })
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const inside = await payload.create({
      collection: 'themes',
      data: { title: '内', code: 'tx-inside', campaign: campaign.id },
      req,
    })
    // Another operation (its own transaction) and a direct adapter write, both
    // while the first transaction holds SQLite's write lock on this thread.
    const outside = payload.create({
      collection: 'themes',
      data: { title: '外', code: 'tx-outside', campaign: campaign.id },
    })
    const direct = payload.db.updateOne({
      collection: 'themes',
      id: inside.id,
      data: { title: '内（改）' },
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await commitTransaction(req)
    await Promise.all([outside, direct])
    const titles = await payload.find({
      collection: 'themes',
      where: { code: { in: ['tx-inside', 'tx-outside'] } },
      sort: 'code',
      depth: 0,
    })
    expect(titles.docs.map((d) => d.title)).toEqual(['内（改）', '外'])
  })

  it('should let a second Payload instance on the same database wait for the transaction of the first', async () => {
    // Payload's GraphQL route asks for the default instance while REST and the
    // Local API may use a keyed one: two adapters, one file, one process.
    const second = await getPayload({ config: payload.config, key: `${KEY}-second` })
    const campaign = await payload.create({
      collection: 'campaigns',
      data: { title: '事务四', slug: 'tx-campaign-4', year: 2026, _status: 'published' },
    })
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.create({
      collection: 'themes',
      data: { title: '甲', code: 'tx-first', campaign: campaign.id },
      req,
    })
    const other = second.create({
      collection: 'themes',
      data: { title: '乙', code: 'tx-second', campaign: campaign.id },
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await commitTransaction(req)
    await other
    expect((await themeCount('tx-first')) + (await themeCount('tx-second'))).toBe(2)
  })

  it('should answer a password reset, whose throttle writes outside its own transaction', async () => {
    await payload.create({
      collection: 'users',
      data: {
        email: 'tx-reset@test.example.org',
        password: 'a-long-password',
        name: '重置',
        role: 'participant',
      },
    })
    const response = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: KEY,
      request: new Request('http://localhost:3000/api/users/forgot-password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'tx-reset@test.example.org' }),
      }),
    })
    expect(response.status).toBe(200)
    const [user] = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: 'tx-reset@test.example.org' } },
        showHiddenFields: true,
      })
    ).docs as unknown as { resetPasswordToken?: string }[]
    expect(user?.resetPasswordToken).toBeTruthy()
  })

  it('should save an admin preference, whose upsert is the adapter calling its own updateOne', async () => {
    await payload.create({
      collection: 'users',
      data: {
        email: 'tx-prefs@test.example.org',
        password: 'a-long-password',
        name: '偏好',
        role: 'editor',
      },
    })
    const call = (path: string, body: unknown, token?: string) =>
      handleEndpoints({
        config: payload.config,
        payloadInstanceCacheKey: KEY,
        request: new Request(`http://localhost:3000/api${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `JWT ${token}` } : {}),
          },
          body: JSON.stringify(body),
        }),
      })
    const login = await call('/users/login', {
      email: 'tx-prefs@test.example.org',
      password: 'a-long-password',
    })
    const { token } = (await login.json()) as { token: string }
    // Opening a tab in the admin saves this; it waited 30 s for itself, then failed.
    const saved = await call(
      '/payload-preferences/collection-campaigns-1',
      { value: { tab: 1 } },
      token,
    )
    expect(saved.status).toBe(200)
    const { docs } = await payload.find({
      collection: 'payload-preferences',
      where: { key: { equals: 'collection-campaigns-1' } },
    })
    expect(docs.map((d) => d.value)).toEqual([{ tab: 1 }])
  })

  it('should store no account when the institution written after it is refused', async () => {
    const email = 'tx-half@test.example.org'
    // `type` passes the endpoint's precheck (present) and fails the select's own
    // validation, which runs only after the account has been written.
    const reply = await register(institution(email, 'no-such-type'))
    expect(reply.status).toBe(400)
    const { totalDocs } = await payload.count({
      collection: 'users',
      where: { email: { equals: email } },
    })
    expect(totalDocs).toBe(0)
  })

  it('should register 20 institutions at once, each with its account and institution', async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `tx-many-${i}@test.example.org`)
    const replies = await Promise.all(emails.map((email) => register(institution(email))))
    expect(replies.map((r) => r.status)).toEqual(emails.map(() => 202))
    const users = await payload.find({
      collection: 'users',
      where: { email: { in: emails } },
      pagination: false,
      depth: 0,
    })
    expect(users.docs).toHaveLength(20)
    expect(users.docs.every((u) => u.organization !== null && u.organization !== undefined)).toBe(
      true,
    )
  })
})
