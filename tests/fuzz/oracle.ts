import type { Fixtures, Person, Who } from './fixtures'
import { exchange, jsonOf } from './http'

/**
 * What a user may see, written from the access rules of the README and the
 * plugins' API.md (not from the code under test), and decided per document
 * against the truth as the admin reads it.
 */

export const PUBLIC_ENTRY_STATES = new Set([
  'accepted',
  'voting',
  'review',
  'shortlisted',
  'publicity',
  'awarded',
])

/** The most documents one public answer may hold (the issue: REST `limit` capped, e.g. 100). */
export const MAX_DOCS = 100

type Doc = Record<string, unknown>

/** Secrets that no answer to anyone carries. */
const NEVER = ['hash', 'salt', 'resetPasswordToken', 'apiKey', 'apiKeyIndex', 'sessions']

/** Relationship fields per collection, so populated documents are judged by their own rule. */
const RELATIONS: Record<string, Record<string, string>> = {
  entries: {
    campaign: 'campaigns',
    organization: 'organizations',
    submittedBy: 'users',
    reviewers: 'users',
    'attachments.file': 'media',
  },
  organizations: { owner: 'users' },
  media: { owner: 'users' },
  users: { organization: 'organizations' },
  'doctor-profiles': { organization: 'organizations', owner: 'users', recommendationForm: 'media' },
  pledges: { organization: 'organizations', doctor: 'doctor-profiles', campaign: 'campaigns' },
  'media-partners': { owner: 'users' },
  'author-profiles': { owner: 'users' },
}

/**
 * Whether a field carries anything: Payload leaves a field the reader may not
 * see as `[]` (arrays) or a group of nulls on some adapters, which shows nothing.
 */
const shows = (v: unknown): boolean => {
  if (v === undefined || v === null || v === '') {
    return false
  }
  if (Array.isArray(v)) {
    return v.length > 0
  }
  return typeof v === 'object' ? Object.values(v as Doc).some(shows) : true
}

/** The first of `keys` that `doc` shows a value for. */
const shown = (doc: Doc, keys: string[]) => keys.find((k) => shows(doc[k]))

const idOf = (v: unknown): string | undefined =>
  v && typeof v === 'object'
    ? idOf((v as Doc).id)
    : v === undefined || v === null
      ? undefined
      : String(v)

/** The admin's view of every document a rule needs, fetched on first use and kept. */
export class Truth {
  private readonly docs = new Map<string, Doc | null>()

  constructor(private readonly fixtures: Fixtures) {}

  /** Forgets what was read, after cases that may have changed documents. */
  reset(): void {
    this.docs.clear()
  }

  async preload(collection: string, where = ''): Promise<void> {
    for (let page = 1; page < 100; page++) {
      const answer = await exchange(
        {
          path: `/api/${collection}?depth=0&limit=100&page=${page}${where}`,
          as: this.fixtures.admin,
        },
        this.fixtures.endpoints,
      )
      const body = jsonOf(answer)
      for (const doc of body?.docs ?? []) {
        this.docs.set(`${collection}:${doc.id}`, doc)
      }
      if (!body?.hasNextPage) {
        return
      }
    }
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    const key = `${collection}:${id}`
    if (!this.docs.has(key)) {
      const answer = await exchange(
        { path: `/api/${collection}/${encodeURIComponent(id)}?depth=0`, as: this.fixtures.admin },
        this.fixtures.endpoints,
      )
      this.docs.set(key, answer.status === 200 ? (jsonOf(answer) as Doc) : null)
    }
    return this.docs.get(key) ?? null
  }
}

export function personOf(fixtures: Fixtures, who: Who): Person | undefined {
  return who === 'anonymous' ? undefined : fixtures.people[who]
}

interface Viewer {
  id?: string
  role?: string
}

