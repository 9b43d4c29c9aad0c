import { registration, type Fixtures } from './fixtures'
import type { RequestSpec, Session } from './http'

/**
 * Every public write endpoint with a valid body and the JSON fields a client
 * controls in it: the place each hostile value is put, one field at a time.
 */
export interface WriteTarget {
  name: string
  method: 'POST' | 'PATCH'
  path: (f: Fixtures) => string
  as: (f: Fixtures) => Session | undefined
  /** A valid body; `n` makes addresses and names unique per case. */
  body: (f: Fixtures, n: number) => Record<string, unknown>
  /** Dotted paths of the fields a client sends (array items by index). */
  fields: string[]
  /** Text fields with their length limit (UTF-16 units as Payload counts, unless noted). */
  texts?: string[]
  /** Send as multipart with the body as Payload's `_payload` and a small PNG as `file`. */
  multipart?: boolean
  /** Whether the valid body must be accepted (false where one valid call already did it). */
  baseline?: boolean
}

const email = (f: Fixtures, n: number, tag: string) => `fuzz-${f.nonce}-${tag}${n}@fuzz.example.org`

const ACCOUNT = ['account', 'account.email', 'account.password', 'account.name', 'account.phone']

const registrationTarget = (kind: 'institution' | 'author' | 'partner', fields: string[]) =>
  ({
    name: `register ${kind}`,
    method: 'POST',
    path: () => '/api/participants/register',
    as: () => undefined,
    body: (f, n) => registration(kind, email(f, n, kind[0]!)),
    fields: ['kind', 'agreement', ...ACCOUNT, ...fields],
    texts: ['account.name', ...fields.filter((x) => /name|address|city|Source|otherMode/i.test(x))],
    baseline: true,
  }) satisfies WriteTarget

/** The draft fields a participant writes (API.md, PATCH /api/submissions/drafts). */
const ENTRY_FIELDS = [
  'title',
  'abstract',
  'theme',
  'sections',
  'sections.0.heading',
  'sections.0.body',
  'attachments',
  'attachments.0.file',
  'attachments.0.caption',
  'authors.0.name',
  'authors.0.title',
  'authors.0.affiliation',
  'province',
  'city',
  'channel',
  'recommendingUnit',
  'informationSource',
  'declarations.original',
  'declarations.truthful',
  'declarations.freeUse',
]

const ENTRY_TEXTS = [
  'title',
  'abstract',
  'sections.0.heading',
  'sections.0.body',
  'attachments.0.caption',
  'authors.0.name',
  'authors.0.title',
  'authors.0.affiliation',
  'city',
  'recommendingUnit',
  'informationSource',
]

function entryBody(f: Fixtures): Record<string, unknown> {
  return {
    title: '模糊测试作品',
    abstract: '摘要',
    sections: [{ heading: '工作目标', body: '正文' }],
    attachments: [{ file: f.ownMedia, caption: '说明' }],
    authors: [{ name: '作者', title: '主任', affiliation: '医院' }],
    province: '北京市',
    city: '北京',
    channel: 'self',
    recommendingUnit: '推荐单位',
    informationSource: '网络',
    declarations: { original: true, truthful: true, freeUse: true },
  }
}

const ORGANIZATION_FIELDS = [
  'name',
  'licenceName',
  'type',
  'province',
  'city',
  'campuses',
  'campuses.0.name',
  'campuses.0.address',
  'mediaAccounts.0.kind',
  'mediaAccounts.0.name',
  'mediaAccounts.0.url',
  'owner',
]

const organizationBody = (n: number) => ({
  name: `模糊测试机构${n}`,
  licenceName: `模糊测试机构${n}`,
  type: 'medical',
  province: '北京市',
  city: '北京',
  campuses: [{ name: '本院', address: '一号' }],
  mediaAccounts: [{ kind: 'website', name: '官网', url: 'https://example.org' }],
})

const fresh = (f: Fixtures) => f.people.fresh

