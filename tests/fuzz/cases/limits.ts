import { countChars, TITLE_MAX_LENGTH } from '@exemplar/plugin-submissions/rules'

import { registration, type Fixtures } from '../fixtures'
import { jsonOf, type RequestSpec } from '../http'
import type { CaseRun, FuzzCase } from '../types'
import { UNICODE_FLAVOURS, type Flavour } from '../values'
import { next } from './writes'

/**
 * Every length limit a participant meets, filled with text that counts
 * oddly, exactly at the limit (accepted) and one unit over (refused). Units
 * are what the server counts: UTF-16 code units where Payload's `maxLength`
 * or a `.length` decides, `countChars` (the rule module) for track limits.
 */

/** `flavour` repeated with CJK filler until `measure` is exactly `limit`. */
export function textAt(flavour: string, limit: number, measure: (s: string) => number): string {
  let text = ''
  while (measure(text) < limit) {
    const longer = text + flavour + '医'
    text = measure(longer) <= limit ? longer : text + '医'
  }
  if (measure(text) !== limit) {
    throw new Error(`cannot fill ${JSON.stringify(flavour)} to exactly ${limit}`)
  }
  return text
}

const utf16 = (s: string) => s.length
const FLAVOURS = Object.keys(UNICODE_FLAVOURS) as Flavour[]

interface Limit {
  name: string
  limit: number
  measure: (s: string) => number
  /** The request carrying `text`; may prepare what it needs first. */
  request: (f: Fixtures, text: string, run: CaseRun) => Promise<RequestSpec> | RequestSpec
}

/** A complete draft in the run's campaign, made now, so its submit is judged on one field. */
async function submitWith(
  f: Fixtures,
  run: CaseRun,
  track: 'case' | 'photo',
  content: Record<string, unknown>,
): Promise<RequestSpec> {
  const made = await run.send({
    method: 'POST',
    path: '/api/submissions/drafts',
    as: f.people.fresh,
    json: {
      campaign: f.campaign.id,
      track,
      title: '长度测试',
      sections: [{ heading: '正文', body: '正文内容' }],
      declarations: { original: true, truthful: true, freeUse: true },
      channel: 'self',
      ...content,
    },
  })
  const id = jsonOf(made)?.entry?.id ?? 'missing'
  return { method: 'POST', path: `/api/submissions/entries/${id}/submit`, as: f.people.fresh }
}

function register(kind: 'author' | 'partner', f: Fixtures, set: (body: never) => void) {
  const body = registration(kind, `fuzz-${f.nonce}-len${next()}@fuzz.example.org`)
  set(body as never)
  return { method: 'POST', path: '/api/participants/register', json: body }
}

const LIMITS: Limit[] = [
  {
    name: 'title (save a draft)',
    limit: TITLE_MAX_LENGTH,
    measure: utf16,
    request: (f, text) => ({
      method: 'PATCH',
      path: `/api/submissions/drafts/${f.draft}`,
      json: { title: text },
      as: f.people.fresh,
    }),
  },
  {
    name: 'title (REST update an entry)',
    limit: TITLE_MAX_LENGTH,
    measure: utf16,
    request: (f, text) => ({
      method: 'PATCH',
      path: `/api/entries/${f.draft}`,
      json: { title: text },
      as: f.people.fresh,
    }),
  },
  {
    name: 'title (create a draft)',
    limit: TITLE_MAX_LENGTH,
    measure: utf16,
    request: (f, text) => ({
      method: 'POST',
      path: '/api/submissions/drafts',
      json: { campaign: f.campaign.id, track: 'case', title: text },
      as: f.people.fresh,
    }),
  },
  {
    name: 'body (submit, bodyMaxChars 2000)',
    limit: 2000,
    measure: countChars,
    request: (f, text, run) =>
      submitWith(f, run, 'case', { sections: [{ heading: '正文', body: text }] }),
  },
  {
    name: 'caption (submit, captionMaxChars 150)',
    limit: 150,
    measure: countChars,
    request: (f, text, run) =>
      submitWith(f, run, 'photo', { attachments: [{ file: f.ownMedia, caption: text }] }),
  },
  {
    name: 'password (register, at most 128)',
    limit: 128,
    measure: utf16,
    request: (f, text) =>
      register('author', f, (b: { account: { password: string } }) => {
        b.account.password = text
      }),
  },
  {
    name: 'author name (register, maxLength 50)',
    limit: 50,
    measure: utf16,
    request: (f, text) =>
      register('author', f, (b: { author: { name: string } }) => {
        b.author.name = text
      }),
  },
  {
    name: 'partner address (register, maxLength 200)',
    limit: 200,
    measure: utf16,
    request: (f, text) =>
      register('partner', f, (b: { partner: { address: string } }) => {
        b.partner.address = text
      }),
  },
]

export function limitCases(f: Fixtures): FuzzCase[] {
  const cases: FuzzCase[] = []
  for (const limit of LIMITS) {
    for (const flavour of FLAVOURS) {
      const at = textAt(UNICODE_FLAVOURS[flavour], limit.limit, limit.measure)
      for (const [expect, text, where] of [
        ['accept', at, 'exactly at'],
        ['refuse', `${at}医`, 'one over'],
      ] as const) {
        cases.push({
          name: `${limit.name}: ${flavour} text ${where} ${limit.limit}`,
          category: 'length-limit',
          expect,
          request: (run) => limit.request(f, text, run),
        })
      }
    }
  }
  // The lower end of the password: zero-width characters count as the server counts them.
  for (const [expect, length] of [
    ['accept', 8],
    ['refuse', 7],
  ] as const) {
    cases.push({
      name: `password (register, at least 8): ${length} emoji-padded units`,
      category: 'length-limit',
      expect,
      request: () =>
        register('author', f, (b: { account: { password: string } }) => {
          b.account.password = textAt(UNICODE_FLAVOURS.emoji, length, utf16)
        }),
    })
  }
  return cases
}