/** Why `viewer` may not see `doc` of `collection` (or a field of it), or undefined. */
async function refusal(
  truth: Truth,
  collection: string,
  doc: Doc,
  viewer: Viewer,
): Promise<string | undefined> {
  const id = idOf(doc.id)
  const secret = shown(doc, NEVER)
  if (secret) {
    return `${collection}/${id} carries "${secret}"`
  }
  const real = id === undefined ? null : await truth.get(collection, id)
  const owns = (field: string) =>
    viewer.id !== undefined && real !== null && idOf(real[field]) === viewer.id
  switch (collection) {
    case 'entries': {
      if (!real) {
        return undefined
      }
      const own = viewer.role === 'participant' && owns('submittedBy')
      if (!own && !PUBLIC_ENTRY_STATES.has(String(real.status))) {
        return `entry ${id} in state "${real.status}" is not on display and not the viewer's`
      }
      const hidden = shown(doc, ['reviewers', 'screeningFlags', 'reviewScore'])
      if (hidden) {
        return `entry ${id} shows editor-only "${hidden}"`
      }
      if (!own && shown(doc, ['submittedBy', 'history'])) {
        return `entry ${id} shows its submitter or history to someone else`
      }
      const campaign = await truth.get('campaigns', idOf(real.campaign) ?? '')
      const voting = (campaign?.voting ?? {}) as Doc
      const display = voting.display ?? 'exact'
      const roundTo = Number(voting.roundTo) || 10
      const count = doc.voteCount
      const exactShown =
        shows(count) &&
        (display === 'delayed' || (display === 'rounded' && Number(count) % roundTo !== 0))
      if (exactShown) {
        return `entry ${id} shows its exact voteCount ${count} though its campaign shows counts "${display}"`
      }
      return undefined
    }
    case 'organizations':
      return real && real.verification !== 'verified' && !owns('owner')
        ? `organization ${id} (${real.verification}) is not verified and not the viewer's`
        : undefined
    case 'users':
      return id !== viewer.id ? `user ${id} is not the viewer` : undefined
    case 'media': {
      if (!real || owns('owner')) {
        return undefined
      }
      if (real.confidential === true) {
        return `confidential media ${id} of another user`
      }
      return real.submissionUpload === true && real.onPublicDisplay !== true
        ? `media ${id} is a private upload of another user`
        : undefined
    }
    case 'doctor-profiles': {
      if (!real || owns('owner')) {
        return undefined
      }
      if (real.verification !== 'verified') {
        return `doctor profile ${id} (${real.verification}) of another account`
      }
      const hidden = shown(doc, [
        'mobile',
        'practiceCertificateCode',
        'qualificationCertificateCode',
        'recommendationForm',
        'verificationNote',
        'owner',
      ])
      return hidden ? `doctor profile ${id} shows owner-only "${hidden}"` : undefined
    }
    case 'media-partners':
    case 'author-profiles':
      return real && !owns('owner') ? `${collection}/${id} belongs to another account` : undefined
    case 'payload-preferences':
      return real && idOf((real.user as Doc | undefined)?.value ?? real.user) !== viewer.id
        ? `preferences ${id} of another user`
        : undefined
    case 'campaigns':
    case 'posts':
      return real && real._status !== 'published' ? `${collection}/${id} is a draft` : undefined
    case 'voters':
    case 'votes':
    case 'vote-codes':
    case 'vote-audits':
    case 'payload-locked-documents':
      return `${collection}/${id} is for editors only`
    default:
      return undefined
  }
}

async function walk(
  truth: Truth,
  collection: string,
  doc: Doc,
  viewer: Viewer,
  seen: Set<Doc>,
): Promise<string | undefined> {
  if (seen.has(doc)) {
    return undefined
  }
  seen.add(doc)
  const own = await refusal(truth, collection, doc, viewer)
  if (own) {
    return own
  }
  for (const [path, related] of Object.entries(RELATIONS[collection] ?? {})) {
    const [head, tail] = path.split('.') as [string, string | undefined]
    const values = ([] as unknown[]).concat(doc[head] ?? [])
    const targets = tail ? values.map((v) => (v as Doc | null)?.[tail]) : values
    for (const target of targets.flat()) {
      if (target && typeof target === 'object') {
        const found = await walk(truth, related, target as Doc, viewer, seen)
        if (found) {
          return found
        }
      }
    }
  }
  return undefined
}

/**
 * Why a read answer shows `viewer` something it may not see, or undefined.
 * `collection` is the slug the request read; versions are judged by their
 * `version._status` and their parent.
 */
export async function leakIn(
  truth: Truth,
  collection: string,
  body: unknown,
  viewer: Viewer,
): Promise<string | undefined> {
  if (!body || typeof body !== 'object') {
    return undefined
  }
  const top = body as Doc
  const docs: Doc[] = Array.isArray(top.docs) ? (top.docs as Doc[]) : 'id' in top ? [top] : []
  if (docs.length > MAX_DOCS) {
    return `${docs.length} documents in one answer (limit not capped at ${MAX_DOCS})`
  }
  const versions = collection.endsWith('/versions')
  const seen = new Set<Doc>()
  for (const doc of docs) {
    if (versions) {
      const version = doc.version as Doc | undefined
      if (version && version._status !== 'published') {
        return `a "${version._status}" version (${idOf(doc.id)}) of ${collection.replace('/versions', '')}/${idOf(doc.parent) ?? '?'}`
      }
      continue
    }
    const found = await walk(truth, collection, doc, viewer, seen)
    if (found) {
      return found
    }
  }
  return undefined
}

export function viewerOf(fixtures: Fixtures, who: Who): Viewer {
  const person = personOf(fixtures, who)
  return person ? { id: person.id, role: person.role } : {}
}
