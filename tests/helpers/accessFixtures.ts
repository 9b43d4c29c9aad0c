import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'

import type { RoleKey } from '@exemplar/cms/access/cells'

import type { Json } from './api'

/**
 * The documents the access-matrix test reads, changes and deletes: for every
 * collection, a few of each kind a rule tells apart (own and foreign,
 * published and draft, public and private states, verified and pending), and
 * for every collection a sample a role with create access can really store.
 */
export type Id = number | string
export type Doc = Record<string, unknown> & { id: Id }

export type SignedInRole = Exclude<RoleKey, 'anonymous'>

export interface World {
  payload: Payload
  users: Record<SignedInRole | 'other', Doc>
  tokens: Record<SignedInRole, string>
  openCampaign: Doc
  myOrganization: Doc
  myMedia: Doc
}

export interface CollectionFixtures {
  /** Named documents for reads and updates, made once. */
  kinds: Record<string, (w: World) => Promise<Doc>>
  /** Fresh documents to delete, where deleting the read fixtures would break the world. */
  deleteKinds?: Record<string, (w: World) => Promise<Doc>>
  /** Data a role allowed to create can store through REST and GraphQL (each call unique). */
  sample: (w: World, role: RoleKey) => Promise<Json>
  /** Create through multipart (uploads), not JSON. */
  upload?: true
  /** Payload mounts no REST routes for it: every call is 404 or 501. */
  noRest?: true
  /** Payload's own routes find it by `key` and only ever the caller's (preferences). */
  keyed?: true
}

