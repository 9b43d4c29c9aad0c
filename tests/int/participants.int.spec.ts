import fs from 'node:fs'
import path from 'node:path'

import { addWorkingDays } from '@exemplar/plugin-participants'
import { simpleParser, type ParsedMail } from 'mailparser'
import { handleEndpoints, type CollectionSlug, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestPayload } from '../helpers/payload'

/**
 * The participants plugin through Payload's real REST handler on a real
 * SQLite file: registration of each kind as one unit of work, verification by
 * editors with emails in the outbox, doctor profiles and their cap of 20
 * under concurrent requests, pledges and their public count.
 */
const KEY = 'participants'
let t: TestPayload
let payload: Payload
let outbox: string
let editorToken: string
let seq = 0

/** JSON replies are checked by matchers at run time, not by the compiler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

interface Reply {
  status: number
  body: Json
}

async function call(method: string, route: string, body?: unknown, token?: string): Promise<Reply> {
  const headers = new Headers()
  if (body !== undefined) {
    headers.set('content-type', 'application/json')
  }
  if (token) {
    headers.set('authorization', `JWT ${token}`)
  }
  const response = await handleEndpoints({
    config: payload.config,
    payloadInstanceCacheKey: KEY,
    request: new Request(`http://localhost:3000/api${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {} }
}

/** Everything a test made, removed after it so the next starts clean. */
const made = { users: [] as (number | string)[], campaigns: [] as (number | string)[] }

afterEach(async () => {
  const users = { in: made.users }
  const orgs = await payload.find({
    collection: 'organizations',
    where: { owner: users },
    pagination: false,
    depth: 0,
  })
  const orgIds = orgs.docs.map((o) => o.id)
  const remove = (collection: string, where: Record<string, unknown>) =>
    payload.delete({ collection: collection as CollectionSlug, where: where as never })
  await remove('pledges', {
    or: [{ organization: { in: orgIds } }, { campaign: { in: made.campaigns } }],
  })
  await remove('doctor-profiles', { organization: { in: orgIds } })
  await remove('organizations', { id: { in: orgIds } })
  await remove('author-profiles', { owner: users })
  await remove('media-partners', { owner: users })
  await remove('media', { owner: users })
  await remove('users', { id: users })
  await remove('campaigns', { id: { in: made.campaigns } })
  made.users = []
  made.campaigns = []
  fs.rmSync(outbox, { recursive: true, force: true })
})

