import type { Payload } from 'payload'

import type { Json } from './api'
import {
  create,
  entry,
  raw,
  smallPng,
  unique,
  uniqueEntryPrefix,
  type CollectionFixtures,
  type Doc,
  type SignedInRole,
  type World,
} from './fixtureParts'
import { PLUGIN_FIXTURES } from './pluginFixtures'

export {
  smallPng,
  unique,
  uniqueEntryPrefix,
  type CollectionFixtures,
  type Doc,
  type Id,
  type SignedInRole,
  type World,
} from './fixtureParts'

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

const throwaway = (w: World, role: string) =>
  create(w, 'users', {
    email: `${unique('gone')}@example.org`,
    password: 'a-long-password',
    name: '待删除',
    role,
  })

/**
 * The documents the access-matrix test reads, changes and deletes: for every
 * collection, a few of each kind a rule tells apart (own and foreign,
 * published and draft, public and private states, verified and pending), and
 * for every collection a sample a role with create access can really store.
 */
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
  showcases: {
    kinds: {
      published: (w) =>
        create(w, 'showcases', { title: '精选', slug: unique('s'), _status: 'published' }),
      draft: (w) =>
        create(
          w,
          'showcases',
          { title: '精选草稿', slug: unique('sd'), _status: 'draft' },
          { draft: true },
        ),
    },
    sample: async () => ({ title: '新精选', slug: unique('ns') }),
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
  ...PLUGIN_FIXTURES,
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