let seq = 0
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++seq}`

/** A fresh campaign entry number prefix (2–4 capital letters, unique like `unique`). */
export const uniqueEntryPrefix = () => {
  let n = ++seq
  let letters = ''
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters
    n = Math.floor(n / 26)
  } while (n > 0)
  return `Q${letters}`.slice(0, 4)
}

const create = async (w: World, collection: string, data: Json, extra: Json = {}) =>
  (await w.payload.create({
    collection: collection as CollectionSlug,
    data: data as never,
    depth: 0,
    ...extra,
  })) as unknown as Doc

/** Payload's own collections skip the hooks that need a signed-in user. */
const raw = async (w: World, collection: string, data: Json) =>
  (await w.payload.db.create({ collection: collection as CollectionSlug, data })) as unknown as Doc

export async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 4, channels: 3, background: '#0a0' } })
    .png()
    .toBuffer()
}

async function media(w: World, owner: Doc, extra: Json = {}): Promise<Doc> {
  const data = await smallPng()
  return create(
    w,
    'media',
    { alt: '夹具', owner: owner.id, ...extra },
    { file: { data, mimetype: 'image/png', name: `${unique('m')}.png`, size: data.length } },
  )
}

const campaignData = (status: 'published' | 'draft') => ({
  title: `权限夹具 ${status}`,
  slug: unique(`matrix-${status}`),
  year: 2026,
  _status: status,
  tracks: [{ key: 'case', name: '图文案例', kind: 'text-image' }],
  phases: [
    {
      kind: 'submission',
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  ],
})

const entry = (w: World, status: string, owner?: Doc, reviewers: Doc[] = []) =>
  create(w, 'entries', {
    title: unique(`作品 ${status}`),
    campaign: w.openCampaign.id,
    track: 'case',
    status,
    submittedBy: owner?.id ?? null,
    reviewers: reviewers.map((r) => r.id),
  })

async function reviewRow(w: World, reviewer: Doc): Promise<Doc> {
  return create(w, 'reviews', {
    entry: (await entry(w, 'accepted')).id,
    reviewer: reviewer.id,
    campaign: w.openCampaign.id,
    track: 'case',
    status: 'assigned',
  })
}

const organization = (w: World, owner: Doc, verification: string) => {
  const name = unique('夹具医院')
  return create(w, 'organizations', {
    name,
    licenceName: name,
    type: 'medical',
    owner: owner.id,
    verification,
  })
}

async function doctor(w: World, org: Doc, owner: Doc, verification: string): Promise<Doc> {
  const form = await media(w, owner)
  return create(
    w,
    'doctor-profiles',
    doctorData(org, form, verification),
    // An editor may add a doctor to any institution; the plugin's hook reads the caller.
    { user: { ...w.users.editor, collection: 'users' } },
  )
}

const doctorData = (org: Doc, form: Doc, verification = 'pending') => ({
  organization: org.id,
  name: '李医生',
  department: '心内科',
  title: 'attending',
  mobile: '13812345678',
  practiceCertificateCode: '110110000012345',
  qualificationCertificateCode: '200811115111021980',
  recommendationForm: form.id,
  verification,
})

const partnerData = (owner?: Doc) => ({
  outletName: unique('健康导报'),
  email: `${unique('desk')}@example.org`,
  contactName: '刘编辑',
  mobile: '13700002222',
  modes: ['website'],
  ...(owner ? { owner: owner.id } : {}),
})

const authorData = (owner?: Doc) => ({
  name: '王作者',
  email: `${unique('author')}@example.org`,
  mobile: '13700003333',
  address: '北京市东城区',
  postcode: '100010',
  ...(owner ? { owner: owner.id } : {}),
})

const sameAs = (data: Json) => async () => data

const throwaway = (w: World, role: string) =>
  create(w, 'users', {
    email: `${unique('gone')}@example.org`,
    password: 'a-long-password',
    name: '待删除',
    role,
  })

export const FIXTURES: Record<string, CollectionFixtures> = {
  campaigns: {
    kinds: {
      published: (w) => create(w, 'campaigns', campaignData('published')),
      draft: (w) => create(w, 'campaigns', campaignData('draft'), { draft: true }),
    },
    sample: async () => ({
      title: '新活动',
      slug: unique('new-campaign'),
      year: 2027,
      entryPrefix: uniqueEntryPrefix(),
    }),
  },
  themes: {
    kinds: {
      theme: (w) =>
        create(w, 'themes', { title: '主题', code: unique('t'), campaign: w.openCampaign.id }),
    },
    sample: async (w) => ({ title: '新主题', code: unique('nt'), campaign: w.openCampaign.id }),
  },
  entries: {
    kinds: {
      mineDraft: (w) => entry(w, 'draft', w.users.participant),
      mineScreening: (w) => entry(w, 'screening', w.users.participant),
      mineRejected: (w) => entry(w, 'rejected', w.users.participant),
      otherDraft: (w) => entry(w, 'draft', w.users.other),
      otherReturned: (w) => entry(w, 'returned', w.users.other),
      assignedSubmitted: (w) => entry(w, 'submitted', w.users.other, [w.users.reviewer]),
      publicVoting: (w) => entry(w, 'voting', w.users.other),
      publicAwarded: (w) => entry(w, 'awarded'),
    },
    sample: async (w) => ({
      title: unique('新作品'),
      campaign: w.openCampaign.id,
      track: 'case',
      status: 'draft',
    }),
  },
  posts: {
    kinds: {
      published: (w) =>
        create(w, 'posts', { title: '动态', slug: unique('p'), _status: 'published' }),
      draft: (w) =>
        create(w, 'posts', { title: '草稿', slug: unique('d'), _status: 'draft' }, { draft: true }),
    },
    sample: async () => ({ title: '新动态', slug: unique('np') }),
  },
  media: {
    kinds: {
      mine: (w) => media(w, w.users.participant),
      // An accepted entry's file: public, and no longer its uploader's to change.
      minePublic: (w) => media(w, w.users.participant, { onPublicDisplay: true }),
      editors: (w) => media(w, w.users.editor),
    },
    sample: async () => ({ alt: '新图片' }),
    upload: true,
  },
  organizations: {
    kinds: {
      otherVerified: (w) => organization(w, w.users.other, 'verified'),
      otherPending: (w) => organization(w, w.users.other, 'pending'),
      minePending: (w) => organization(w, w.users.participant, 'pending'),
    },
    sample: async () => {
      const name = unique('新医院')
      return { name, licenceName: name, type: 'medical', verification: 'pending' }
    },
  },
  users: {
    kinds: {
      participant: async (w) => w.users.participant,
      other: async (w) => w.users.other,
      partner: async (w) => w.users.partner,
      reviewer: async (w) => w.users.reviewer,
      editor: async (w) => w.users.editor,
      admin: async (w) => w.users.admin,
    },
    deleteKinds: {
      participant: (w) => throwaway(w, 'participant'),
      editor: (w) => throwaway(w, 'editor'),
      admin: (w) => throwaway(w, 'admin'),
    },
    sample: async () => ({
      email: `${unique('new-user')}@example.org`,
      password: 'a-long-password',
      name: '新用户',
      role: 'participant',
    }),
  },
  'doctor-profiles': {
    kinds: {
      mineVerified: (w) => doctor(w, w.myOrganization, w.users.participant, 'verified'),
      otherVerified: async (w) =>
        doctor(w, await organization(w, w.users.other, 'verified'), w.users.other, 'verified'),
      otherPending: async (w) =>
        doctor(w, await organization(w, w.users.other, 'verified'), w.users.other, 'pending'),
    },
    sample: async (w, role) => {
      const org =
        role === 'participant' ? w.myOrganization : await organization(w, w.users.other, 'verified')
      const form = role === 'participant' ? w.myMedia : await media(w, w.users.other)
      return doctorData(org, form)
    },
  },
  'media-partners': {
    kinds: {
      partners: (w) => create(w, 'media-partners', partnerData(w.users.partner)),
      others: (w) => create(w, 'media-partners', partnerData(w.users.other)),
    },
    sample: async () => ({ ...partnerData(), verification: 'pending' }),
  },
  'author-profiles': {
    kinds: {
      mine: (w) => create(w, 'author-profiles', authorData(w.users.participant)),
      others: (w) => create(w, 'author-profiles', authorData(w.users.other)),
    },
    sample: async () => authorData(),
  },
  pledges: {
    kinds: {
      mine: async (w) =>
        create(
          w,
          'pledges',
          {
            campaign: (await create(w, 'campaigns', { ...campaignData('published'), pledge: true }))
              .id,
            organization: w.myOrganization.id,
          },
          { user: { ...w.users.editor, collection: 'users' } },
        ),
    },
    sample: async (w) => ({
      campaign: (await create(w, 'campaigns', { ...campaignData('published'), pledge: true })).id,
      organization: w.myOrganization.id,
    }),
  },
  voters: {
    kinds: {
      voter: (w) =>
        create(w, 'voters', { channel: 'email', addressHash: unique('h'), masked: 'a***@x' }),
    },
    sample: sameAs({ channel: 'email', addressHash: 'forged', masked: 'x' }),
  },
  'vote-codes': {
    kinds: {
      code: (w) =>
        create(w, 'vote-codes', {
          addressHash: unique('h'),
          codeHash: 'x',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
        }),
    },
    sample: sameAs({ addressHash: 'forged', codeHash: 'x', expiresAt: '2030-01-01T00:00:00Z' }),
  },
  votes: {
    kinds: {
      vote: async (w) => {
        const voter = await create(w, 'voters', {
          channel: 'email',
          addressHash: unique('h'),
          masked: 'a***@x',
        })
        return create(w, 'votes', {
          entry: (await entry(w, 'voting', w.users.other)).id,
          campaign: w.openCampaign.id,
          voter: voter.id,
          day: '2026-12-01',
          slot: 0,
        })
      },
    },
    sample: async (w) => ({
      entry: (await entry(w, 'voting', w.users.other)).id,
      campaign: w.openCampaign.id,
      voter: (
        await create(w, 'voters', { channel: 'email', addressHash: unique('h'), masked: 'x' })
      ).id,
      day: '2026-12-01',
      slot: 0,
      state: 'counted',
    }),
  },
  'vote-audits': {
    kinds: { audit: (w) => create(w, 'vote-audits', { action: 'flag', reason: '夹具' }) },
    sample: sameAs({ action: 'flag', reason: 'forged' }),
  },
  'payload-locked-documents': {
    kinds: {
      editorsLock: (w) =>
        raw(w, 'payload-locked-documents', {
          document: { relationTo: 'campaigns', value: w.openCampaign.id },
          user: { relationTo: 'users', value: w.users.editor.id },
        }),
      reviewersLock: (w) =>
        raw(w, 'payload-locked-documents', {
          globalSlug: unique('g'),
          user: { relationTo: 'users', value: w.users.reviewer.id },
        }),
    },
    sample: async (w) => ({
      globalSlug: unique('lock'),
      user: { relationTo: 'users', value: w.users.editor.id },
    }),
  },
  'payload-preferences': {
    kinds: {
      mine: (w) =>
        raw(w, 'payload-preferences', {
          key: unique('k'),
          value: { a: 1 },
          user: { relationTo: 'users', value: w.users.participant.id },
        }),
      editors: (w) =>
        raw(w, 'payload-preferences', {
          key: unique('k'),
          value: { a: 1 },
          user: { relationTo: 'users', value: w.users.editor.id },
        }),
    },
    sample: async () => ({ key: unique('pref'), value: { b: 2 } }),
    keyed: true,
  },
  'workflow-reasons': {
    kinds: {
      reason: (w) =>
        create(w, 'workflow-reasons', {
          code: unique('r').replace(/\W/g, ''),
          label: '夹具原因',
          actions: ['return'],
        }),
    },
    sample: async () => ({
      code: unique('s').replace(/\W/g, ''),
      label: '新原因',
      actions: ['reject'],
    }),
  },
  'review-pools': {
    kinds: {
      pool: (w) =>
        create(w, 'review-pools', {
          name: unique('专家库'),
          campaign: w.openCampaign.id,
          reviewers: [w.users.reviewer.id],
        }),
    },
    sample: async (w) => ({
      name: unique('新专家库'),
      campaign: w.openCampaign.id,
      reviewers: [w.users.reviewer.id],
    }),
  },
  reviews: {
    kinds: {
      mine: async (w) => reviewRow(w, w.users.reviewer),
      others: async (w) => reviewRow(w, w.users.editor),
    },
    sample: async (w) => ({
      entry: (await entry(w, 'accepted')).id,
      reviewer: w.users.reviewer.id,
      campaign: w.openCampaign.id,
      track: 'case',
      status: 'submitted',
      total: 100,
    }),
  },
  'review-conflicts': {
    kinds: {
      mine: (w) =>
        create(w, 'review-conflicts', { reviewer: w.users.reviewer.id, reason: '夹具回避' }),
      others: (w) =>
        create(w, 'review-conflicts', { reviewer: w.users.editor.id, reason: '夹具回避' }),
    },
    sample: async (w) => ({ reviewer: w.users.reviewer.id, reason: '新回避' }),
  },
  'review-reminders': {
    kinds: {
      sent: async (w) =>
        create(w, 'review-reminders', {
          review: (await reviewRow(w, w.users.reviewer)).id,
          reviewer: w.users.reviewer.id,
          hours: 72,
        }),
    },
    sample: async (w) => ({
      review: (await reviewRow(w, w.users.reviewer)).id,
      reviewer: w.users.reviewer.id,
      hours: 24,
    }),
  },
  'upload-sessions': {
    kinds: {
      session: (w) =>
        create(w, 'upload-sessions', {
          uploadId: unique('u'),
          owner: w.users.participant.id,
          kind: 'resumable',
          state: 'receiving',
          declaredBytes: 1024,
          activeAt: new Date().toISOString(),
        }),
    },
    sample: async (w) => ({
      uploadId: unique('forged'),
      owner: w.users.participant.id,
      kind: 'plain',
      state: 'receiving',
      declaredBytes: 1,
      activeAt: new Date().toISOString(),
    }),
  },
  'payload-jobs': {
    kinds: {
      job: (w) => raw(w, 'payload-jobs', { taskSlug: 'sweepUploads', input: {}, queue: 'matrix' }),
    },
    sample: async () => ({ taskSlug: 'sweepUploads', input: {}, queue: 'matrix' }),
  },
  'payload-kv': {
    kinds: { entry: (w) => raw(w, 'payload-kv', { key: unique('kv'), data: { a: 1 } }) },
    sample: async () => ({ key: unique('kv-new'), data: { a: 1 } }),
  },
  'payload-migrations': {
    kinds: { migration: (w) => raw(w, 'payload-migrations', { name: unique('m'), batch: 1 }) },
    sample: async () => ({ name: unique('forged'), batch: 99 }),
    noRest: true,
  },
}

/** The people of the matrix: one account per role, and a second participant. */
export async function makeWorld(payload: Payload): Promise<World> {
  const roles: [SignedInRole | 'other', string][] = [
    ['participant', 'participant'],
    ['other', 'participant'],
    ['partner', 'partner'],
    ['reviewer', 'reviewer'],
    ['editor', 'editor'],
    ['admin', 'admin'],
  ]
  const users = {} as World['users']
  const tokens = {} as World['tokens']
  for (const [key, role] of roles) {
    const email = `matrix-${key}@test.example.org`
    users[key] = (await payload.create({
      collection: 'users',
      data: { email, password: 'matrix-password', name: key, role } as never,
      depth: 0,
    })) as unknown as Doc
    if (key !== 'other') {
      tokens[key] = (
        await payload.login({ collection: 'users', data: { email, password: 'matrix-password' } })
      ).token!
    }
  }
  const w = { payload, users, tokens } as World
  w.openCampaign = await create(w, 'campaigns', campaignData('published'))
  w.myOrganization = await organization(w, users.participant, 'verified')
  await payload.update({
    collection: 'users',
    id: users.participant.id,
    data: { organization: w.myOrganization.id } as never,
  })
  w.myMedia = await media(w, users.participant)
  return w
}