const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`

function institutionBody(overrides: Record<string, unknown> = {}) {
  const id = unique()
  return {
    kind: 'institution',
    agreement: true,
    account: { email: `inst-${id}@example.org`, password: 'correct-horse', name: '王主任' },
    institution: {
      name: `成都市第${id}人民医院（东院）`,
      licenceName: `成都市第${id}人民医院(东院)`,
      type: 'medical',
      province: '四川省',
      city: '成都',
      campuses: [{ name: '东院', address: '成都市锦江区' }],
      mediaAccounts: [{ kind: 'wechat', name: '成都一院' }],
      ...overrides,
    },
  }
}

/**
 * The confirmation link registration mailed to `email`, taken out of the
 * outbox so that the test's own mail assertions see only what came after.
 */
async function takeConfirmationToken(email: string): Promise<string> {
  const files = fs.existsSync(outbox)
    ? fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))
    : []
  for (const file of files) {
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, file)))
    const token = /[?&]confirm=([a-f0-9]{64})/.exec(mail.text ?? '')?.[1]
    if (token && (mail.to as { text: string }).text.includes(email)) {
      fs.rmSync(path.join(outbox, file))
      return token
    }
  }
  throw new Error(`no confirmation mail to ${email}`)
}

/**
 * Registers through the endpoint, opens the mailed confirmation link and
 * signs in; answers with what was stored. The account is cleaned up after the test.
 */
async function register(body: Json) {
  const res = await call('POST', '/participants/register', body)
  expect(res.status, JSON.stringify(res.body)).toBe(202)
  const email = String(body.account.email).toLowerCase()
  const confirmed = await call('POST', '/participants/confirm', {
    token: await takeConfirmationToken(email),
  })
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200)
  const [user] = (
    await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })
  ).docs
  made.users.push(user!.id)
  const owned = async (collection: string) =>
    (
      await payload.find({
        collection: collection as CollectionSlug,
        where: { owner: { equals: user!.id } },
        depth: 0,
      })
    ).docs[0] as Json | undefined
  const login = await payload.login({
    collection: 'users',
    data: { email: body.account.email, password: body.account.password },
  })
  return {
    user: { id: user!.id, email, role: user!.role },
    organization: await owned('organizations'),
    author: await owned('author-profiles'),
    partner: await owned('media-partners'),
    token: login.token!,
  } as Json & { token: string }
}

async function verifiedInstitution() {
  const reg = await register(institutionBody())
  const res = await call(
    'PATCH',
    `/organizations/${reg.organization.id}`,
    { verification: 'verified' },
    editorToken,
  )
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return reg
}

async function sealedForm(owner: number | string) {
  const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    .png()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt: '推荐表', owner } as never,
    file: { data, mimetype: 'image/png', name: `form-${unique()}.png`, size: data.length },
  })
}

function doctorBody(organization: number | string, form: number | string, overrides = {}) {
  return {
    organization,
    name: '李医生',
    department: '心内科',
    title: 'attending',
    mobile: '13812345678',
    practiceCertificateCode: '110110000012345',
    qualificationCertificateCode: '20081111511102198001011234x',
    recommendationForm: form,
    ...overrides,
  }
}

async function outboxMail(): Promise<ParsedMail[]> {
  if (!fs.existsSync(outbox)) {
    return []
  }
  const files = fs.readdirSync(outbox).filter((f) => f.endsWith('.eml'))
  return Promise.all(files.map((f) => simpleParser(fs.readFileSync(path.join(outbox, f)))))
}

async function campaign(status: 'published' | 'draft') {
  const doc = await payload.create({
    collection: 'campaigns',
    data: {
      title: `倡议测试 ${unique()}`,
      slug: `pledge-${unique()}`,
      year: 2026,
      _status: status,
      pledge: true,
      tracks: [{ key: 'case', name: '图文案例', kind: 'text-image' }],
    } as never,
    draft: status === 'draft',
  })
  made.campaigns.push(doc.id)
  return doc
}

beforeAll(async () => {
  t = await bootPayload(KEY)
  payload = t.payload
  outbox = process.env.EXEMPLAR_OUTBOX_DIR ?? path.join(process.env.EXEMPLAR_DATA_DIR!, 'outbox')
  await payload.create({
    collection: 'users',
    data: {
      email: 'editor@example.org',
      password: 'editor-password',
      name: '编辑',
      role: 'editor',
    } as never,
  })
  editorToken = (
    await payload.login({
      collection: 'users',
      data: { email: 'editor@example.org', password: 'editor-password' },
    })
  ).token!
})

afterAll(async () => {
  await t?.cleanup()
})

describe('registering an institution (健康号)', () => {
  it('should create the account and a pending institution it owns, linked both ways', async () => {
    const body = institutionBody()
    const reg = await register(body)
    expect(reg.user.role).toBe('participant')
    expect(reg.organization.verification).toBe('pending')
    const org = await payload.findByID({
      collection: 'organizations',
      id: reg.organization.id,
      depth: 0,
    })
    const user = await payload.findByID({ collection: 'users', id: reg.user.id, depth: 0 })
    expect(org.owner).toBe(reg.user.id)
    expect(user.organization).toBe(org.id)
    expect(org.name).toBe(body.institution.name)
    expect(org.campuses).toHaveLength(1)
    expect(Date.parse(String(org.agreementAcceptedAt))).toBeGreaterThan(Date.now() - 60_000)
  })

  it('should refuse a name that is not the licence name and store nothing', async () => {
    const body = institutionBody({ licenceName: '成都市另一家医院' })
    const res = await call('POST', '/participants/register', body)
    expect(res.status).toBe(400)
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        field: 'institution.licenceName',
        message: expect.stringContaining('机构名称与营业执照名称不一致'),
      }),
    )
    const users = await payload.count({
      collection: 'users',
      where: { email: { equals: body.account.email } },
    })
    const orgs = await payload.count({
      collection: 'organizations',
      where: { name: { equals: body.institution.name } },
    })
    expect(users.totalDocs).toBe(0)
    expect(orgs.totalDocs).toBe(0)
  })

  it('should remove the new account when a later step of the registration fails', async () => {
    const body = institutionBody({ province: '不存在的省' })
    const res = await call('POST', '/participants/register', body)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('institution.province')
    const users = await payload.count({
      collection: 'users',
      where: { email: { equals: body.account.email } },
    })
    expect(users.totalDocs).toBe(0)
  })

  it('should answer a known address exactly as a new one, mail it instead, and make no second account', async () => {
    const first = institutionBody()
    const made1 = await register(first)
    const fresh = institutionBody()
    const second = institutionBody()
    second.account.email = first.account.email.toUpperCase()
    const [known, unknown] = [
      await call('POST', '/participants/register', second),
      await call('POST', '/participants/register', fresh),
    ]
    expect(known.status).toBe(202)
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort())
    expect(known.body.status).toBe(unknown.body.status)
    const accounts = await payload.count({
      collection: 'users',
      where: { email: { equals: first.account.email } },
    })
    expect(accounts.totalDocs).toBe(1)
    const mails = await outboxMail()
    const toKnown = mails.filter((m) =>
      (m.to as { text: string }).text.includes(first.account.email),
    )
    expect(toKnown.map((m) => m.subject)).toEqual(['【Exemplar 征集平台】您的邮箱已注册过账号'])
    expect(made1.user.id).toBeDefined()
    made.users.push(
      ...(
        await payload.find({
          collection: 'users',
          where: { email: { equals: fresh.account.email } },
          depth: 0,
        })
      ).docs.map((u) => u.id),
    )
  })

  it('should refuse to sign in an account until its mailed link is opened, then let it in', async () => {
    const body = institutionBody()
    expect((await call('POST', '/participants/register', body)).status).toBe(202)
    const signIn = () =>
      call('POST', '/users/login', { email: body.account.email, password: body.account.password })
    const before = await signIn()
    // Exactly a wrong password's answer: nothing tells a new address from a known one.
    const wrong = await call('POST', '/users/login', {
      email: body.account.email,
      password: 'not-the-password',
    })
    expect(before.status).toBe(401)
    expect(before.body).toEqual(wrong.body)
    const token = await takeConfirmationToken(body.account.email)
    expect((await call('POST', '/participants/confirm', { token })).status).toBe(200)
    expect((await call('POST', '/participants/confirm', { token })).status).toBe(400)
    const after = await signIn()
    expect(after.status).toBe(200)
    made.users.push(after.body.user.id)
  })

  it("should let a later registration replace an unconfirmed one, so the first registrant's password never opens it", async () => {
    const squatter = institutionBody()
    squatter.account.password = 'squatters-password'
    await call('POST', '/participants/register', squatter)
    const stale = await takeConfirmationToken(squatter.account.email)
    const owner = institutionBody()
    owner.account.email = squatter.account.email
    owner.account.password = 'owners-own-password'
    expect((await call('POST', '/participants/register', owner)).status).toBe(202)
    const fresh = await takeConfirmationToken(owner.account.email)
    expect(fresh).not.toBe(stale)
    expect((await call('POST', '/participants/confirm', { token: stale })).status).toBe(400)
    expect((await call('POST', '/participants/confirm', { token: fresh })).status).toBe(200)
    const signIn = (password: string) =>
      call('POST', '/users/login', { email: owner.account.email, password })
    expect((await signIn('squatters-password')).status).toBe(401)
    const signedIn = await signIn('owners-own-password')
    expect(signedIn.status).toBe(200)
    made.users.push(signedIn.body.user.id)
    const orgs = await payload.find({
      collection: 'organizations',
      where: { owner: { equals: signedIn.body.user.id } },
      depth: 0,
    })
    expect(orgs.docs.map((o) => o.name)).toEqual([owner.institution.name])
  })

  it('should list every problem at once: short password, no agreement, missing licence name', async () => {
    const body = institutionBody({ licenceName: '' })
    body.account.password = 'short'
    ;(body as Record<string, unknown>).agreement = false
    const res = await call('POST', '/participants/register', body)
    expect(res.status).toBe(400)
    const fields = res.body.errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(
      expect.arrayContaining(['agreement', 'account.password', 'institution.licenceName']),
    )
    expect(
      res.body.errors.find((e: { field: string }) => e.field === 'account.password').message,
    ).toBe('密码至少 8 位')
  })
})

describe('registering an individual author and a media partner', () => {
  it('should store the author form (seed 001 作品登记表) with the account', async () => {
    const id = unique()
    const reg = await register({
      kind: 'author',
      agreement: true,
      account: { email: `author-${id}@example.org`, password: 'author-password', name: '张三' },
      author: {
        name: '张三',
        mobile: '13900001111',
        address: '北京市东城区',
        postcode: '100010',
        informationSource: '健康报',
      },
    })
    expect(reg.user.role).toBe('participant')
    expect(reg.author).toMatchObject({
      name: '张三',
      postcode: '100010',
      informationSource: '健康报',
      owner: reg.user.id,
    })
  })

  it('should refuse a five-digit postcode, naming the field', async () => {
    const id = unique()
    const res = await call('POST', '/participants/register', {
      kind: 'author',
      agreement: true,
      account: { email: `author-${id}@example.org`, password: 'author-password', name: '张三' },
      author: { name: '张三', mobile: '13900001111', address: '北京市', postcode: '10001' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { field: 'author.postcode', code: 'invalid', message: '邮编须为 6 位数字' },
    ])
  })

  it('should register a partner with the partner role, its modes and normalized embed domains', async () => {
    const id = unique()
    const reg = await register({
      kind: 'partner',
      agreement: true,
      account: { email: `partner-${id}@example.org`, password: 'partner-password', name: '刘编辑' },
      partner: {
        outletName: '中国医学期刊',
        address: '北京市西城区',
        email: `desk-${id}@example.org`,
        contactName: '刘编辑',
        landline: '010-65281234',
        mobile: '13700002222',
        modes: ['print', 'journal-cover', 'other'],
        otherMode: '学术会议展台',
        embedDomains: ['News.Example.org', 'news.example.org', 'www.example.com'],
      },
    })
    expect(reg.user.role).toBe('partner')
    expect(reg.partner.modes).toEqual(['print', 'journal-cover', 'other'])
    expect(reg.partner.embedDomains).toEqual(['news.example.org', 'www.example.com'])
    expect(reg.partner.verification).toBe('pending')
  })

  it("should email the partner on verification and publish only verified partners' domains", async () => {
    const id = unique()
    const reg = await register({
      kind: 'partner',
      agreement: true,
      account: { email: `partner-${id}@example.org`, password: 'partner-password', name: '刘编辑' },
      partner: {
        outletName: `健康导报${id}`,
        email: `desk-${id}@example.org`,
        contactName: '刘编辑',
        mobile: '13700002222',
        modes: ['website'],
        embedDomains: [`${id}.example.net`],
      },
    })
    const before = await call('GET', '/participants/embed-domains')
    expect(before.body.domains).not.toContain(`${id}.example.net`)
    const res = await call(
      'PATCH',
      `/media-partners/${reg.partner.id}`,
      { verification: 'verified' },
      editorToken,
    )
    expect(res.status).toBe(200)
    const [mail] = await outboxMail()
    expect(mail!.subject).toBe('【Exemplar 征集平台】合作媒体回执已通过审核')
    expect((mail!.to as { text: string }).text).toContain(`partner-${id}@example.org`)
    const after = await call('GET', '/participants/embed-domains')
    expect(after.body.domains).toContain(`${id}.example.net`)
    const me = await call('GET', '/participants/me', undefined, reg.token)
    expect(me.body.partner).toMatchObject({ id: reg.partner.id, verification: 'verified' })
    expect(me.body).not.toHaveProperty('organization')
    expect((await call('GET', `/media-partners/${reg.partner.id}`)).status).toBe(403)
  })

  it('should refuse an embed domain written as a URL and store no account', async () => {
    const id = unique()
    const email = `partner-${id}@example.org`
    const res = await call('POST', '/participants/register', {
      kind: 'partner',
      agreement: true,
      account: { email, password: 'partner-password', name: '刘编辑' },
      partner: {
        outletName: '某报',
        email,
        contactName: '刘编辑',
        mobile: '13700002222',
        modes: ['website'],
        embedDomains: ['https://news.example.org/gallery'],
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toMatchObject({
      field: 'partner.embedDomains.0',
      message: expect.stringContaining('不是有效的域名'),
    })
    expect(
      (await payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs,
    ).toBe(0)
  })
})

describe('verification by editors', () => {
  it('should email the owner in Chinese when an editor verifies the institution', async () => {
    const reg = await register(institutionBody())
    const res = await call(
      'PATCH',
      `/organizations/${reg.organization.id}`,
      { verification: 'verified' },
      editorToken,
    )
    expect(res.status).toBe(200)
    expect(res.body.doc.verification).toBe('verified')
    const mail = await outboxMail()
    expect(mail).toHaveLength(1)
    expect(mail[0]!.subject).toBe('【Exemplar 征集平台】机构认证已通过审核')
    expect((mail[0]!.to as { text: string }).text).toContain(reg.user.email)
    expect(mail[0]!.text).toContain('已通过审核')
  })

  it('should refuse a rejection without a reason and keep the institution pending', async () => {
    const reg = await register(institutionBody())
    const res = await call(
      'PATCH',
      `/organizations/${reg.organization.id}`,
      { verification: 'rejected' },
      editorToken,
    )
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('驳回须填写审核意见')
    const org = await payload.findByID({ collection: 'organizations', id: reg.organization.id })
    expect(org.verification).toBe('pending')
    expect(await outboxMail()).toHaveLength(0)
  })

  it('should send the reason when an editor rejects with one', async () => {
    const reg = await register(institutionBody())
    const res = await call(
      'PATCH',
      `/organizations/${reg.organization.id}`,
      { verification: 'rejected', verificationNote: '营业执照扫描件不清晰' },
      editorToken,
    )
    expect(res.status).toBe(200)
    const [mail] = await outboxMail()
    expect(mail!.subject).toBe('【Exemplar 征集平台】机构认证未通过审核')
    expect(mail!.text).toContain('审核意见：营业执照扫描件不清晰')
  })

  it('should put a rejected institution back in the queue when its owner corrects it', async () => {
    const reg = await register(institutionBody())
    const id = reg.organization.id
    await call(
      'PATCH',
      `/organizations/${id}`,
      { verification: 'rejected', verificationNote: '缺少院区地址' },
      editorToken,
    )
    const fixed = await call(
      'PATCH',
      `/organizations/${id}`,
      { campuses: [{ name: '东院', address: '锦江区 1 号' }] },
      reg.token,
    )
    expect(fixed.status).toBe(200)
    expect(fixed.body.doc.verification).toBe('pending')
    expect(fixed.body.doc.verificationNote).toBe('缺少院区地址')
  })

  it('should not let an institution verify itself', async () => {
    const reg = await register(institutionBody())
    const res = await call(
      'PATCH',
      `/organizations/${reg.organization.id}`,
      { verification: 'verified', verificationNote: '自己通过', city: '绵阳' },
      reg.token,
    )
    expect(res.status).toBe(200)
    const org = await payload.findByID({ collection: 'organizations', id: reg.organization.id })
    expect(org.city).toBe('绵阳')
    expect(org.verification).toBe('pending')
    expect(org.verificationNote ?? null).toBeNull()
    expect(await outboxMail()).toHaveLength(0)
  })

  it('should refuse an owner renaming the institution away from its licence name', async () => {
    const reg = await register(institutionBody())
    const res = await call(
      'PATCH',
      `/organizations/${reg.organization.id}`,
      { name: '另一个名字医院' },
      reg.token,
    )
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('机构名称与营业执照名称不一致')
  })
})

describe('doctor profiles (医者名片)', () => {
  it('should refuse a doctor for an institution that is not verified yet', async () => {
    const reg = await register(institutionBody())
    const form = await sealedForm(reg.user.id)
    const res = await call(
      'POST',
      '/doctor-profiles',
      doctorBody(reg.organization.id, form.id),
      reg.token,
    )
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toContain('机构通过认证后')
  })

  it('should refuse a resident, naming the rule', async () => {
    const reg = await verifiedInstitution()
    const form = await sealedForm(reg.user.id)
    const res = await call(
      'POST',
      '/doctor-profiles',
      doctorBody(reg.organization.id, form.id, { title: 'resident' }),
      reg.token,
    )
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      {
        field: 'title',
        code: 'invalid',
        message: expect.stringContaining('职称须为主治医师及以上'),
      },
    ])
  })

  it('should refuse malformed certificate codes and a short mobile, each by name', async () => {
    const reg = await verifiedInstitution()
    const form = await sealedForm(reg.user.id)
    const res = await call(
      'POST',
      '/doctor-profiles',
      doctorBody(reg.organization.id, form.id, {
        practiceCertificateCode: '11011000001234',
        qualificationCertificateCode: '2008-ABC',
        mobile: '1381234567',
      }),
      reg.token,
    )
    expect(res.status).toBe(400)
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    )
    expect(byField.practiceCertificateCode).toBe('医师执业证书编码须为 15 位数字')
    expect(byField.qualificationCertificateCode).toContain('医师资格证书编码须为 15–30 位')
    expect(byField.mobile).toBe('手机号须为 11 位中国大陆手机号码')
    expect(
      (
        await payload.count({
          collection: 'doctor-profiles',
          where: { organization: { equals: reg.organization.id } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('should accept an attending physician, due in 10 working days, and hide private fields from the public', async () => {
    const reg = await verifiedInstitution()
    const form = await sealedForm(reg.user.id)
    const before = new Date()
    const res = await call(
      'POST',
      '/doctor-profiles',
      doctorBody(reg.organization.id, form.id),
      reg.token,
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const doc = res.body.doc
    expect(doc).toMatchObject({ slot: 1, verification: 'pending', owner: reg.user.id })
    expect(doc.qualificationCertificateCode).toBe('20081111511102198001011234X')
    const due = Date.parse(doc.verificationDueAt)
    expect(due).toBeGreaterThanOrEqual(addWorkingDays(before, 10).getTime())
    expect(due).toBeLessThanOrEqual(addWorkingDays(new Date(), 10).getTime())

    expect((await call('GET', `/doctor-profiles/${doc.id}`)).status).toBe(404)
    await call('PATCH', `/doctor-profiles/${doc.id}`, { verification: 'verified' }, editorToken)
    const mail = await outboxMail()
    expect(mail.map((m) => m.subject)).toContain('【Exemplar 征集平台】医者名片已通过审核')
    const pub = await call('GET', `/doctor-profiles/${doc.id}?depth=0`)
    expect(pub.status).toBe(200)
    expect(pub.body).toMatchObject({
      name: '李医生',
      department: '心内科',
      title: 'attending',
      organization: reg.organization.id,
    })
    for (const secret of [
      'mobile',
      'practiceCertificateCode',
      'qualificationCertificateCode',
      'recommendationForm',
      'slot',
      'owner',
    ]) {
      expect(pub.body).not.toHaveProperty(secret)
    }
    const own = await call('GET', `/doctor-profiles/${doc.id}?depth=0`, undefined, reg.token)
    expect(own.body.mobile).toBe('13812345678')
  })

  it('should accept the admin multipart form from an editor, with a fixed slot and deadline', async () => {
    const reg = await verifiedInstitution()
    const form = await sealedForm(reg.user.id)
    const fields = new FormData()
    fields.set(
      '_payload',
      JSON.stringify({
        ...doctorBody(reg.organization.id, form.id),
        slot: 7,
        verificationDueAt: '2000-01-01T00:00:00.000Z',
      }),
    )
    const response = await handleEndpoints({
      config: payload.config,
      payloadInstanceCacheKey: KEY,
      request: new Request('http://localhost:3000/api/doctor-profiles?depth=0', {
        method: 'POST',
        headers: { authorization: `JWT ${editorToken}` },
        body: fields,
      }),
    })
    const body = (await response.json()) as Json
    expect(response.status, JSON.stringify(body)).toBe(201)
    expect(body.doc.slot).toBe(1)
    expect(Date.parse(body.doc.verificationDueAt)).toBeGreaterThan(Date.now())
  })

  it('should send a verified doctor back to review when the institution changes the certificate code', async () => {
    const reg = await verifiedInstitution()
    const form = await sealedForm(reg.user.id)
    const doc = (
      await call('POST', '/doctor-profiles', doctorBody(reg.organization.id, form.id), reg.token)
    ).body.doc
    await call('PATCH', `/doctor-profiles/${doc.id}`, { verification: 'verified' }, editorToken)
    const edit = await call(
      'PATCH',
      `/doctor-profiles/${doc.id}`,
      { practiceCertificateCode: '110110000054321' },
      reg.token,
    )
    expect(edit.status).toBe(200)
    expect(edit.body.doc.verification).toBe('pending')
    const moved = await call(
      'PATCH',
      `/doctor-profiles/${doc.id}`,
      { department: '儿科' },
      reg.token,
    )
    expect(moved.body.doc.slot).toBe(1)
  })

  it('should hide the sealed form from the public and refuse a file the caller did not upload', async () => {
    const reg = await verifiedInstitution()
    const other = await verifiedInstitution()
    const form = await sealedForm(reg.user.id)
    expect((await call('GET', `/media/${form.id}`)).status).toBe(200)
    const res = await call(
      'POST',
      '/doctor-profiles',
      doctorBody(reg.organization.id, form.id),
      reg.token,
    )
    expect(res.status).toBe(201)
    expect((await call('GET', `/media/${form.id}`)).status).toBe(404)
    const listing = await call('GET', `/media?where[id][equals]=${form.id}&depth=0`)
    expect(listing.body.docs).toHaveLength(0)
    const file = await call('GET', `/media/file/${encodeURIComponent(String(form.filename))}`)
    expect(file.status).toBe(403)
    expect((await call('GET', `/media/${form.id}`, undefined, reg.token)).status).toBe(200)
    const borrowed = await call(
      'POST',
      '/doctor-profiles',
      doctorBody(other.organization.id, form.id),
      other.token,
    )
    expect(borrowed.status).toBe(403)
    expect(borrowed.body.errors[0].field).toBe('recommendationForm')
  })

  it('should keep exactly 20 doctors when 30 are submitted at once for one institution', async () => {
    const reg = await verifiedInstitution()
    const form = await sealedForm(reg.user.id)
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(
          'POST',
          '/doctor-profiles',
          doctorBody(reg.organization.id, form.id, { name: `医生${i}` }),
          reg.token,
        ),
      ),
    )
    const created = replies.filter((r) => r.status === 201)
    const refused = replies.filter((r) => r.status !== 201)
    expect(created).toHaveLength(20)
    expect(refused).toHaveLength(10)
    for (const r of refused) {
      expect(r.status).toBe(409)
      expect(r.body.errors[0]).toMatchObject({
        field: 'organization',
        code: 'doctors.capReached',
        message: '每家机构最多 20 名医生',
        limit: 20,
      })
    }
    const stored = await payload.find({
      collection: 'doctor-profiles',
      where: { organization: { equals: reg.organization.id } },
      pagination: false,
      depth: 0,
    })
    expect(stored.docs).toHaveLength(20)
    expect(new Set(stored.docs.map((d) => d.slot))).toEqual(
      new Set(Array.from({ length: 20 }, (_, i) => i + 1)),
    )
  })
})

describe('pledges (倡议书)', () => {
  it('should refuse an institution that is not verified', async () => {
    const reg = await register(institutionBody())
    const c = await campaign('published')
    const res = await call('POST', '/participants/pledges', { campaign: c.id }, reg.token)
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe('机构通过认证后方可签署倡议书')
    expect((await call('GET', `/participants/pledges/count?campaign=${c.id}`)).body.count).toBe(0)
  })

  it('should sign once, answer alreadySigned after, and count publicly', async () => {
    const reg = await verifiedInstitution()
    const c = await campaign('published')
    const replies = await Promise.all(
      [1, 2, 3].map(() => call('POST', '/participants/pledges', { campaign: c.id }, reg.token)),
    )
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1)
    expect(replies.filter((r) => r.status === 200 && r.body.alreadySigned === true)).toHaveLength(2)
    const again = await call('POST', '/participants/pledges', { campaign: c.id }, reg.token)
    expect(again).toMatchObject({ status: 200, body: { alreadySigned: true } })
    const count = await call('GET', `/participants/pledges/count?campaign=${c.id}`)
    expect(count).toEqual({ status: 200, body: { count: 1 } })
  })

  it('should let a verified doctor sign beside the institution and refuse an unverified one', async () => {
    const reg = await verifiedInstitution()
    const c = await campaign('published')
    const form = await sealedForm(reg.user.id)
    const a = (
      await call('POST', '/doctor-profiles', doctorBody(reg.organization.id, form.id), reg.token)
    ).body.doc
    const b = (
      await call(
        'POST',
        '/doctor-profiles',
        doctorBody(reg.organization.id, form.id, { name: '赵医生' }),
        reg.token,
      )
    ).body.doc
    await call('PATCH', `/doctor-profiles/${a.id}`, { verification: 'verified' }, editorToken)
    expect(
      (await call('POST', '/participants/pledges', { campaign: c.id }, reg.token)).status,
    ).toBe(201)
    expect(
      (await call('POST', '/participants/pledges', { campaign: c.id, doctor: a.id }, reg.token))
        .status,
    ).toBe(201)
    const refused = await call(
      'POST',
      '/participants/pledges',
      { campaign: c.id, doctor: b.id },
      reg.token,
    )
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0]).toMatchObject({
      field: 'doctor',
      message: '医者名片通过审核后方可签署倡议书',
    })
    expect((await call('GET', `/participants/pledges/count?campaign=${c.id}`)).body.count).toBe(2)
  })

  it('should refuse signing a campaign that is not published', async () => {
    const reg = await verifiedInstitution()
    const c = await campaign('draft')
    const res = await call('POST', '/participants/pledges', { campaign: c.id }, reg.token)
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toMatchObject({
      field: 'campaign',
      message: expect.stringContaining('已发布'),
    })
  })

  it('should refuse signing a campaign that asks for no pledge', async () => {
    const reg = await verifiedInstitution()
    const c = await campaign('published')
    await payload.update({ collection: 'campaigns', id: c.id, data: { pledge: false } })
    const res = await call('POST', '/participants/pledges', { campaign: c.id }, reg.token)
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toMatchObject({
      field: 'campaign',
      code: 'campaign.noPledge',
      message: expect.stringContaining('不设在线签署'),
    })
    expect((await call('GET', `/participants/pledges/count?campaign=${c.id}`)).body.count).toBe(0)
  })

  it('should not let one institution sign as another', async () => {
    const owner = await verifiedInstitution()
    const other = await verifiedInstitution()
    const c = await campaign('published')
    const res = await call(
      'POST',
      '/pledges',
      { campaign: c.id, organization: owner.organization.id },
      other.token,
    )
    expect(res.status).toBe(403)
    expect((await call('GET', `/participants/pledges/count?campaign=${c.id}`)).body.count).toBe(0)
  })
})

describe('GET /api/participants/me', () => {
  it('should answer 401 when signed out', async () => {
    const res = await call('GET', '/participants/me')
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toBe('请先登录')
  })

  it('should return the account, its institution, doctors and signatures', async () => {
    const reg = await verifiedInstitution()
    const c = await campaign('published')
    const form = await sealedForm(reg.user.id)
    await call('POST', '/doctor-profiles', doctorBody(reg.organization.id, form.id), reg.token)
    await call('POST', '/participants/pledges', { campaign: c.id }, reg.token)
    const res = await call('GET', '/participants/me', undefined, reg.token)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.user).toMatchObject({
      id: reg.user.id,
      role: 'participant',
      organization: reg.organization.id,
    })
    expect(res.body.organization).toMatchObject({
      id: reg.organization.id,
      verification: 'verified',
    })
    expect(res.body.doctors).toHaveLength(1)
    expect(res.body.doctors[0].mobile).toBe('13812345678')
    expect(res.body.pledges).toEqual([expect.objectContaining({ campaign: c.id, doctor: null })])
  })
})
