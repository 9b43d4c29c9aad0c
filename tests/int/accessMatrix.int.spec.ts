import { formatNames, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLE_KEYS, type Cell, type RoleCells, type RoleKey } from '@exemplar/cms/access/cells'
import { ACCESS_TABLE } from '@exemplar/cms/access/table'

import { FIXTURES, makeWorld, smallPng, type Doc, type World } from '../helpers/accessFixtures'
import { apiClient, graphqlForbidden, type ApiClient, type Json } from '../helpers/api'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { matches } from '../helpers/where'

/**
 * Walks every cell of the access table (cms/src/access/table.ts) — role ×
 * collection × operation, and every global — through Payload's REST and
 * GraphQL handlers, with a real signed-in user of each role: a cell's rule
 * says which fixtures the role may read, change or delete, and both APIs
 * must let exactly those through.
 */
const KEY = 'matrix'
const COLLECTIONS = Object.keys(ACCESS_TABLE.collections)
const GLOBALS = Object.keys(ACCESS_TABLE.globals)
const OPS = ['read', 'update', 'create', 'readVersions', 'delete'] as const
const AUTH_OPS = ['unlock', 'admin'] as const
const CELLS =
  ROLE_KEYS.length *
  (COLLECTIONS.length * OPS.length +
    COLLECTIONS.filter((s) => ACCESS_TABLE.collections[s]!.unlock).length * AUTH_OPS.length +
    GLOBALS.length * 3)

let t: TestPayload
let api: ApiClient
let world: World
let fixtures: Record<string, Record<string, Doc>>
/** Query and mutation names the GraphQL schema has. */
let graphqlFields: Set<string>

beforeAll(async () => {
  t = await bootPayload(KEY)
  api = apiClient(t.payload, KEY)
  world = await makeWorld(t.payload)
  fixtures = {}
  for (const slug of COLLECTIONS) {
    fixtures[slug] = await makeKinds(slug)
  }
  const schema = await api.graphql(
    '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
  )
  const names = [
    ...(schema.data?.__schema.queryType.fields ?? []),
    ...(schema.data?.__schema.mutationType.fields ?? []),
  ].map((f: { name: string }) => f.name)
  graphqlFields = new Set(names)
})

afterAll(async () => {
  await t?.cleanup()
})

async function makeKinds(slug: string, forDelete = false): Promise<Record<string, Doc>> {
  const out: Record<string, Doc> = {}
  const spec = FIXTURES[slug]!
  for (const [kind, make] of Object.entries((forDelete && spec.deleteKinds) || spec.kinds)) {
    out[kind] = await make(world)
  }
  return out
}

const tokenOf = (role: RoleKey) => (role === 'anonymous' ? undefined : world.tokens[role])

/** What the table says of one document for one role: the cell, or its rule read against the document. */
async function admits(slug: string, cell: Cell, role: RoleKey, doc: Doc): Promise<boolean> {
  if (typeof cell === 'boolean') {
    return cell
  }
  const user = role === 'anonymous' ? null : { ...world.users[role], collection: 'users' }
  const where = await cell({ user } as unknown as PayloadRequest)
  const stored = (await t.payload.findByID({
    collection: slug as never,
    id: doc.id,
    depth: 0,
    draft: true,
  })) as unknown as Doc
  return typeof where === 'boolean' ? where : matches(stored, where)
}

function names(slug: string) {
  const { singular, plural } = formatNames(slug)
  return { singular, plural: singular === plural ? `all${plural}` : plural }
}

const literal = (id: Doc['id']) => (typeof id === 'number' ? String(id) : JSON.stringify(id))

/** Reachable over GraphQL: Payload leaves its own bookkeeping collections out of the schema. */
function inGraphql(field: string): boolean {
  return graphqlFields.has(field)
}

/** The answers that mean "not for you" (or "no such route", where Payload mounts none), or 200. */
function refusedOr200(spec: { noRest?: true }): number[] {
  return spec.noRest ? [404, 501] : [200, 401, 403, 404]
}

const row = (slug: string) => ACCESS_TABLE.collections[slug]!
const versioned = (slug: string) =>
  Boolean(
    (t.payload.collections as Record<string, { config: { versions?: unknown } }>)[slug]?.config
      .versions,
  )

