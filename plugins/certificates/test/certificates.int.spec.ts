import { createHash, verify } from 'node:crypto'

import {
  canonicalJson,
  computeResults,
  DEFAULT_RESULT_FORMULA,
  mod112CheckChar,
  parseCertificateNumber,
  type CertificateRecord,
} from '@exemplar/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ed25519KeyFromSecret, publicKeyOf } from '../src'
import { bootHost, callRoute, type Doc, type Host } from './host'

/**
 * The plugin on a host that is not Exemplar (test/host.ts): a chair issues
 * diplomas from a contest's newest verdict, anyone checks a signature with
 * the public key alone, issuing again adds nothing, and striking a work
 * revokes its diploma with the reason class.
 */
let host: Host
let chair: Doc
let member: Doc
let contest: Doc
let bare: Doc
const works: Doc[] = []

async function create(collection: string, data: Record<string, unknown>): Promise<Doc> {
  return (await host.payload.create({
    collection: collection as never,
    data: data as never,
  })) as unknown as Doc
}

const diplomas = async () =>
  (
    await host.payload.find({
      collection: 'diplomas' as never,
      sort: 'serial',
      depth: 0,
      pagination: false,
    })
  ).docs as unknown as Doc[]

beforeAll(async () => {
  host = await bootHost('issue')
  chair = await create('members', { email: 'chair@x.org', password: 'pw-chair-1', role: 'chair' })
  member = await create('members', { email: 'm@x.org', password: 'pw-member-1', role: 'member' })
  contest = await create('contests', { name: '乡村诗会', season: 2021 })
  bare = await create('contests', { name: '未评', season: 2021 })
  const people = [['张三', '李小明'], ['欧阳小娜'], ['王五'], ['赵六']]
  for (const [i, names] of people.entries()) {
    works.push(
      await create('works', {
        name: `作品 ${i + 1}`,
        // The third holds a tier but was never awarded: no diploma for it.
        state: i === 2 ? 'judged' : 'won',
        contest: contest.id,
        owner: i === 0 ? member.id : undefined,
        people: names,
        school: `第 ${i + 1} 中学`,
        log: [],
      }),
    )
  }
  const body = computeResults({
    campaign: { id: contest.id, slug: 'poems', title: '乡村诗会' },
    normalization: 'zscore',
    formula: { ...DEFAULT_RESULT_FORMULA, expertShare: 100 },
    promoteNext: false,
    tracks: [
      {
        key: 'verse',
        name: '诗歌',
        tiers: [{ key: 'gold', name: '一等奖', kind: 'count', value: 3 }],
        entries: works.map((w, i) => ({
          entryId: w.id,
          number: `P-${i + 1}`,
          expert: 90 - i * 5,
          reviews: 3,
          votes: 0,
          title: String(w.name),
          institution: String(w.school),
          province: '',
          pinnedVersion: null,
          pinnedSha256: null,
        })),
      },
    ],
  })
  const sha256 = createHash('sha256').update(canonicalJson(body)).digest('hex')
  await create('verdicts', { campaign: contest.id, sequence: 1, sha256, body })
})

afterAll(async () => {
  await host?.cleanup()
})

