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

import { resultsPlugin } from '../src'
import { resultsEndpoints } from '../src/endpoints'

export type Doc = Record<string, unknown> & { id: number }

export interface Host {
  payload: Payload
  cleanup: () => Promise<void>
}

/**
 * A host that is not Exemplar: `works` in `contests` (tracks called
 * `categories`, inside tabs), `members` with a `role`, `institutions`, the
 * experts' scores kept by the host on each work (`panelMean`,
 * `panelCount`) and handed to the plugin by its `expertScores` option.
 * Transactions on, as the CMS has them.
 */
export async function bootHost(name: string): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `results-host-${name}-`))
  const config = buildConfig({
    secret: 'results-host-secret',
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
      { slug: 'institutions', fields: [{ name: 'label', type: 'text', required: true }] },
      {
        slug: 'contests',
        access: { read: () => true },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'handle', type: 'text' },
          {
            type: 'tabs',
            tabs: [
              {
                label: 'Categories',
                fields: [
                  {
                    name: 'categories',
                    type: 'array',
                    fields: [
                      { name: 'key', type: 'text', required: true },
                      { name: 'name', type: 'text', required: true },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        slug: 'works',
        access: { read: () => true },
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'code', type: 'text' },
          { name: 'state', type: 'text', required: true },
          { name: 'contest', type: 'relationship', relationTo: 'contests', required: true },
          { name: 'category', type: 'text', required: true },
          { name: 'institution', type: 'relationship', relationTo: 'institutions' },
          { name: 'region', type: 'text' },
          { name: 'likes', type: 'number', defaultValue: 0 },
          { name: 'panelMean', type: 'number' },
          { name: 'panelCount', type: 'number', defaultValue: 0 },
          {
            name: 'frozen',
            type: 'group',
            fields: [
              { name: 'versionId', type: 'text' },
              { name: 'sha256', type: 'text' },
            ],
          },
        ],
      },
    ],
    plugins: [
      resultsPlugin({
        entries: 'works',
        campaigns: 'contests',
        organizations: 'institutions',
        users: 'members',
        slugs: { snapshots: 'verdicts' },
        fields: {
          campaign: 'contest',
          track: 'category',
          status: 'state',
          number: 'code',
          title: 'name',
          organization: 'institution',
          province: 'region',
          votes: 'likes',
          pin: 'frozen',
          slug: 'handle',
          campaignTitle: 'name',
          tracks: 'categories',
          organizationName: 'label',
        },
        rankedStates: ['shown', 'judged'],
        revokedState: 'struck',
        expertScores: async (req, contestId) => {
          const { docs } = await req.payload.find({
            collection: 'works' as never,
            where: { contest: { equals: contestId }, panelCount: { greater_than: 0 } },
            pagination: false,
            depth: 0,
            req,
          })
          return {
            method: 'zscore',
            entries: (docs as unknown as Doc[]).map((d) => ({
              entryId: d.id,
              mean: Number(d.panelMean),
              reviews: Number(d.panelCount),
            })),
          }
        },
        isEditor: (user) => (user as { role?: string } | null)?.role === 'chair',
      }),
    ],
  })
  const payload = await getPayload({ config, key: `results-host-${name}` })
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
  response: Response
}

/** A plugin route called through its handler with a real request as `user` (none: signed out). */
export async function callRoute(
  host: Host,
  user: Doc | null,
  method: string,
  path: string,
  body?: unknown,
  query: Record<string, string> = {},
): Promise<Answer> {
  for (const endpoint of resultsEndpoints) {
    const match = new RegExp(`^${endpoint.path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`).exec(path)
    if (endpoint.method === method && match) {
      const req: PayloadRequest = await createLocalReq(
        user ? { user: { ...user, collection: 'members' } as never } : {},
        host.payload,
      )
      req.routeParams = { ...match.groups }
      req.query = query
      req.json = async () => body
      req.payloadAPI = 'REST'
      const response = await (endpoint.handler as PayloadHandler)(req)
      const type = response.headers.get('content-type') ?? ''
      const parsed = type.includes('json')
        ? ((await response.clone().json()) as Record<string, unknown>)
        : {}
      return { status: response.status, body: parsed, response }
    }
  }
  throw new Error(`no route ${method} ${path}`)
}
