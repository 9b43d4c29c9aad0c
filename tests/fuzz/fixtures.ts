import fs from 'node:fs'
import path from 'node:path'

import {
  exchange,
  jsonOf,
  type Answer,
  type Endpoints,
  type RequestSpec,
  type Session,
} from './http'

/** The demo accounts (README), signed in once per run. */
export const DEMO = {
  admin: { email: 'admin@example.org', password: 'exemplar-admin' },
  editor: { email: 'editor@example.org', password: 'exemplar-editor' },
  participant: { email: 'participant@example.org', password: 'exemplar-participant' },
  partner: { email: 'partner@example.org', password: 'exemplar-partner' },
} as const

/** Ids as the API gives them (numbers on SQLite): a numeric string is not taken everywhere. */
export type Id = string | number

export interface Person extends Session {
  id: string
  email: string
  role: string
  organization?: string
}

export type Who = 'anonymous' | 'participant' | 'partner' | 'fresh' | 'institution'

/** Everything the cases need that exists before them: people, a campaign, drafts, files. */
export interface Fixtures {
  endpoints: Endpoints
  nonce: string
  dataDir?: string
  admin: Person
  editor: Person
  people: Record<Exclude<Who, 'anonymous'>, Person>
  /** A campaign made for the run: open for submission and voting, counts shown rounded. */
  campaign: { id: Id; slug: string }
  /** An open seed campaign with its text-image track. */
  seedCampaign: { id: Id; slug: string; track: string }
  /** The fresh participant's draft in the run's campaign. */
  draft: Id
  /** The demo participant's own draft (someone else's for the fresh one). */
  foreignDraft: Id
  /** A media document of the demo participant's (someone else's upload). */
  foreignMedia?: Id
  /** An entry on public display in the run's campaign. */
  publicEntry: { id: Id; number: string }
  /** A small PNG the fresh participant uploaded to the run's campaign. */
  ownMedia: Id
  /** A voter token from the real code flow (when the stack's outbox can be read). */
  voter?: string
}

const PASSWORD = 'fuzz-pass-123456'

async function must(spec: RequestSpec, endpoints: Endpoints, what: string): Promise<Answer> {
  const answer = await exchange(spec, endpoints)
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`fuzz fixtures: ${what}: ${answer.status} ${answer.text.slice(0, 300)}`)
  }
  return answer
}

export async function signIn(
  endpoints: Endpoints,
  email: string,
  password: string,
): Promise<Person> {
  const login = await must(
    { method: 'POST', path: '/api/users/login', json: { email, password } },
    endpoints,
    `sign in ${email}`,
  )
  const { token, user } = jsonOf(login)
  const org = user.organization
  return {
    token,
    id: String(user.id),
    email,
    role: user.role,
    organization: org ? String(typeof org === 'object' ? org.id : org) : undefined,
  }
}

/** The body `/api/participants/register` accepts for each kind, with a fresh address. */
export function registration(kind: 'institution' | 'author' | 'partner', email: string) {
  const account = { email, password: PASSWORD, name: '测试用户', phone: '13800138000' }
  if (kind === 'institution') {
    return {
      kind,
      agreement: true,
      account,
      institution: {
        name: `模糊测试医院${email.slice(0, 12)}`,
        licenceName: `模糊测试医院${email.slice(0, 12)}`,
        type: 'medical',
        province: '北京市',
        city: '北京',
        campuses: [{ name: '本院', address: '东城区一号' }],
        mediaAccounts: [{ kind: 'website', name: '官网', url: 'https://example.org' }],
      },
    }
  }
  if (kind === 'author') {
    return {
      kind,
      agreement: true,
      account,
      author: {
        name: '测试作者',
        mobile: '13900139000',
        address: '北京市东城区一号',
        postcode: '100010',
        informationSource: '网络',
      },
    }
  }
  return {
    kind,
    agreement: true,
    account,
    partner: {
      outletName: '模糊测试报社',
      address: '北京市东城区二号',
      email: `desk-${email}`,
      contactName: '联系人',
      landline: '010-12345678',
      mobile: '13700137000',
      modes: ['website'],
      otherMode: '',
      embedDomains: ['news.example.org'],
    },
  }
}

