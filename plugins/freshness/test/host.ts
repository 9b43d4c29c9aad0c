import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { buildConfig, createLocalReq, getPayload, type Payload, type PayloadRequest } from 'payload'

import { freshnessPlugin, type ChangedDoc } from '../src'
import { changesHandler } from '../src/endpoints/changesHandler'

export type Doc = Record<string, unknown> & { id: number }

export interface Host {
  payload: Payload
  cleanup: () => Promise<void>
}

/**
 * A host that is not Exemplar: `articles` shown on a public page while
 * `shown`, on their `section`'s page, and changes recorded in `refreshes`.
 * Transactions on, as the CMS has them.
 */
export async function bootHost(name: string): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `freshness-host-${name}-`))
  const config = buildConfig({
    secret: 'freshness-host-secret',
    telemetry: false,
    db: sqliteAdapter({
      client: { url: `file:${path.join(dir, 'host.db')}` },
      transactionOptions: {},
    }),
    collections: [
      {
        slug: 'articles',
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'section', type: 'text' },
          { name: 'shown', type: 'checkbox' },
        ],
      },
    ],
    plugins: [
      freshnessPlugin({
        slug: 'refreshes',
        sources: {
          articles: ({ doc, previousDoc }: ChangedDoc) =>
            doc.shown === true || previousDoc?.shown === true
              ? [`article:${String(doc.id)}`, `section:${String(doc.section)}`, 'front']
              : [],
        } as never,
      }),
    ],
  })
  const payload = await getPayload({ config, key: `freshness-host-${name}` })
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

/** `GET /api/freshness/changes?<query>` through its handler, signed out. */
export async function askChanges(host: Host, query: string): Promise<Answer> {
  const req: PayloadRequest = await createLocalReq({}, host.payload)
  Object.assign(req, { url: `http://host.test/api/freshness/changes?${query}` })
  req.payloadAPI = 'REST'
  const response = await changesHandler(req)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
