import fc from 'fast-check'

import type { Fixtures, Who } from '../fixtures'
import { jsonOf, type Answer } from '../http'
import { leakIn, personOf, viewerOf, type Truth } from '../oracle'
import type { FuzzCase } from '../types'
import { INVALID_UTF8, percent, POLLUTION_QUERIES } from '../values'
import type { Probes } from './probes'

/** Every collection the REST API serves, Payload's own included, and the versions of the drafts. */
export const READ_COLLECTIONS = [
  'entries',
  'organizations',
  'users',
  'media',
  'doctor-profiles',
  'media-partners',
  'author-profiles',
  'pledges',
  'voters',
  'votes',
  'vote-codes',
  'vote-audits',
  'payload-locked-documents',
  'payload-preferences',
  'campaigns',
  'posts',
  'themes',
  'campaigns/versions',
  'posts/versions',
]

const VIEWERS: Who[] = ['anonymous', 'fresh', 'participant']

/** Query strings a hostile reader tries (the list first). */
const CORPUS_QUERIES = [
  '',
  'where[submittedBy][exists]=true',
  'where[or][0][status][equals]=draft',
  'where[or][0][status][equals]=draft&where[or][1][status][not_equals]=draft',
  'where[status][in]=draft,submitted,screening',
  'where[and][0][or][0][_status][equals]=draft',
  `${'where'}${'[or][0]'.repeat(60)}[status][equals]=draft`,
  `${'where'}${'[and][0]'.repeat(300)}[id][exists]=true`,
  'depth=1000',
  'depth=1000&limit=100',
  'limit=0',
  'limit=1e9',
  'limit=-1',
  'page=-1&limit=5',
  'limit=0&depth=10',
  'pagination=false',
  'select[voteCount]=true&select[reviewScore]=true',
  'select[submittedBy]=true&select[history]=true&select[reviewers]=true',
  'select[email]=true&select[sessions]=true&select[hash]=true',
  'sort=submittedBy',
  'sort=-reviewScore.average',
  'sort=hash',
  'draft=true',
  'where[_status][equals]=draft&draft=true',
  'where[verification][equals]=pending',
  'where[confidential][equals]=true',
  'where[submissionUpload][equals]=true',
  'where[owner][exists]=true',
  'where[email][like]=@',
  'where[hash][exists]=true',
  'where[role][equals]=admin',
  'where[id][not_equals]=0&limit=100&depth=3',
  'where[addressHash][exists]=true',
  'populate[users][email]=true&depth=2',
  'joins[x][limit]=1000',
  'locale=*&fallback-locale=none',
]

const FIELDS = [
  'id',
  'status',
  '_status',
  'submittedBy',
  'owner',
  'verification',
  'confidential',
  'email',
  'role',
  'reviewScore.average',
  'voteCount',
  'hash',
  'campaign',
  'title',
  'sessions',
]
const OPS = ['equals', 'not_equals', 'in', 'not_in', 'exists', 'like', 'contains', 'greater_than']
const VALUES = ['draft', 'pending', 'true', 'admin', '0', '%', '', 'null', 'submitted']

type Node =
  { kind: 'leaf'; field: string; op: string; value: string } | { kind: 'and' | 'or'; kids: Node[] }

/** Random `where` trees over visible and hidden fields, as qs would read them. */
const whereTree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('leaf' as const),
      field: fc.constantFrom(...FIELDS),
      op: fc.constantFrom(...OPS),
      value: fc.constantFrom(...VALUES),
    }),
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      kids: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).node

function toQuery(node: Node, prefix = 'where'): string[] {
  if (node.kind === 'leaf') {
    return [`${prefix}[${node.field}][${node.op}]=${encodeURIComponent(node.value)}`]
  }
  return node.kids.flatMap((kid, i) => toQuery(kid, `${prefix}[${node.kind}][${i}]`))
}

const readOptions = fc.record({
  depth: fc.constantFrom(undefined, 0, 1, 2, 5, 100),
  limit: fc.constantFrom(undefined, 1, 10, 100, 0, 1000),
  sort: fc.constantFrom(undefined, 'createdAt', '-submittedBy', 'reviewScore.average', 'hash'),
})

function readCase(
  f: Fixtures,
  truth: Truth,
  collection: string,
  who: Who,
  query: string,
  name: string,
  extra?: FuzzCase['check'],
): FuzzCase {
  return {
    name,
    category: 'where-injection',
    expect: 'no-leak',
    request: { path: `/api/${collection}?${query}`, as: personOf(f, who) },
    check: async (answer, run) =>
      (await leakIn(truth, collection, jsonOf(answer), viewerOf(f, who))) ??
      (extra ? await extra(answer, run) : undefined),
  }
}

const idsOf = (a: Answer) =>
  ((jsonOf(a)?.docs ?? []) as { id: unknown }[]).map((d) => String(d.id)).join(',')

/**
 * A hidden field must not steer an answer: filtering or sorting on it gives
 * the same documents, in the same order, as not using it (or a refusal).
 */
function sideChannelCases(f: Fixtures): FuzzCase[] {
  const base = `/api/entries?depth=0&limit=100&where[campaign][equals]=${f.campaign.id}`
  const pairs: [string, string, string][] = [
    ['filter on submittedBy', `${base}&where[submittedBy][exists]=true`, base],
    ['filter on reviewScore', `${base}&where[reviewScore.average][greater_than]=50`, base],
    ['filter on voteCount (rounded campaign)', `${base}&where[voteCount][greater_than]=15`, base],
    [
      'sort on reviewScore',
      `${base}&sort=reviewScore.average`,
      `${base}&sort=-reviewScore.average`,
    ],
  ]
  return VIEWERS.filter((w) => w !== 'participant').flatMap((who) =>
    pairs.map(([what, probe, reference]) => ({
      name: `${who} reads entries: ${what} changes nothing`,
      category: 'where-injection' as const,
      expect: 'no-leak' as const,
      request: { path: probe, as: personOf(f, who) },
      check: async (answer, run) => {
        if (answer.status !== 200) {
          return undefined
        }
        const plain = await run.send({ path: reference, as: personOf(f, who) })
        return plain.status === 200 && idsOf(plain) !== idsOf(answer)
          ? `the hidden field decided the answer: [${idsOf(answer)}] vs [${idsOf(plain)}]`
          : undefined
      },
    })),
  )
}