export const WRITE_TARGETS: WriteTarget[] = [
  registrationTarget('institution', [
    'institution',
    'institution.name',
    'institution.licenceName',
    'institution.type',
    'institution.province',
    'institution.city',
    'institution.campuses',
    'institution.campuses.0.name',
    'institution.campuses.0.address',
    'institution.mediaAccounts',
    'institution.mediaAccounts.0.kind',
    'institution.mediaAccounts.0.name',
    'institution.mediaAccounts.0.url',
  ]),
  registrationTarget('author', [
    'author',
    'author.name',
    'author.mobile',
    'author.address',
    'author.postcode',
    'author.informationSource',
  ]),
  registrationTarget('partner', [
    'partner',
    'partner.outletName',
    'partner.address',
    'partner.email',
    'partner.contactName',
    'partner.landline',
    'partner.mobile',
    'partner.modes',
    'partner.modes.0',
    'partner.otherMode',
    'partner.embedDomains',
    'partner.embedDomains.0',
  ]),
  {
    name: 'sign a pledge',
    method: 'POST',
    path: () => '/api/participants/pledges',
    as: (f) => f.people.participant,
    body: (f) => ({ campaign: f.seedCampaign.id }),
    fields: ['campaign', 'doctor'],
    baseline: true,
  },
  {
    name: 'create a draft',
    method: 'POST',
    path: () => '/api/submissions/drafts',
    as: fresh,
    body: (f) => ({ campaign: f.campaign.id, track: 'case', ...entryBody(f) }),
    fields: ['campaign', 'track', ...ENTRY_FIELDS],
    texts: ENTRY_TEXTS,
    baseline: true,
  },
  {
    name: 'save a draft',
    method: 'PATCH',
    path: (f) => `/api/submissions/drafts/${f.draft}`,
    as: fresh,
    body: entryBody,
    fields: ENTRY_FIELDS,
    texts: ENTRY_TEXTS,
    baseline: true,
  },
  {
    name: 'create and submit',
    method: 'POST',
    path: () => '/api/submissions/entries',
    as: fresh,
    body: (f) => ({
      campaign: f.campaign.id,
      track: 'case',
      ...entryBody(f),
      sections: [
        { heading: '工作目标', body: '目标' },
        { heading: '主要举措', body: '举措' },
        { heading: '推广情况', body: '推广' },
      ],
    }),
    fields: ['campaign', 'track', ...ENTRY_FIELDS],
    baseline: true,
  },
  {
    name: 'complete a resumable upload',
    method: 'POST',
    path: () => '/api/submissions/uploads/complete',
    as: fresh,
    body: () => ({ uploadId: 'no-such-upload' }),
    fields: ['uploadId'],
  },
  {
    name: 'ask for a voting code',
    method: 'POST',
    path: () => '/api/voting/code',
    as: () => undefined,
    body: (f, n) => ({ channel: 'email', address: email(f, n, 'v') }),
    fields: ['channel', 'address'],
    baseline: true,
  },
  {
    name: 'verify a voting code',
    method: 'POST',
    path: () => '/api/voting/verify',
    as: () => undefined,
    body: (f) => ({ address: email(f, 0, 'voter'), code: '000000' }),
    fields: ['address', 'code'],
  },
  {
    name: 'cast a vote',
    method: 'POST',
    path: () => '/api/voting/votes',
    as: (f) => (f.voter ? { voter: f.voter } : undefined),
    body: (f, n) => ({ entry: f.publicEntry.id, idempotencyKey: `fuzz-${f.nonce}-${n}` }),
    fields: ['entry', 'idempotencyKey'],
  },
  {
    name: 'sign in',
    method: 'POST',
    path: () => '/api/users/login',
    as: () => undefined,
    body: (f) => ({ email: f.people.fresh.email, password: 'fuzz-pass-123456' }),
    fields: ['email', 'password'],
    baseline: true,
  },
  {
    name: 'REST create an entry',
    method: 'POST',
    path: () => '/api/entries',
    as: fresh,
    body: (f) => ({ campaign: f.campaign.id, track: 'case', ...entryBody(f) }),
    fields: ['campaign', 'track', ...ENTRY_FIELDS],
    texts: ENTRY_TEXTS,
    baseline: true,
  },
  {
    name: 'REST update an entry',
    method: 'PATCH',
    path: (f) => `/api/entries/${f.draft}`,
    as: fresh,
    body: entryBody,
    fields: ENTRY_FIELDS,
    texts: ENTRY_TEXTS,
    baseline: true,
  },
  {
    // Institutions come from registration; over REST only the committee creates one (a
    // partner's create is refused by the access table, tests/int/hostile.int.spec.ts).
    name: 'REST create an organization',
    method: 'POST',
    path: () => '/api/organizations',
    as: (f) => f.editor,
    body: (_f, n) => organizationBody(n),
    fields: ORGANIZATION_FIELDS,
    texts: ['name', 'licenceName', 'city', 'campuses.0.name', 'campuses.0.address'],
    baseline: true,
  },
  {
    name: 'REST update an organization',
    method: 'PATCH',
    path: (f) => `/api/organizations/${f.people.institution.organization}`,
    as: (f) => f.people.institution,
    body: (f) => {
      const name = `模糊测试医院${f.people.institution.email.slice(0, 12)}`
      return { ...organizationBody(0), name, licenceName: name }
    },
    // `owner` is editor-only on update: Payload drops it from the owner's write, by design.
    fields: ORGANIZATION_FIELDS.filter((x) => x !== 'owner'),
    texts: ['city', 'campuses.0.name', 'campuses.0.address'],
    baseline: true,
  },
  {
    name: 'REST create a media file',
    method: 'POST',
    path: () => '/api/media',
    as: fresh,
    body: () => ({ alt: '替代文字', caption: '说明' }),
    fields: ['alt', 'caption', 'owner'],
    multipart: true,
    baseline: true,
  },
  {
    name: 'REST update a media file',
    method: 'PATCH',
    path: (f) => `/api/media/${f.ownMedia}`,
    as: fresh,
    body: () => ({ alt: '替代文字', caption: '说明' }),
    fields: ['alt', 'caption', 'owner'],
    texts: ['alt', 'caption'],
    baseline: true,
  },
]

/** Sets `value` at a dotted path, creating objects and arrays on the way. */
export function setAt(body: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let at: Record<string, unknown> = body
  keys.slice(0, -1).forEach((key, i) => {
    if (at[key] === undefined || typeof at[key] !== 'object' || at[key] === null) {
      at[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {}
    }
    at = at[key] as Record<string, unknown>
  })
  at[keys[keys.length - 1]!] = value
  return body
}

export function getAt(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as never)[key] : undefined),
      body,
    )
}

/** The request that sends `body` to `target`. */
export async function writeRequest(
  target: WriteTarget,
  f: Fixtures,
  body: Record<string, unknown> | string,
  png: Buffer,
): Promise<RequestSpec> {
  const base = { method: target.method, path: target.path(f), as: target.as(f) }
  if (target.multipart) {
    const form = new FormData()
    form.set('_payload', typeof body === 'string' ? body : JSON.stringify(body))
    form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'fuzz.png')
    return { ...base, form }
  }
  return typeof body === 'string' ? { ...base, raw: body } : { ...base, json: body }
}