describe('issuing from a frozen result', () => {
  it('should refuse the signed out, non-chairs, a bad campaign and a contest without a verdict', async () => {
    const path = '/diplomas/issue'
    expect((await callRoute(host, null, 'post', path, { campaign: contest.id })).status).toBe(401)
    expect((await callRoute(host, member, 'post', path, { campaign: contest.id })).status).toBe(403)
    const bad = await callRoute(host, chair, 'post', path, { campaign: 'drop table' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('无效')
    const none = await callRoute(host, chair, 'post', path, { campaign: bare.id })
    expect(none.status).toBe(409)
    expect(JSON.stringify(none.body)).toContain('尚未冻结')
    expect(await diplomas()).toHaveLength(0)
  })

  it('should issue one signed diploma per awarded tier holder, numbered with a check character', async () => {
    const answer = await callRoute(host, chair, 'post', '/diplomas/issue', {
      campaign: contest.id,
    })
    expect(answer.status).toBe(201)
    const all = await diplomas()
    // Works 1, 2 and 3 hold the three places; work 3 is not awarded, work 4 holds none.
    expect(all.map((d) => d.entry)).toEqual([works[0]!.id, works[1]!.id])
    for (const d of all) {
      const parsed = parseCertificateNumber(String(d.number))
      expect(parsed).toMatchObject({ ok: true, year: new Date().getFullYear() })
      expect(d.status).toBe('valid')
    }
    const first = all[0]!.record as CertificateRecord
    expect(first.holder).toEqual({ names: ['张＊', '李＊明'], institution: '第 1 中学' })
    expect(first.award).toBe('一等奖')
    expect(first.campaign).toEqual({ slug: 'poems', title: '乡村诗会', year: 2021 })
    expect(first.snapshot?.sequence).toBe(1)
    expect(all[0]!.holderNames).toEqual(['张三', '李小明'])
    expect(all[0]!.holderUser).toBe(member.id)
    const work = (await host.payload.findByID({
      collection: 'works' as never,
      id: works[0]!.id,
    })) as unknown as Doc
    expect(work.diploma).toBe(all[0]!.number)
  })

  it('should show the public the signed record, never the full names or the account', async () => {
    const { docs } = await host.payload.find({
      collection: 'diplomas' as never,
      overrideAccess: false,
      depth: 0,
    })
    expect(docs).toHaveLength(2)
    for (const d of docs as unknown as Doc[]) {
      expect(d.record).toBeDefined()
      expect(d.holderNames).toBeUndefined()
      expect(d.holderUser).toBeUndefined()
    }
  })

  it('should verify every signature with the published public key alone, and fail a forged record', async () => {
    const key = await callRoute(host, null, 'get', '/diplomas/public-key')
    expect(key.status).toBe(200)
    const pem = String(key.body.publicKeyPem)
    for (const d of await diplomas()) {
      const record = d.record as CertificateRecord
      expect(record.keyId).toBe(key.body.keyId)
      // Only node:crypto and the published rule: the context line, then the keys-sorted JSON.
      const message = Buffer.from(`exemplar-certificate-v1\n${canonicalJson(record)}`, 'utf8')
      const signature = Buffer.from(String(d.signature), 'base64')
      expect(verify(null, message, pem, signature)).toBe(true)
      const forged = { ...record, award: '特等奖' }
      const forgedMessage = Buffer.from(`exemplar-certificate-v1\n${canonicalJson(forged)}`)
      expect(verify(null, forgedMessage, pem, signature)).toBe(false)
    }
  })

  it('should add nothing when issued again', async () => {
    const before = await diplomas()
    const again = await callRoute(host, chair, 'post', '/diplomas/issue', {
      campaign: contest.id,
    })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ issued: [], existing: 2 })
    expect(await diplomas()).toEqual(before)
  })

  it('should list a member’s own diplomas to that member only', async () => {
    expect((await callRoute(host, null, 'get', '/diplomas/mine')).status).toBe(401)
    const mine = await callRoute(host, member, 'get', '/diplomas/mine')
    expect(mine.status).toBe(200)
    const docs = mine.body.docs as Doc[]
    expect(docs.map((d) => (d.record as CertificateRecord).work?.title)).toEqual(['作品 1'])
    expect((await callRoute(host, chair, 'get', '/diplomas/mine')).body.docs).toEqual([])
  })

  it('should revoke a diploma with its work, giving the reason class', async () => {
    await host.payload.update({
      collection: 'works' as never,
      id: works[1]!.id,
      data: {
        state: 'struck',
        log: [{ to: 'struck', reasonLabel: '公示期间查实弄虚作假' }],
      } as never,
    })
    const [kept, struck] = await diplomas()
    expect(kept!.status).toBe('valid')
    expect(struck!.status).toBe('revoked')
    expect(struck!.revokedReason).toBe('公示期间查实弄虚作假')
    expect(struck!.revokedAt).toBeTruthy()
  })
})

describe('the printable certificate', () => {
  it('should refuse a mistyped number, answer 404 for an unknown one, and 503 on a host that cannot print', async () => {
    const [first] = await diplomas()
    const number = String(first!.number)
    const typo = `${number.slice(0, -1)}${number.endsWith('0') ? '1' : '0'}`
    const pdf = (n: string) =>
      callRoute(host, null, 'get', '/diplomas/:number/pdf', undefined, { number: n })
    const bad = await pdf(typo)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('校验位不符')
    expect((await pdf('2099-999999-' + mod112CheckChar('2099999999'))).status).toBe(404)
    // This host gives no printer: the certificate exists, its PDF is not available.
    expect((await pdf(number)).status).toBe(503)
  })
})

describe('the signing key', () => {
  it('should derive one key per secret, the same in every process', () => {
    const a = publicKeyOf(ed25519KeyFromSecret('one secret that is long enough'))
    const b = publicKeyOf(ed25519KeyFromSecret('one secret that is long enough'))
    const c = publicKeyOf(ed25519KeyFromSecret('another secret, also long'))
    expect(a).toEqual(b)
    expect(c.keyId).not.toBe(a.keyId)
    expect(Buffer.from(a.publicKeyRaw, 'base64')).toHaveLength(32)
  })
})