describe(`the access table: ${CELLS} cells over REST and GraphQL`, () => {
  it('should name every collection and global Payload serves, and nothing else', () => {
    expect(Object.keys(t.payload.collections).sort()).toEqual([...COLLECTIONS].sort())
    expect(t.payload.config.globals.map((g) => g.slug).sort()).toEqual([...GLOBALS].sort())
  })

  it('should hold a file on public display among the fixtures (its uploader may no longer change it)', async () => {
    const stored = await t.payload.findByID({
      collection: 'media',
      id: fixtures.media!.minePublic!.id,
      depth: 0,
    })
    expect((stored as { onPublicDisplay?: boolean }).onPublicDisplay).toBe(true)
  })

  it('should expose every collection of the domain over GraphQL', () => {
    const missing = COLLECTIONS.filter((s) => !s.startsWith('payload-'))
      .map((s) => names(s).plural)
      .filter((field) => !inGraphql(field))
    expect(missing).toEqual([])
  })

  describe.each(COLLECTIONS)('%s', (slug) => {
    const cells = (op: (typeof OPS)[number]): RoleCells => row(slug)[op]

    it.each(ROLE_KEYS)('read × %s', async (role) => {
      const spec = FIXTURES[slug]!
      const docs = Object.values(fixtures[slug]!)
      const allowed: Doc['id'][] = []
      for (const doc of docs) {
        const expected = await admits(slug, cells('read')[role], role, doc)
        // Preferences are read by key, and only ever the caller's own.
        const path = spec.keyed ? `/${slug}/${String(doc.key)}` : `/${slug}/${doc.id}?depth=0`
        const rest = await api.rest('GET', path, { token: tokenOf(role) })
        expect(refusedOr200(spec), `REST GET ${path}`).toContain(rest.status)
        const found = rest.status === 200 && String(rest.body.id) === String(doc.id)
        expect(found, `REST GET ${path}: ${JSON.stringify(rest.body)}`).toBe(expected)
        const { singular } = names(slug)
        if (inGraphql(singular)) {
          const gql = await api.graphql(
            `{ ${singular}(id: ${literal(doc.id)}) { id } }`,
            {},
            tokenOf(role),
          )
          expect(Boolean(gql.data?.[singular]?.id), `GraphQL ${singular}(${doc.id})`).toBe(expected)
        }
        if (expected) {
          allowed.push(doc.id)
        }
      }
      const ids = docs.map((d) => d.id).join(',')
      const list = await api.rest('GET', `/${slug}?depth=0&limit=100&where[id][in]=${ids}`, {
        token: tokenOf(role),
      })
      expect(refusedOr200(spec), `REST list ${slug}`).toContain(list.status)
      const listed = list.status === 200 ? list.body.docs.map((d: Doc) => d.id) : []
      expect(listed.map(String).sort(), `REST list ${slug}`).toEqual(allowed.map(String).sort())
    })

    it.each(ROLE_KEYS)('update × %s', async (role) => {
      for (const doc of Object.values(fixtures[slug]!)) {
        const expected = await admits(slug, cells('update')[role], role, doc)
        const rest = await api.rest('PATCH', `/${slug}/${doc.id}`, {
          token: tokenOf(role),
          body: {},
        })
        expect(
          refusedOr200(FIXTURES[slug]!),
          `REST PATCH ${slug}/${doc.id}: ${JSON.stringify(rest.body)}`,
        ).toContain(rest.status)
        expect(
          rest.status === 200,
          `REST PATCH ${slug}/${doc.id}: ${JSON.stringify(rest.body)}`,
        ).toBe(expected)
        const field = `update${names(slug).singular}`
        if (inGraphql(field)) {
          const gql = await api.graphql(
            `mutation { ${field}(id: ${literal(doc.id)}, data: {}) { id } }`,
            {},
            tokenOf(role),
          )
          expect(
            Boolean(gql.data?.[field]?.id),
            `GraphQL ${field}: ${gql.errors[0]?.message}`,
          ).toBe(expected)
        }
      }
    })

    it.each(ROLE_KEYS)('create × %s', async (role) => {
      const expected = cells('create')[role] === true
      const sample = await FIXTURES[slug]!.sample(world, role)
      const rest = FIXTURES[slug]!.upload
        ? await api.rest('POST', `/${slug}`, {
            token: tokenOf(role),
            form: await uploadForm(sample),
          })
        : await api.rest('POST', `/${slug}`, { token: tokenOf(role), body: sample })
      expect(rest.status, `REST POST ${slug}: ${JSON.stringify(rest.body)}`).toBe(
        expected ? 201 : FIXTURES[slug]!.noRest ? 501 : 403,
      )
      const field = `create${names(slug).singular}`
      if (inGraphql(field)) {
        const gql = await api.graphql(
          `mutation ($data: mutation${names(slug).singular}Input!) { ${field}(data: $data) { id } }`,
          { data: await FIXTURES[slug]!.sample(world, role) },
          tokenOf(role),
        )
        expect(graphqlForbidden(gql), `GraphQL ${field}: ${gql.errors[0]?.message}`).toBe(!expected)
        // Uploads carry no file over GraphQL; everything else is stored.
        expect(Boolean(gql.data?.[field]?.id), `GraphQL ${field}`).toBe(
          expected && !FIXTURES[slug]!.upload,
        )
      }
    })

    it.each(ROLE_KEYS)('readVersions × %s', async (role) => {
      const expected = versioned(slug) && cells('readVersions')[role] !== false
      // Preferences answer /versions as the caller's own preference named "versions".
      const rest = FIXTURES[slug]!.keyed
        ? { status: 404 }
        : await api.rest('GET', `/${slug}/versions?depth=0`, { token: tokenOf(role) })
      expect(rest.status, `REST GET ${slug}/versions`).toBe(
        versioned(slug) ? (expected ? 200 : 403) : FIXTURES[slug]!.noRest ? rest.status : 404,
      )
      expect(refusedOr200(FIXTURES[slug]!)).toContain(rest.status)
      const field = `versions${names(slug).plural}`
      expect(inGraphql(field)).toBe(versioned(slug))
      if (versioned(slug)) {
        const gql = await api.graphql(`{ ${field} { docs { id } } }`, {}, tokenOf(role))
        expect(graphqlForbidden(gql), `GraphQL ${field}`).toBe(!expected)
      }
    })

    it.each(ROLE_KEYS)('delete × %s', async (role) => {
      for (const api_ of ['rest', 'graphql'] as const) {
        const field = `delete${names(slug).singular}`
        if (api_ === 'graphql' && !inGraphql(field)) {
          continue
        }
        for (const doc of Object.values(await makeKinds(slug, true))) {
          const expected = await admits(slug, cells('delete')[role], role, doc)
          if (api_ === 'rest') {
            const path = FIXTURES[slug]!.keyed
              ? `/${slug}/${String(doc.key)}`
              : `/${slug}/${doc.id}`
            const rest = await api.rest('DELETE', path, { token: tokenOf(role) })
            expect(refusedOr200(FIXTURES[slug]!), `REST DELETE ${path}`).toContain(rest.status)
            expect(rest.status === 200, `REST DELETE ${slug}: ${JSON.stringify(rest.body)}`).toBe(
              expected,
            )
          } else {
            const gql = await api.graphql(
              `mutation { ${field}(id: ${literal(doc.id)}) { id } }`,
              {},
              tokenOf(role),
            )
            expect(Boolean(gql.data?.[field]?.id), `GraphQL ${field}`).toBe(expected)
          }
          const left = await t.payload.count({
            collection: slug as never,
            where: { id: { equals: doc.id } },
          })
          expect(left.totalDocs, `${slug} ${doc.id} after delete`).toBe(expected ? 0 : 1)
          await t.payload.delete({ collection: slug as never, where: { id: { equals: doc.id } } })
        }
      }
    })
  })

  describe.each(COLLECTIONS.filter((s) => ACCESS_TABLE.collections[s]!.unlock))(
    '%s (auth)',
    (slug) => {
      it.each(ROLE_KEYS)('unlock × %s', async (role) => {
        const expected = row(slug).unlock![role] === true
        const email = world.users.other.email as string
        const rest = await api.rest('POST', `/${slug}/unlock`, {
          token: tokenOf(role),
          body: { email },
        })
        expect(rest.status, JSON.stringify(rest.body)).toBe(expected ? 200 : 403)
        const field = `unlock${names(slug).singular}`
        const gql = await api.graphql(
          `mutation { ${field}(email: ${JSON.stringify(email)}) }`,
          {},
          tokenOf(role),
        )
        expect(gql.data?.[field] === true, gql.errors[0]?.message).toBe(expected)
      })

      it.each(ROLE_KEYS)('admin × %s', async (role) => {
        const expected = row(slug).admin![role] === true
        const rest = await api.rest('GET', '/access', { token: tokenOf(role) })
        expect(rest.body.canAccessAdmin === true).toBe(expected)
        const gql = await api.graphql('{ Access { canAccessAdmin } }', {}, tokenOf(role))
        expect(gql.data?.Access?.canAccessAdmin === true).toBe(expected)
      })
    },
  )

  describe.each(GLOBALS)('global %s', (slug) => {
    const global = ACCESS_TABLE.globals[slug]!
    const { singular } = formatNames(slug)

    it.each(ROLE_KEYS)('read × %s', async (role) => {
      const expected = global.read[role] === true
      const rest = await api.rest('GET', `/globals/${slug}`, { token: tokenOf(role) })
      expect(rest.status).toBe(expected ? 200 : 403)
      if (inGraphql(singular)) {
        const gql = await api.graphql(`{ ${singular} { updatedAt } }`, {}, tokenOf(role))
        expect(graphqlForbidden(gql), gql.errors[0]?.message).toBe(!expected)
      }
    })

    it.each(ROLE_KEYS)('update × %s', async (role) => {
      const expected = global.update[role] === true
      const rest = await api.rest('POST', `/globals/${slug}`, { token: tokenOf(role), body: {} })
      expect(rest.status).toBe(expected ? 200 : 403)
      const field = `update${singular}`
      if (inGraphql(field)) {
        const gql = await api.graphql(
          `mutation { ${field}(data: {}) { updatedAt } }`,
          {},
          tokenOf(role),
        )
        expect(graphqlForbidden(gql), gql.errors[0]?.message).toBe(!expected)
      }
    })

    it.each(ROLE_KEYS)('readVersions × %s', async (role) => {
      // The global keeps no versions: whatever the cell says, there is nothing to read.
      expect(typeof global.readVersions[role]).not.toBe('undefined')
      const rest = await api.rest('GET', `/globals/${slug}/versions`, { token: tokenOf(role) })
      expect(rest.status).toBe(404)
      expect(inGraphql(`versions${singular}`)).toBe(false)
    })
  })
})

async function uploadForm(data: Json): Promise<FormData> {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  form.append(
    'file',
    new Blob([new Uint8Array(await smallPng())], { type: 'image/png' }),
    'matrix.png',
  )
  return form
}