/**
 * Registers, then has the admin open the account (as the mailed confirmation
 * link would: the run may not read the stack's outbox) and signs in.
 */
async function register(
  endpoints: Endpoints,
  kind: 'institution' | 'author',
  email: string,
  admin: Person,
): Promise<Person> {
  await must(
    { method: 'POST', path: '/api/participants/register', json: registration(kind, email) },
    endpoints,
    `register ${kind}`,
  )
  const found = jsonOf(
    await must(
      {
        path: `/api/users?where[email][equals]=${encodeURIComponent(email)}&depth=0`,
        as: admin,
      },
      endpoints,
      `find ${email}`,
    ),
  )
  await must(
    {
      method: 'PATCH',
      path: `/api/users/${found.docs[0].id}`,
      json: { awaitingConfirmation: false },
      as: admin,
    },
    endpoints,
    `confirm ${email}`,
  )
  return signIn(endpoints, email, PASSWORD)
}

const day = 86_400_000

/** The run's own 作品编号前缀 (unique per campaign, 2–4 capitals): F and three letters from its slug. */
function entryPrefixOf(slug: string): string {
  let hash = 0
  for (const char of slug) {
    hash = (hash * 31 + char.charCodeAt(0)) % 17_576
  }
  const letter = (n: number) => String.fromCharCode(65 + (n % 26))
  return `F${letter(hash)}${letter(Math.floor(hash / 26))}${letter(Math.floor(hash / 676))}`
}

/** A campaign of the run's own: tracks for text, photos and documents, every phase open now. */
function campaignData(slug: string) {
  const now = Date.now()
  const open = {
    startsAt: new Date(now - day).toISOString(),
    endsAt: new Date(now + day).toISOString(),
  }
  return {
    title: `模糊测试活动 ${slug}`,
    slug,
    entryPrefix: entryPrefixOf(slug),
    year: new Date().getFullYear(),
    _status: 'published',
    tracks: [
      {
        key: 'case',
        name: '图文案例',
        kind: 'text-image',
        requirements: {
          bodyMaxChars: 2000,
          maxImages: 5,
          allowedFileKinds: ['image', 'docx', 'pdf'],
        },
      },
      {
        key: 'photo',
        name: '摄影',
        kind: 'photo',
        requirements: { captionMaxChars: 150, allowedFileKinds: ['image'] },
      },
    ],
    phases: [
      { kind: 'submission', ...open },
      { kind: 'display', ...open },
      { kind: 'voting', ...open },
    ],
    voting: { perEntryPerDay: 1, dailyCap: 0, display: 'rounded', roundTo: 10 },
  }
}

export async function smallPngBytes(): Promise<Buffer> {
  const sharp = (await import('sharp')).default
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer()
}

export async function uploadForm(
  file: Buffer,
  name: string,
  fields: Record<string, string>,
  type = 'application/octet-stream',
): Promise<FormData> {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) {
    form.set(k, v)
  }
  form.set('file', new Blob([new Uint8Array(file)], { type }), name)
  return form
}

