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

import { objectionsPlugin } from '../src'
import { objectionsEndpoints } from '../src/endpoints'

export type Doc = Record<string, unknown> & { id: number }

export interface Host {
  payload: Payload
  cleanup: () => Promise<void>
}

/**
 * A host that is not Exemplar: `works` in `contests` whose timeline is
 * `stages`, `members` with a `role` and a `mail` address, complaints in
 * `complaints`. Revoking sets a work `struck` with the reason; freezing
 * again writes a `verdicts` row. Transactions on, as the CMS has them.
 */
export async function bootHost(name: string): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `objections-host-${name}-`))
  const config = buildConfig({
    secret: 'objections-host-secret',
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
        fields: [
          { name: 'role', type: 'text' },
          { name: 'mail', type: 'text' },
        ],
      },
      {
        slug: 'contests',
        fields: [
          { name: 'name', type: 'text', required: true },
          {
            name: 'stages',
            type: 'array',
            fields: [
              { name: 'kind', type: 'text' },
              { name: 'startsAt', type: 'date' },
              { name: 'endsAt', type: 'date' },
            ],
          },
        ],
      },
      {
        slug: 'works',
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'code', type: 'text' },
          { name: 'state', type: 'text', required: true },
          { name: 'contest', type: 'relationship', relationTo: 'contests', required: true },
          { name: 'why', type: 'text' },
        ],
      },
      {
        slug: 'verdicts',
        fields: [
          { name: 'contest', type: 'relationship', relationTo: 'contests' },
          { name: 'reason', type: 'text' },
        ],
      },
    ],
    plugins: [
      objectionsPlugin({
        slug: 'complaints',
        entries: 'works',
        campaigns: 'contests',
        users: 'members',
        fields: {
          status: 'state',
          campaign: 'contest',
          title: 'name',
          number: 'code',
          phases: 'stages',
          email: 'mail',
        },
        objectableStates: ['listed'],
        revokeEntry: async (req, id, reason) => {
          await req.payload.update({
            collection: 'works' as never,
            id,
            data: { state: 'struck', why: `${reason.code}: ${reason.text}` } as never,
            req,
          })
        },
        refreeze: async (req, contest, reason) =>
          (
            (await req.payload.create({
              collection: 'verdicts' as never,
              data: { contest, reason } as never,
              req,
            })) as unknown as Doc
          ).id,
        isEditor: (user) => (user as { role?: string } | null)?.role === 'chair',
      }),
    ],
  })
  const payload = await getPayload({ config, key: `objections-host-${name}` })
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
  path: string,
  body: unknown,
  routeParams: Record<string, string> = {},
): Promise<Answer> {
  const endpoint = objectionsEndpoints.find((e) => e.path === path)!
  const req: PayloadRequest = await createLocalReq(
    user ? { user: { ...user, collection: 'members' } as never } : {},
    host.payload,
  )
  req.json = async () => body
  req.routeParams = routeParams
  req.payloadAPI = 'REST'
  const response = await (endpoint.handler as PayloadHandler)(req)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
