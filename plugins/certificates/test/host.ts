import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import {
  buildConfig,
  createLocalReq,
  getPayload,
  type Payload,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'

import { certificatesPlugin, ed25519KeyFromSecret } from '../src'
import { certificatesEndpoints } from '../src/endpoints'

export type Doc = Record<string, unknown> & { id: number }

export interface Host {
  payload: Payload
  cleanup: () => Promise<void>
}

/**
 * A host that is not Exemplar: `works` in `contests` (a `season` for the
 * year), `members` with a `role`, frozen results in `verdicts` (the shape
 * the results plugin writes), authors kept on each work as `people`, and
 * the certificates in `diplomas`. Transactions on, as the CMS has them.
 */
export async function bootHost(name: string): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `certificates-host-${name}-`))
  const key = ed25519KeyFromSecret('certificates-host-secret')
  const config = buildConfig({
    secret: 'certificates-host-secret',
    telemetry: false,
    db: sqliteAdapter({
      client: { url: `file:${path.join(dir, 'host.db')}` },
      transactionOptions: {},
    }),
    admin: { user: 'members' },
    collections: [
      {
        slug: 'members',
        auth: true,
        access: { read: () => true },
        fields: [{ name: 'role', type: 'text' }],
      },
      {
        slug: 'contests',
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'season', type: 'number', required: true },
        ],
      },
      {
        slug: 'works',
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'state', type: 'text', required: true },
          { name: 'contest', type: 'relationship', relationTo: 'contests', required: true },
          { name: 'owner', type: 'relationship', relationTo: 'members' },
          { name: 'people', type: 'json' },
          { name: 'school', type: 'text' },
          { name: 'diploma', type: 'text' },
          { name: 'log', type: 'json' },
        ],
      },
      {
        slug: 'verdicts',
        fields: [
          { name: 'campaign', type: 'relationship', relationTo: 'contests', required: true },
          { name: 'sequence', type: 'number', required: true },
          { name: 'sha256', type: 'text', required: true },
          { name: 'body', type: 'json', required: true },
        ],
      },
    ],
    plugins: [
      certificatesPlugin({
        slug: 'diplomas',
        entries: 'works',
        campaigns: 'contests',
        users: 'members',
        snapshots: 'verdicts',
        fields: { status: 'state', campaign: 'contest', history: 'log', year: 'season' },
        awardedState: 'won',
        revokedState: 'struck',
        partnersOf: async () => [{ name: '乡村日报', user: null }],
        holdersOf: async (req, ids) => {
          const { docs } = await req.payload.find({
            collection: 'works' as never,
            where: { id: { in: ids } },
            pagination: false,
            depth: 0,
            req,
          })
          return new Map(
            (docs as unknown as Doc[]).map((d) => [
              String(d.id),
              {
                names: (d.people as string[] | undefined) ?? [],
                institution: String(d.school ?? ''),
                user: (d.owner as number | undefined) ?? null,
              },
            ]),
          )
        },
        recordOnEntry: async (req, id, number) => {
          await req.payload.update({
            collection: 'works' as never,
            id,
            data: { diploma: number } as never,
            req,
          })
        },
        signingKey: () => key,
        isEditor: (user) => (user as { role?: string } | null)?.role === 'chair',
      }),
    ],
  })
  const payload = await getPayload({ config, key: `certificates-host-${name}` })
  return {
    payload,
    cleanup: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Answer {
  status: number
  body: Record<string, unknown>
}

/** A plugin route called through its handler with a real request as `user` (none: signed out). */
export async function callRoute(
  host: Host,
  user: Doc | null,
  method: string,
  path: string,
  body?: unknown,
  routeParams: Record<string, string> = {},
  query: Record<string, string> = {},
): Promise<Answer> {
  const endpoint = certificatesEndpoints.find(
    (e) => e.method === method && `/diplomas${e.path}` === path,
  )
  if (!endpoint) {
    throw new Error(`no route ${method} ${path}`)
  }
  const req: PayloadRequest = await createLocalReq(
    user ? { user: { ...user, collection: 'members' } as never } : {},
    host.payload,
  )
  req.json = async () => body
  req.routeParams = routeParams
  Object.assign(req, { searchParams: new URLSearchParams(query) })
  req.payloadAPI = 'REST'
  const response = await (endpoint.handler as PayloadHandler)(req)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
