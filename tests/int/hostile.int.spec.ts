import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FIXTURES, makeWorld, unique, type World } from '../helpers/accessFixtures'
import { apiClient, type ApiClient } from '../helpers/api'
import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * The requests a hostile client sent to the running demo (issue 10's table),
 * each answered as it must be now, through Payload's REST and GraphQL handlers.
 */
const KEY = 'hostile'
let t: TestPayload
let api: ApiClient
let w: World

beforeAll(async () => {
  t = await bootPayload(KEY)
  api = apiClient(t.payload, KEY)
  w = await makeWorld(t.payload)
})

afterAll(async () => {
  await t?.cleanup()
})

const login = (email: unknown, password: string) =>
  api.rest('POST', '/users/login', { body: { email, password } })

describe("another account's credentials", () => {
  it("should refuse an editor setting the admin's password, and keep the admin's own", async () => {
    const res = await api.rest('PATCH', `/users/${w.users.admin.id}`, {
      token: w.tokens.editor,
      body: { password: 'taken-over-password' },
    })
    expect(res.status).toBe(403)
    expect((await login(w.users.admin.email, 'taken-over-password')).status).toBe(401)
    expect((await login(w.users.admin.email, 'matrix-password')).status).toBe(200)
  })

  it("should not let an editor change the admin's email", async () => {
    await api.rest('PATCH', `/users/${w.users.admin.id}`, {
      token: w.tokens.editor,
      body: { email: 'editor-owns-this@example.org' },
    })
    const admin = await t.payload.findByID({ collection: 'users', id: w.users.admin.id })
    expect(admin.email).toBe(w.users.admin.email)
  })

  it("should refuse an editor setting a participant's password too", async () => {
    const res = await api.rest('PATCH', `/users/${w.users.other.id}`, {
      token: w.tokens.editor,
      body: { password: 'editor-chosen-password' },
    })
    expect(res.status).toBe(403)
  })

  it('should let an account change its own password, and an admin anyone’s', async () => {
    const mine = await api.rest('PATCH', `/users/${w.users.partner.id}`, {
      token: w.tokens.partner,
      body: { password: 'matrix-password' },
    })
    expect(mine.status).toBe(200)
    const admins = await api.rest('PATCH', `/users/${w.users.reviewer.id}`, {
      token: w.tokens.admin,
      body: { password: 'matrix-password' },
    })
    expect(admins.status).toBe(200)
  })

  it('should not let an account move itself to another address (only an admin does)', async () => {
    const taken = await api.rest('PATCH', `/users/${w.users.partner.id}`, {
      token: w.tokens.partner,
      body: { email: w.users.admin.email },
    })
    const free = await api.rest('PATCH', `/users/${w.users.partner.id}`, {
      token: w.tokens.partner,
      body: { email: 'unconfirmed-elsewhere@example.org' },
    })
    // The same answer, taken address or free, and the address unchanged.
    expect(taken.status).toBe(free.status)
    const partner = await t.payload.findByID({ collection: 'users', id: w.users.partner.id })
    expect(partner.email).toBe(w.users.partner.email)
  })

  it('should never send an account its sessions, not even its own', async () => {
    const me = await api.rest('GET', '/users/me', { token: w.tokens.participant })
    expect(me.status).toBe(200)
    expect(me.body.user.sessions ?? []).toEqual([])
    const mine = await api.rest(
      'GET',
      `/media?depth=1&where[owner][equals]=${w.users.participant.id}`,
      {
        token: w.tokens.participant,
      },
    )
    expect(mine.body.docs.length).toBeGreaterThan(0)
    expect(JSON.stringify(mine.body)).not.toMatch(/"sessions":\[\{/)
  })
})

describe('unlocking and locking', () => {
  it('should refuse a participant unlocking the admin account', async () => {
    const res = await api.rest('POST', '/users/unlock', {
      token: w.tokens.participant,
      body: { email: w.users.admin.email },
    })
    expect(res.status).toBe(403)
  })

  it('should refuse a participant forging a document lock', async () => {
    const res = await api.rest('POST', '/payload-locked-documents', {
      token: w.tokens.participant,
      body: { globalSlug: unique('g'), user: { relationTo: 'users', value: w.users.editor.id } },
    })
    expect(res.status).toBe(403)
  })

  it('should record a lock an editor takes as the editor’s, whoever the body names', async () => {
    const res = await api.rest('POST', '/payload-locked-documents', {
      token: w.tokens.editor,
      body: { globalSlug: unique('g'), user: { relationTo: 'users', value: w.users.admin.id } },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.user).toMatchObject({ relationTo: 'users' })
    const stored = await t.payload.findByID({
      collection: 'payload-locked-documents',
      id: res.body.doc.id,
      depth: 0,
    })
    expect((stored.user as { value: unknown }).value).toBe(w.users.editor.id)
  })
})

describe('institutions and drafts of campaigns', () => {
  it('should refuse a partner creating an institution owned by someone else', async () => {
    const name = unique('冒名医院')
    const res = await api.rest('POST', '/organizations', {
      token: w.tokens.partner,
      body: { name, licenceName: name, type: 'medical', owner: w.users.participant.id },
    })
    expect(res.status).toBe(403)
  })

  it('should refuse any signed-in reader the versions of draft campaigns and posts', async () => {
    for (const collection of ['campaigns', 'posts']) {
      const res = await api.rest('GET', `/${collection}/versions`, { token: w.tokens.participant })
      expect(res.status, collection).toBe(403)
    }
  })

  it('should answer a participant’s entry in a draft campaign without naming its tracks', async () => {
    const draft = await FIXTURES.campaigns!.kinds.draft!(w)
    const res = await api.rest('POST', '/entries', {
      token: w.tokens.participant,
      body: { title: '草稿活动', campaign: draft.id, track: 'secret-track' },
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(JSON.stringify(res.body)).not.toContain('case')
  })
})

describe('what the public reads', () => {
  it('should give anonymous readers no review scores, and tallies only as the campaign shows them', async () => {
    const campaign = await t.payload.create({
      collection: 'campaigns',
      data: {
        title: '取整显示',
        slug: unique('rounded'),
        year: 2026,
        _status: 'published',
        tracks: [{ key: 'case', name: '图文案例', kind: 'text-image' }],
        voting: { display: 'rounded', roundTo: 10 },
      } as never,
    })
    const entry = await t.payload.create({
      collection: 'entries',
      data: {
        title: unique('计票'),
        campaign: campaign.id as number,
        track: 'case',
        status: 'voting',
        voteCount: 47,
        reviewScore: { average: 91, reviews: 3 },
      } as never,
    })
    const path = `/entries/${entry.id}?select[voteCount]=true&select[reviewScore]=true`
    const anonymous = await api.rest('GET', path)
    expect(anonymous.body.reviewScore ?? null).toBeNull()
    expect(anonymous.body.voteCount).toBe(40)
    const editor = await api.rest('GET', path, { token: w.tokens.editor })
    expect(editor.body).toMatchObject({ voteCount: 47, reviewScore: { average: 91 } })
    // Filtering on the exact tally would tell it too: the condition does not narrow.
    for (const guess of [47, 1]) {
      const probe = await api.rest(
        'GET',
        `/entries?where[id][equals]=${entry.id}&where[voteCount][equals]=${guess}`,
      )
      expect(probe.body.docs.map((d: { id: unknown }) => d.id)).toEqual([entry.id])
    }
    // …nor under GraphQL's spelling of `and`, which Payload also reads.
    for (const bound of [46, 47]) {
      const probe = await api.rest(
        'GET',
        `/entries?where[AND][0][voteCount][greater_than]=${bound}&where[AND][1][id][equals]=${entry.id}`,
      )
      expect(probe.body.docs.map((d: { id: unknown }) => d.id)).toEqual([entry.id])
    }
    const viaGraphql = await api.graphql(
      `{ Entries(where: { OR: [{ voteCount: { greater_than: 47 } }], id: { equals: ${entry.id} } }) { docs { id } } }`,
    )
    expect(viaGraphql.data?.Entries.docs).toEqual([{ id: entry.id }])
    // Nor sort by it: the newer entry with fewer votes stays first, as without a sort.
    const fewer = await t.payload.create({
      collection: 'entries',
      data: {
        title: unique('少票'),
        campaign: campaign.id as number,
        track: 'case',
        status: 'voting',
        voteCount: 5,
      } as never,
    })
    const byVotes = await api.rest(
      'GET',
      `/entries?sort=-voteCount&depth=0&where[campaign][equals]=${campaign.id}`,
    )
    expect(byVotes.body.docs.map((d: { id: unknown }) => d.id)).toEqual([fewer.id, entry.id])
    const sorted = await api.rest('GET', '/entries?where[reviewScore.average][greater_than]=90')
    expect(sorted.body.docs ?? []).toHaveLength(0)
  })

  it('should answer at most 100 documents and shallow population to an anonymous reader', async () => {
    for (let i = 0; i < 105; i++) {
      await t.payload.create({
        collection: 'themes',
        data: { title: `主题 ${i}`, code: unique('bulk'), campaign: w.openCampaign.id as number },
      })
    }
    const all = await api.rest('GET', '/themes?limit=0&depth=10')
    expect(all.status).toBe(200)
    expect(all.body.docs).toHaveLength(100)
    const unpaged = await api.rest('GET', '/themes?pagination=false')
    expect(unpaged.body.docs.length).toBeLessThanOrEqual(100)
    const deep = await api.rest('GET', `/themes?limit=1&depth=10`)
    // depth 2 at most: theme → campaign → cover, no further.
    expect(typeof deep.body.docs[0].campaign).toBe('object')
  })

  it.each([
    'where[id][in]=',
    'where[campaign][like]=submitted',
    'where[campaign][equals]=%E2%80%AEabc',
    'where[id][greater_than]=x',
  ])('should answer ?%s with what it means, not a 500', async (query) => {
    const res = await api.rest('GET', `/entries?${query}`)
    expect(res.status).toBe(200)
    expect(res.body.docs).toEqual([])
  })

  it('should answer GraphQL queries, under the same access as REST', async () => {
    const res = await api.graphql('{ Campaigns { totalDocs docs { title } } }')
    expect(res.errors).toEqual([])
    expect(res.data?.Campaigns.docs.map((d: { title: string }) => d.title)).not.toContain(
      '权限夹具 draft',
    )
  })
})

describe('registration', () => {
  it('should refuse a 24,000-character email by its length, naming the limit', async () => {
    const res = await api.rest('POST', '/participants/register', {
      body: {
        kind: 'author',
        agreement: true,
        account: { email: `${'a'.repeat(24_000)}@x.cn`, password: 'a-long-password', name: '甲' },
        author: { name: '甲', mobile: '13900001111', address: '北京', postcode: '100010' },
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toContainEqual({
      field: 'account.email',
      code: 'invalid',
      message: '邮箱最长 254 个字符',
    })
  })
})

describe('unreadable uploads', () => {
  it('should refuse a body that is a list, even on an upload collection', async () => {
    const res = await api.rest('PATCH', `/media/${w.myMedia.id}`, {
      token: w.tokens.participant,
      body: [],
    })
    expect(res.status).toBe(400)
  })
})