/** Single documents and GraphQL: someone else's draft, upload and account. */
function directCases(f: Fixtures, truth: Truth): FuzzCase[] {
  const paths = [
    ['entries', f.foreignDraft],
    ['media', f.foreignMedia ?? '0'],
    ['users', f.admin.id],
    ['users', f.people.participant.id],
  ] as const
  const cases: FuzzCase[] = paths.flatMap(([collection, id]) =>
    (['anonymous', 'fresh'] as Who[]).map((who) =>
      readCase(f, truth, collection, who, 'depth=2', `${who} reads ${collection}/${id}`),
    ),
  )
  const graphql = [
    '{ Entries(where: { status: { equals: draft } }, limit: 100) { docs { id title status } } }',
    '{ Users(limit: 100) { docs { id email role } } }',
    '{ Entries(limit: 5) { docs { id voteCount reviewScore { average } } } }',
    '{ Organizations(where: { verification: { equals: pending } }) { docs { id name } } }',
  ]
  for (const query of graphql) {
    for (const who of ['anonymous', 'fresh'] as Who[]) {
      cases.push({
        name: `${who} GraphQL ${query.slice(2, 50)}`,
        category: 'where-injection',
        expect: 'no-leak',
        request: { method: 'POST', path: '/api/graphql', json: { query }, as: personOf(f, who) },
        check: async (answer) => {
          const data = jsonOf(answer)?.data ?? {}
          for (const [key, value] of Object.entries(data)) {
            const collection =
              key === 'Entries' ? 'entries' : key === 'Users' ? 'users' : 'organizations'
            const leak = await leakIn(truth, collection, value, viewerOf(f, who))
            if (leak) {
              return leak
            }
          }
          return undefined
        },
      })
    }
  }
  return cases
}

function malformedCases(f: Fixtures): FuzzCase[] {
  const cases: FuzzCase[] = []
  for (const bad of INVALID_UTF8) {
    const enc = percent(bad.bytes)
    for (const path of [
      `/api/entries/${enc}`,
      `/api/entries?where[title][equals]=${enc}`,
      `/api/submissions/entries/${enc}`,
      `/api/voting/leaderboard?campaign=${enc}`,
    ]) {
      cases.push({
        name: `GET ${path}`,
        category: 'invalid-utf8',
        expect: path.includes('?') ? 'no-leak' : 'refuse',
        request: { path, as: f.people.fresh },
      })
    }
    for (const path of [`/entries/${enc}`, `/campaigns/${enc}`, `/news/${enc}`, `/?q=${enc}`]) {
      cases.push({
        name: `site GET ${path}`,
        category: 'invalid-utf8',
        expect: path.startsWith('/?') ? 'no-leak' : 'refuse',
        request: { path, to: 'site' },
      })
    }
    cases.push({
      name: `PATCH /api/submissions/drafts/${enc}`,
      category: 'invalid-utf8',
      expect: 'refuse',
      request: {
        method: 'PATCH',
        path: `/api/submissions/drafts/${enc}`,
        json: { title: 'x' },
        as: f.people.fresh,
      },
    })
  }
  return cases
}

export function readCases(
  f: Fixtures,
  truth: Truth,
  seed: number,
  runs: number,
  probes: Probes,
): FuzzCase[] {
  const cases: FuzzCase[] = []
  for (const collection of READ_COLLECTIONS) {
    for (const who of VIEWERS) {
      for (const query of CORPUS_QUERIES) {
        cases.push(
          readCase(
            f,
            truth,
            collection,
            who,
            query,
            `${who} GET ${collection}?${query.slice(0, 80)}`,
          ),
        )
      }
    }
    for (const query of POLLUTION_QUERIES) {
      cases.push({
        ...readCase(
          f,
          truth,
          collection,
          'anonymous',
          query,
          `anonymous GET ${collection}?${query}`,
        ),
        category: 'prototype-pollution',
        check: async (answer, run) =>
          (await leakIn(truth, collection, jsonOf(answer), {})) ?? (await probes.changed(run)),
      })
    }
  }
  // The property: any where tree, any viewer, any depth, limit and sort, shows nothing hidden.
  const samples = fc.sample(
    fc.tuple(
      fc.constantFrom(...READ_COLLECTIONS.filter((c) => !c.includes('/'))),
      fc.constantFrom<Who>('anonymous', 'fresh', 'institution', 'partner', 'participant'),
      whereTree,
      readOptions,
    ),
    { seed: seed + 7, numRuns: runs * 4 },
  )
  for (const [collection, who, tree, opts] of samples) {
    const parts = toQuery(tree)
    for (const [k, v] of Object.entries(opts)) {
      if (v !== undefined) {
        parts.push(`${k}=${v}`)
      }
    }
    const query = parts.join('&')
    cases.push(
      readCase(
        f,
        truth,
        collection,
        who,
        query,
        `${who} GET ${collection} (property) ?${query.slice(0, 90)}`,
      ),
    )
  }
  cases.push(...sideChannelCases(f), ...directCases(f, truth), ...malformedCases(f))
  return cases
}