describe('organizers and partner outlets, confirmed by the chair', () => {
  let fair: Doc
  beforeAll(async () => {
    fair = await create('contests', { name: '山村画展', season: 2022 })
    const schools = ['第一小学', '第一小学', '第二小学', '第三小学']
    const body = computeResults({
      campaign: { id: fair.id, slug: 'paintings', title: '山村画展' },
      normalization: 'none',
      formula: { ...DEFAULT_RESULT_FORMULA, expertShare: 100 },
      promoteNext: false,
      organizerRule: { minEntries: 2, minAwarded: 1, limit: 1 },
      tracks: [
        {
          key: 'paint',
          name: '绘画',
          tiers: [{ key: 'gold', name: '金奖', kind: 'count', value: 2 }],
          entries: schools.map((school, i) => ({
            entryId: 100 + i,
            number: `H-${i + 1}`,
            expert: 90 - i,
            reviews: 3,
            votes: 0,
            title: `画 ${i + 1}`,
            institution: school,
            province: '',
            pinnedVersion: null,
            pinnedSha256: null,
          })),
        },
      ],
    })
    const sha256 = createHash('sha256').update(canonicalJson(body)).digest('hex')
    await create('verdicts', { campaign: fair.id, sequence: 1, sha256, body })
  })

  const ofFair = async () =>
    (await diplomas()).filter((d) => String(d.contest ?? d.campaign) === String(fair.id))

  it('should offer the institutions the rule named and the host’s outlets, to chairs only', async () => {
    const path = '/diplomas/candidates'
    expect(
      (await callRoute(host, member, 'get', path, undefined, {}, { campaign: String(fair.id) }))
        .status,
    ).toBe(403)
    const answer = await callRoute(
      host,
      chair,
      'get',
      path,
      undefined,
      {},
      { campaign: String(fair.id) },
    )
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      awarded: 2,
      organizers: [{ institution: '第一小学', entries: 2, awarded: 2, held: false }],
      partners: [{ name: '乡村日报', held: false }],
      issued: { award: 0, organizer: 0, media: 0 },
    })
  })

  it('should refuse a name the rule did not give, storing nothing, then issue the confirmed ones once', async () => {
    const issue = (body: Record<string, unknown>) =>
      callRoute(host, chair, 'post', '/diplomas/issue', { campaign: fair.id, ...body })
    const stranger = await issue({ kind: 'organizer', institutions: ['第一小学', '第二小学'] })
    expect(stranger.status).toBe(400)
    expect(JSON.stringify(stranger.body)).toContain(
      '“第二小学”不在第 1 版结果评出的优秀组织机构名单中',
    )
    expect((await issue({ kind: 'media', partners: ['城里晚报'] })).status).toBe(400)
    expect((await issue({ kind: 'organizer', institutions: [] })).status).toBe(400)
    expect((await issue({ kind: 'trophy' })).status).toBe(400)
    expect(await ofFair()).toHaveLength(0)

    expect((await issue({ kind: 'organizer', institutions: ['第一小学'] })).status).toBe(201)
    expect((await issue({ kind: 'media', partners: ['乡村日报'] })).status).toBe(201)
    const again = await issue({ kind: 'organizer', institutions: ['第一小学'] })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ issued: [], existing: 1 })
    const made = await ofFair()
    expect(made.map((d) => [d.kind, (d.record as CertificateRecord).holder.institution])).toEqual([
      ['organizer', '第一小学'],
      ['media', '乡村日报'],
    ])
    const pem = String(
      (await callRoute(host, null, 'get', '/diplomas/public-key')).body.publicKeyPem,
    )
    for (const d of made) {
      const record = d.record as CertificateRecord
      expect(record.work).toBeNull()
      expect(record.award).toBe(d.kind === 'organizer' ? '优秀组织机构' : '合作媒体')
      const message = Buffer.from(`exemplar-certificate-v1\n${canonicalJson(record)}`, 'utf8')
      expect(verify(null, message, pem, Buffer.from(String(d.signature), 'base64'))).toBe(true)
    }
    const after = await callRoute(
      host,
      chair,
      'get',
      '/diplomas/candidates',
      undefined,
      {},
      {
        campaign: String(fair.id),
      },
    )
    expect(after.body).toMatchObject({
      organizers: [{ held: true }],
      partners: [{ held: true }],
      issued: { organizer: 1, media: 1 },
    })
  })
})