/** Signs everyone in, makes the run's campaign, people, drafts and files. */
export async function prepare(
  endpoints: Endpoints,
  { nonce, dataDir }: { nonce: string; dataDir?: string },
): Promise<Fixtures> {
  const admin = await signIn(endpoints, DEMO.admin.email, DEMO.admin.password)
  const editor = await signIn(endpoints, DEMO.editor.email, DEMO.editor.password)
  const participant = await signIn(endpoints, DEMO.participant.email, DEMO.participant.password)
  const partner = await signIn(endpoints, DEMO.partner.email, DEMO.partner.password)
  const fresh = await register(endpoints, 'author', `fuzz-${nonce}-a@fuzz.example.org`, admin)
  const institution = await register(
    endpoints,
    'institution',
    `fuzz-${nonce}-i@fuzz.example.org`,
    admin,
  )

  const slug = `fuzz-${nonce}`
  const created = await must(
    { method: 'POST', path: '/api/campaigns', json: campaignData(slug), as: editor },
    endpoints,
    'create the run campaign',
  )
  const campaign = { id: jsonOf(created).doc.id as Id, slug }

  const seedList = jsonOf(
    await must(
      { path: '/api/campaigns?where[slug][like]=yizhe-xianxing-2&limit=10&depth=0' },
      endpoints,
      'find the open seed campaign',
    ),
  )
  const seedDoc = seedList.docs
    .filter((d: { slug: string }) => d.slug !== 'yizhe-xianxing-2022')
    .sort((a: { year: number }, b: { year: number }) => b.year - a.year)[0]
  const seedCampaign = { id: seedDoc.id as Id, slug: seedDoc.slug as string, track: 'case' }

  const draftOf = async (who: Person, title: string): Promise<Id> =>
    jsonOf(
      await must(
        {
          method: 'POST',
          path: '/api/submissions/drafts',
          json: { campaign: campaign.id, track: 'case', title },
          as: who,
        },
        endpoints,
        `draft for ${who.email}`,
      ),
    ).entry.id
  const draft = await draftOf(fresh, '模糊测试草稿')
  const foreignDraft = await draftOf(participant, '他人的草稿')

  const png = await smallPngBytes()
  const uploaded = async (who: Person): Promise<Id> =>
    jsonOf(
      await must(
        {
          method: 'POST',
          path: '/api/submissions/uploads',
          form: await uploadForm(
            png,
            'photo.png',
            { campaign: String(campaign.id), track: 'case' },
            'image/png',
          ),
          as: who,
        },
        endpoints,
        `upload for ${who.email}`,
      ),
    ).file.id
  const ownMedia = await uploaded(fresh)
  const foreignMedia = await uploaded(participant)

  // An entry on display, so votes and public reads have a target: submitted through the form,
  // then screened and accepted by an editor through the workflow, its tally and score set by hand.
  const submitted = jsonOf(
    await must(
      {
        method: 'POST',
        path: '/api/submissions/entries',
        json: {
          campaign: campaign.id,
          track: 'case',
          title: '公开展示的作品',
          abstract: '本案例介绍社区慢病管理的做法。',
          sections: [{ heading: '主要举措', body: '组织义诊与科普讲座，建设线上随访平台。' }],
          declarations: { original: true, truthful: true, freeUse: true },
          channel: 'self',
        },
        as: participant,
      },
      endpoints,
      'submit an entry',
    ),
  ).entry.id as Id
  for (const action of ['startScreening', 'accept']) {
    await must(
      {
        method: 'POST',
        path: `/api/workflow/entries/${submitted}/transitions`,
        json: { action },
        as: editor,
      },
      endpoints,
      `${action} the entry`,
    )
  }
  const accepted = await must(
    {
      method: 'PATCH',
      path: `/api/entries/${submitted}`,
      json: { voteCount: 17, reviewScore: { average: 88, reviews: 3 } },
      as: editor,
    },
    endpoints,
    'put an entry on display',
  )
  const acceptedDoc = jsonOf(accepted).doc
  return {
    endpoints,
    nonce,
    dataDir,
    admin,
    editor,
    people: { participant, partner, fresh, institution },
    campaign,
    seedCampaign,
    draft,
    foreignDraft,
    foreignMedia,
    publicEntry: { id: acceptedDoc.id as Id, number: String(acceptedDoc.number) },
    ownMedia,
  }
}

/** The newest one-time voting code sent to `address`, read from the stack's outbox. */
export function codeFromOutbox(dataDir: string | undefined, address: string): string | undefined {
  if (!dataDir) {
    return undefined
  }
  const outbox = path.join(dataDir, 'outbox')
  if (!fs.existsSync(outbox)) {
    return undefined
  }
  const files = fs
    .readdirSync(outbox)
    .map((name) => path.join(outbox, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)
  for (const file of files.slice(0, 50)) {
    const text = fs.readFileSync(file, 'utf8')
    if (text.includes(address)) {
      const code = /\b(\d{6})\b/.exec(text.replace(/=\r?\n/g, ''))
      if (code) {
        return code[1]
      }
    }
  }
  return undefined
}
